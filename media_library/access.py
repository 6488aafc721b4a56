"""Keeping each stored file where its access level says it belongs.

A file attached to an item is public only while the item is public (published,
open, past any embargo) and the file itself is open; otherwise its original, its
renditions and its tiles live in private storage, where no URL reaches them
without a permission check. Images not attached to any item (page illustrations)
are public. `sync_image_access` moves a file when that changes.
"""

from django.core.files.storage import default_storage

from cms.storages import is_private_name, private_name, public_name


def public_file_ids(kind, ids):
    """Of the `kind` ("image", "document" or "media") files `ids`, those that may be public.

    A file may be public when no item uses it (an illustration of a page), or when a public
    item shows it as an open file.
    """
    from catalogue.models import AccessLevel, Item, ItemFile

    column = f"{kind}_id"
    attached = set(ItemFile.objects.filter(**{f"{column}__in": ids}).values_list(column, flat=True))
    shown_openly = set(
        ItemFile.objects.filter(
            **{f"{column}__in": ids}, access_level=AccessLevel.OPEN, item__in=Item.objects.public()
        ).values_list(column, flat=True)
    )
    return (set(ids) - attached) | shown_openly


def sync_document_access(document, public):
    """Put a document and its thumbnail in the storage its access calls for. Returns True if it moved."""
    from media_library.models import CustomDocument
    from media_library.pdf import thumbnail_name

    if public != is_private_name(document.file.name):
        return False
    old_thumbnail = thumbnail_name(document)
    new_name = move_file(document.file, not public)
    CustomDocument.objects.filter(pk=document.pk).update(file=new_name)
    document.file.name = new_name
    if default_storage.exists(old_thumbnail):
        with default_storage.open(old_thumbnail, "rb") as f:
            default_storage.save_exact(thumbnail_name(document), f)
        default_storage.delete(old_thumbnail)
    return True


def sync_media_access(media, public):
    """Put a recording with its poster and captions in the storage its access calls for."""
    from media_library.models import CustomMedia

    if public != is_private_name(media.file.name):
        return False
    updates = {}
    for field in ("file", "thumbnail", "captions"):
        field_file = getattr(media, field)
        if field_file:
            updates[field] = move_file(field_file, not public)
            field_file.name = updates[field]
    CustomMedia.objects.filter(pk=media.pk).update(**updates)
    return True


def move_file(field_file, to_private):
    """Move a stored file between the public and private storages; return its new name."""
    old = field_file.name
    new = private_name(old) if to_private else public_name(old)
    if new == old:
        return old
    with default_storage.open(old, "rb") as f:
        new = default_storage.save(new, f)
    default_storage.delete(old)
    return new


def sync_image_access(image, public=None):
    """Put `image` (original, renditions, tiles) in the storage its access calls for. Returns True if it moved."""
    from media_library.models import CustomImage, Derivative
    from media_library.tiles import delete_tiles, tiles_prefix

    if public is None:
        public = image.pk in public_file_ids("image", [image.pk])
    to_private = not public
    if to_private == is_private_name(image.file.name):
        return False
    old_tiles = tiles_prefix(image)
    new_name = move_file(image.file, to_private)
    CustomImage.objects.filter(pk=image.pk).update(file=new_name)
    image.file.name = new_name
    # Renditions are made again, in the right place, when next asked for.
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
    image.renditions.all().delete()
    delete_tiles(old_tiles)
    if Derivative.objects.filter(image=image, kind=Derivative.Kind.TILES).exists():
        from media_library.tasks import process_image

        Derivative.objects.filter(image=image, kind=Derivative.Kind.TILES).update(status=Derivative.Status.PENDING)
        process_image.enqueue(image.pk, kinds=[Derivative.Kind.TILES])
    return True
