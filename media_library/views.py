"""Restricted files: handed out only after a permission check."""

import mimetypes
import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from cms.storages import PRIVATE_PREFIX

TILE_NAME = re.compile(r"^iiif/(\d+)/")


def _owning_image(name):
    from media_library.models import CustomImage, CustomRendition

    stored = PRIVATE_PREFIX + name
    tile = TILE_NAME.match(name)
    if tile:
        return CustomImage.objects.filter(pk=int(tile.group(1))).first()
    image = CustomImage.objects.filter(file=stored).first()
    if image is None:
        rendition = CustomRendition.objects.filter(file=stored).select_related("image").first()
        image = rendition.image if rendition else None
    return image


def may_open(user, **file_filter):
    """Staff always; signed-in readers when a published, non-embargoed item shows the file in the reading room.

    `file_filter` names the file: image=…, document=… or media=….
    """
    from catalogue.models import AccessLevel, Item, ItemFile, user_is_staff

    if not user.is_authenticated:
        return False
    if user_is_staff(user):
        return True
    readable = Item.objects.visible_to(user).filter(access_level__in=[AccessLevel.OPEN, AccessLevel.READING_ROOM])
    return ItemFile.objects.filter(
        access_level__in=[AccessLevel.OPEN, AccessLevel.READING_ROOM], item__in=readable, **file_filter
    ).exists()


def _owner_filter(name):
    """Which library file a private storage name belongs to, as a filter on ItemFile (or None)."""
    from django.db.models import Q

    from media_library.models import CustomDocument, CustomMedia

    image = _owning_image(name)
    if image is not None:
        return {"image": image}
    stored = PRIVATE_PREFIX + name
    document = CustomDocument.objects.filter(file=stored).first()
    if document is None and name.startswith("pdf-thumbnails/"):
        document = CustomDocument.objects.filter(pk=name.split("/")[1].split(".")[0] or 0).first()
    if document is not None:
        return {"document": document}
    media = CustomMedia.objects.filter(Q(file=stored) | Q(thumbnail=stored) | Q(captions=stored)).first()
    if media is not None:
        return {"media": media}
    return None


@require_safe
def private_media(request, name):
    if ".." in name.split("/"):
        raise Http404
    owner = _owner_filter(name)
    allowed = owner is not None and may_open(request.user, **owner)
    # Refused and missing look the same, so a URL reveals nothing about what exists.
    if not allowed or not default_storage.exists(PRIVATE_PREFIX + name):
        raise Http404
    signed = default_storage.signed_url(PRIVATE_PREFIX + name)
    if signed:
        response = HttpResponseRedirect(signed)
    else:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(default_storage.open(PRIVATE_PREFIX + name, "rb"), content_type=content_type)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _iiif_response(resource, public):
    from django.http import HttpResponse

    from media_library.iiif import CONTENT_TYPE

    response = HttpResponse(resource.jsonld(), content_type=CONTENT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    if public:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def iiif_manifest(request, item_id):
    """The IIIF manifest of an item; visitors get only what they may see, restricted items are 404."""
    from catalogue.models import MAX_ITEM_ID
    from catalogue.views import item_page_queryset
    from media_library.iiif import build_manifest

    if item_id > MAX_ITEM_ID:
        raise Http404
    item = item_page_queryset(request.user).filter(pk=item_id).first()
    if item is None:
        raise Http404
    return _iiif_response(
        build_manifest(item, request.user, request), public=item.is_public and not request.user.is_authenticated
    )


@require_safe
def iiif_collection(request, page_id):
    from catalogue.models import CollectionPage
    from media_library.iiif import build_collection

    if page_id > 2**31:
        raise Http404
    page = CollectionPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return _iiif_response(build_collection(page, request), public=True)


@require_safe
def iiif_canvas_text(request, item_id, file_id):
    """The recognised text of one page, as a IIIF annotation page (what the manifest points to)."""
    from catalogue.models import MAX_ITEM_ID
    from catalogue.views import item_page_queryset
    from media_library.iiif import build_text_page, visible_files

    if item_id > MAX_ITEM_ID or file_id > MAX_ITEM_ID:
        raise Http404
    item = item_page_queryset(request.user).filter(pk=item_id).first()
    if item is None:
        raise Http404
    file = next((f for f in visible_files(item, request.user) if f.pk == file_id and f.image_id), None)
    if file is None:
        raise Http404
    return _iiif_response(build_text_page(item, file), public=item.is_public and not request.user.is_authenticated)
