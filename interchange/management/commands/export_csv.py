"""Export catalogue items to CSV (docs/formats/csv.md): all of them or one collection's."""

import sys

from django.core.management.base import BaseCommand

from catalogue.models import Item
from interchange.csvformat import export_rows

from ._common import collection_from


class Command(BaseCommand):
    help = "Write items as CSV (docs/formats/csv.md) to a file or standard output."

    def add_arguments(self, parser):
        parser.add_argument("--collection", help="Only the items of this collection (page id or slug).")
        parser.add_argument("--public", action="store_true", help="Only items every visitor may see.")
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        items = Item.objects.all()
        collection = collection_from(options["collection"])
        if collection is not None:
            items = items.filter(collections=collection)
        if options["public"]:
            items = items.public()
        out = open(options["output"], "w", encoding="utf-8", newline="") if options["output"] else sys.stdout  # noqa: SIM115
        try:
            for line in export_rows(items):
                out.write(line)
        finally:
            if out is not sys.stdout:
                out.close()
