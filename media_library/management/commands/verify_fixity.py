"""Re-read stored files and compare them with the SHA-256 recorded at ingest."""

import random

from django.core.management.base import BaseCommand, CommandError

from media_library.models import CustomDocument, CustomImage, sha256_of


class Command(BaseCommand):
    help = (
        "Re-read every stored image and document (or a sample, or one collection's) and report files that are "
        "missing or whose SHA-256 no longer matches. Exits non-zero when any are found."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=int, help="Check only this many files, chosen at random.")
        parser.add_argument(
            "--collection", type=int, help="Only files of items in this catalogue collection (page id)."
        )

    def handle(self, *args, sample=None, collection=None, **options):
        files = [
            *self.files(CustomImage, collection, "item_files"),
            *self.files(CustomDocument, collection, "item_files"),
        ]
        if sample is not None and sample < len(files):
            files = random.sample(files, sample)
        missing, changed, unrecorded = [], [], []
        for obj in files:
            name = obj.file.name
            storage = obj.file.storage
            if not storage.exists(name):
                missing.append(obj)
                self.stderr.write(f"MISSING  {obj._meta.model_name} {obj.pk} “{obj}”: {name}")
                continue
            with storage.open(name, "rb") as fh:
                digest = sha256_of(fh)
            if not obj.sha256:
                unrecorded.append(obj)
                type(obj).objects.filter(pk=obj.pk).update(sha256=digest)
            elif digest != obj.sha256:
                changed.append(obj)
                self.stderr.write(
                    f"CHANGED  {obj._meta.model_name} {obj.pk} “{obj}”: {name} (recorded {obj.sha256[:12]}…, now {digest[:12]}…)"
                )
        self.stdout.write(
            f"Checked {len(files)} files: {len(files) - len(missing) - len(changed)} intact, {len(missing)} missing, "
            f"{len(changed)} changed; {len(unrecorded)} had no checksum yet and got one."
        )
        if missing or changed:
            raise CommandError(f"Fixity check failed: {len(missing)} missing, {len(changed)} changed.")

    def files(self, model, collection, relation):
        qs = model.objects.all()
        if collection is not None:
            from catalogue.models import CollectionPage, Item

            page = CollectionPage.objects.filter(pk=collection).first()
            if page is None:
                raise CommandError(f"No collection with id {collection}.")
            items = Item.collections.through.objects.filter(collectionpage__path__startswith=page.path).values(
                "item_id"
            )
            qs = qs.filter(**{f"{relation}__item_id__in": items}).distinct()
        return list(qs.order_by("pk"))
