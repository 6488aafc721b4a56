"""manage.py import_plone EXPORT_DIR: import a collective.exportimport export (docs/migrating-from-plone.md)."""

import time

from django.core.management.base import BaseCommand, CommandError

from plone_import.importer import PloneImporter


class Command(BaseCommand):
    help = "Import a Plone site exported with collective.exportimport (content JSON plus companion files)."

    def add_arguments(self, parser):
        parser.add_argument("export_dir", help="Folder with the content JSON, export_*.json files and blobstorage/.")
        parser.add_argument("--dry-run", action="store_true", help="Print what each object becomes; write nothing.")
        parser.add_argument("--mapping", help="JSON file overriding the default mapping.")
        parser.add_argument("--site", help="Hostname of the Wagtail site to import into (default: the default site).")
        parser.add_argument("--content", help="The content JSON (default: the shortest *.json name not export_*).")
        parser.add_argument(
            "--send-password-reset",
            action="store_true",
            help="Email each newly imported user a link to choose a password.",
        )
        parser.add_argument("--blob-dir", help="Folder the blob_path values are relative to (default: blobstorage/).")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            importer = PloneImporter(
                options["export_dir"],
                content=options["content"],
                blob_dir=options["blob_dir"],
                mapping=options["mapping"],
                site=options["site"],
                dry_run=options["dry_run"],
                out=self.stdout.write,
                send_password_reset=options["send_password_reset"],
            )
            report = importer.run()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"{report.total} objects in {time.monotonic() - started:.1f} s")
        if report.failed:
            raise CommandError(f"{report.failed} objects failed (listed above)")
