from django.core.management.base import BaseCommand

from oai.sync import rebuild_all


class Command(BaseCommand):
    help = "Rebuild every OAI-PMH record from the catalogue (after installing, or when records are pending)."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total}")

        groups, changed = rebuild_all(progress)
        self.stdout.write(f"{groups} records checked, {changed} changed.")
