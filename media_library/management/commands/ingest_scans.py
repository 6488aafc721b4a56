"""Add a folder of page images to an item, in natural filename order (001.tif … 010.tif)."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from natsort import natsorted, ns

from catalogue.editing import change_item
from catalogue.models import Item, ItemFile, ItemIdentifier
from media_library.models import CustomImage
from media_library.validation import SCAN_EXTENSIONS, FileRejected, check_scan


def folio_label(n):
    """1 → f. 1r, 2 → f. 1v, 3 → f. 2r …"""
    return f"f. {(n + 1) // 2}{'r' if n % 2 else 'v'}"


LABELS = {
    "page": lambda n, path: f"p. {n}",
    "folio": lambda n, path: folio_label(n),
    "filename": lambda n, path: path.stem,
}


class Command(BaseCommand):
    help = (
        "Add the page images in FOLDER to ITEM (its id, or a shelfmark/legacy identifier) in natural filename "
        "order. Bad files are reported with the reason and skipped; the good ones are added."
    )

    def add_arguments(self, parser):
        parser.add_argument("item", help="Item id, or the value of one of its identifiers.")
        parser.add_argument("folder", type=Path)
        parser.add_argument("--labels", choices=sorted(LABELS), default="page", help="How to label the pages.")
        parser.add_argument("--kind", choices=[ItemFile.Kind.SCAN, ItemFile.Kind.IMAGE], default=ItemFile.Kind.SCAN)
        parser.add_argument("--dry-run", action="store_true", help="Check the files and show the order; add nothing.")

    def handle(self, item, folder, labels, kind, dry_run, **options):
        target = self.find_item(item)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        candidates = natsorted(
            (p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
            key=lambda p: p.name,
            alg=ns.IGNORECASE,
        )
        # Image files of any kind are checked (and refused with a reason if unsuitable);
        # other files in the folder (checksums, notes) are skipped.
        imagelike = SCAN_EXTENSIONS | {".svg", ".gif", ".bmp", ".heic"}
        skipped = [p for p in candidates if p.suffix.lower() not in imagelike]
        paths = [p for p in candidates if p.suffix.lower() in imagelike]
        for path in skipped:
            self.stderr.write(f"skipped {path.name}: not an image file")
        first_number = target.files.count() + 1
        added, failed = [], []
        for path in paths:
            label = LABELS[labels](first_number + len(added), path)
            try:
                check_scan(path)
                if dry_run:
                    self.stdout.write(f"would add {path.name} as {label}")
                    continue
                added.append((self.store(path, target, label), label))
                self.stdout.write(f"stored {path.name} as {label}")
            except FileRejected as exc:
                failed.append(exc)
                self.stderr.write(f"refused {exc.filename}: {exc.reason}")
            except Exception as exc:  # storage unavailable, database error: say so, keep what was done
                failed.append(FileRejected(path.name, f"could not be stored: {exc}"))
                self.stderr.write(f"failed {path.name}: could not be stored: {exc}")
        if added:

            def attach(obj):
                start = len(obj.files.all())
                for n, (image, label) in enumerate(added):
                    obj.files.add(ItemFile(kind=kind, image=image, label=label, sort_order=start + n))

            change_item(target, None, attach)
        self.stdout.write(
            f"{len(added)} added to “{target}”, {len(failed)} refused, {len(skipped)} skipped (of {len(candidates)} files)."
        )
        if failed:
            raise CommandError(f"{len(failed)} file(s) were refused; the others were added.")

    def find_item(self, ref):
        item = None
        if ref.isdigit() and len(ref) < 19:
            item = Item.objects.filter(pk=int(ref)).first()
        if item is None:
            match = ItemIdentifier.objects.filter(value=ref).select_related("item").first()
            item = match.item if match else None
        if item is None:
            raise CommandError(f"No item with id or identifier “{ref}”.")
        return item

    def store(self, path, item, label):
        """Save one image through the storage; if anything fails, no row and no stored file remain."""
        image = CustomImage(title=f"{item.title} — {label}"[:255], alt_text=f"{item.title}, {label}"[:500])
        image.store_private = not item.is_public  # never public, even for a moment, if the item is not
        with open(path, "rb") as fh:
            image.file = File(fh, name=path.name)
            image._set_image_file_metadata()
            try:
                with transaction.atomic():
                    image.save()
            except Exception:
                if image.file.name and image.file.name != path.name:
                    image.file.storage.delete(image.file.name)
                raise
        return image
