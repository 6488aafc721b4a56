"""Import MARC 21 records (binary MARC-8/UTF-8 or MARCXML) into the catalogue. See docs/importing.md."""

from django.core.management.base import BaseCommand, CommandError

from interchange.marc import read_marc, to_record
from interchange.writer import RecordError, Report, Writer, run_batches

from ._common import add_writer_options, collection_from, finish, limited


class Command(BaseCommand):
    help = "Import MARC 21 records (binary or MARCXML); re-runs update records by control number."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--encoding",
            default="iso8859-1",
            help="Character set of records that are not UTF-8 or MARC-8 (e.g. cp1251); default iso8859-1.",
        )
        parser.add_argument(
            "--force-utf8", action="store_true", help="Read every record as UTF-8 whatever its leader says."
        )
        parser.add_argument(
            "--replace-bad-characters",
            action="store_true",
            help="Replace bytes that are not valid UTF-8 instead of rejecting the record.",
        )
        add_writer_options(parser)

    def handle(self, *args, **options):
        try:
            open(options["file"], "rb").close()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from exc
        writer = Writer(
            collection=collection_from(options["collection"]),
            draft=options["draft"],
            dry_run=options["dry_run"],
            index=not options["no_index"],
        )
        report = Report()
        entries = read_marc(
            options["file"],
            encoding=options["encoding"],
            force_utf8=options["force_utf8"],
            utf8_handling="replace" if options["replace_bad_characters"] else "strict",
        )
        run_batches(
            self.mapped(limited(entries, options["limit"])),
            writer,
            report,
            batch_size=options["batch_size"],
            on_error=lambda message: self.stderr.write(message),
            on_batch=lambda r: self.stdout.write(r.summary()) if options["verbosity"] > 1 else None,
        )
        finish(self, report, options["dry_run"])

    def mapped(self, entries):
        for where, marc in entries:
            if isinstance(marc, Exception):
                yield where, marc
                continue
            try:
                yield where, to_record(marc)
            except RecordError as exc:
                yield where, exc
            except Exception as exc:  # a record pymarc read but the mapping could not make sense of
                yield where, RecordError(f"{type(exc).__name__}: {exc}")
