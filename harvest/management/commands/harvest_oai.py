"""`manage.py harvest_oai [SOURCE_ID ...] [--full] [--due]`: harvest OAI-PMH sources (docs/harvesting.md)."""

from django.core.management.base import BaseCommand, CommandError

from harvest.harvester import HarvestLocked, harvest
from harvest.models import HarvestRun, HarvestSource


class Command(BaseCommand):
    help = (
        "Harvest OAI-PMH sources: the given ones, or every enabled source. Each run asks for the records "
        "changed since the last successful run and continues an interrupted run where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("source_ids", nargs="*", type=int, metavar="SOURCE_ID", help="Harvest only these sources.")
        parser.add_argument(
            "--full", action="store_true", help="Ask for every record, not only those changed since the last run."
        )
        parser.add_argument(
            "--due",
            action="store_true",
            help="Only the enabled sources whose interval has passed since their last run (for cron or a timer).",
        )

    def handle(self, *args, source_ids, full, due, **options):
        if source_ids:
            sources = list(HarvestSource.objects.filter(pk__in=source_ids).select_related("target_collection"))
            missing = set(source_ids) - {s.pk for s in sources}
            if missing:
                raise CommandError(f"No harvest source with id {', '.join(str(i) for i in sorted(missing))}.")
        else:
            sources = list(HarvestSource.objects.filter(enabled=True).select_related("target_collection"))
        if due:
            sources = [s for s in sources if s.is_due()]
        failures = []
        for source in sources:
            try:
                run = harvest(source, full=full)
            except HarvestLocked as exc:
                self.stderr.write(str(exc))
                continue
            summary = f"{source.name}: {run.get_status_display()} — {run.report.splitlines()[-1]}"
            if run.status == HarvestRun.Status.SUCCEEDED:
                self.stdout.write(summary)
            else:
                self.stderr.write(summary)
                failures.append(source.name)
        if failures:
            raise CommandError(f"Interrupted: {', '.join(failures)}. The next run continues where each stopped.")
