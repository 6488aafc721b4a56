"""Import catalogue records from CSV (docs/formats/csv.md)."""

from django.core.management.base import BaseCommand, CommandError

from interchange.csvformat import read_csv
from interchange.writer import Report, Writer, run_batches

from ._common import add_writer_options, collection_from, finish, limited


class Command(BaseCommand):
    help = "Import items from a CSV file in the format of docs/formats/csv.md; rows with an id update that item."

    def add_arguments(self, parser):
        parser.add_argument("file")
        add_writer_options(parser)

    def handle(self, *args, **options):
        try:
            stream = open(options["file"], encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from exc
        writer = Writer(
            collection=collection_from(options["collection"]),
            draft=options["draft"],
            dry_run=options["dry_run"],
            index=not options["no_index"],
        )
        report = Report()
        with stream:
            run_batches(
                limited(read_csv(stream), options["limit"]),
                writer,
                report,
                batch_size=options["batch_size"],
                on_error=lambda message: self.stderr.write(message),
            )
        finish(self, report, options["dry_run"])
