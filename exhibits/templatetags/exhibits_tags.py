"""Template tags of exhibit pages and blocks.

None of them queries the database per item: blocks receive their items, images and places
already loaded (exhibits/blocks.py), and whether the visitor is an editor is worked out once
per request.
"""

import itertools
import json
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from catalogue.models import AccessLevel, user_is_staff

register = template.Library()

EDITOR_MEMO = "_exhibits_is_editor"
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_ids = itertools.count(1)


def _is_editor(request):
    if request is None:
        return False
    memo = getattr(request, EDITOR_MEMO, None)
    if memo is None:
        user = getattr(request, "user", None)
        memo = bool(getattr(request, "is_preview", False)) or bool(
            user is not None and user.is_authenticated and user_is_staff(user)
        )
        setattr(request, EDITOR_MEMO, memo)
    return memo


@register.simple_tag(takes_context=True)
def is_editor(context):
    """Whether the visitor edits the site: previewing a page, or library staff. Editors see what visitors miss."""
    return _is_editor(context.get("request"))


def not_public_reasons(item):
    """Why visitors do not see `item`, as short phrases (empty when it is public)."""
    reasons = []
    if not item.live:
        reasons.append(_("draft"))
    if item.access_level == AccessLevel.READING_ROOM:
        reasons.append(_("reading room"))
    elif item.access_level == AccessLevel.STAFF:
        reasons.append(_("staff only"))
    if item.is_embargoed:
        reasons.append(_("embargoed until %(date)s") % {"date": date_format(item.embargo_until, "DATE_FORMAT")})
    return reasons


@register.simple_tag(takes_context=True)
def visible_items(context, items):
    """[{"item", "reasons"}] for the items the visitor may see: public ones, and for editors the rest, flagged."""
    editor = _is_editor(context.get("request"))
    entries = []
    for item in items or []:
        if item is None:
            continue
        if item.is_public:
            entries.append({"item": item, "reasons": []})
        elif editor:
            entries.append({"item": item, "reasons": not_public_reasons(item)})
    return entries


@register.simple_tag(takes_context=True)
def visible_item(context, item):
    """{"item", "reasons"} for one item, or None when the visitor may not see it."""
    entries = visible_items(context, [item])
    return entries[0] if entries else None


@register.filter
def public_file(obj):
    """The image or recording if its file is publicly reachable, else None (restricted files have no public URL)."""
    if obj is None or getattr(obj, "is_private", False):
        return None
    return obj


@register.filter
def coordinates(place):
    """A place's coordinates for people: 41.2995° N, 69.2401° E ("" without coordinates)."""
    try:
        lat, lon = Decimal(place.latitude), Decimal(place.longitude)
    except (TypeError, ValueError, InvalidOperation, AttributeError):
        return ""
    ns = _("N") if lat >= 0 else _("S")
    ew = _("E") if lon >= 0 else _("W")
    return f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}"


@register.simple_tag
def unique_id(prefix):
    """An id for an element of a block, unique on the page (blocks may repeat)."""
    return f"{prefix}-{next(_ids)}"


@register.simple_tag
def map_tile_url():
    from django.conf import settings

    return getattr(settings, "KUTUBXONA_MAP_TILE_URL", "")


@register.simple_tag
def ld_json(data):
    """A <script type="application/ld+json"> element with `data`, safe to put in HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.simple_tag
def json_attr(data):
    """JSON for a data- attribute (the template escapes it as an attribute value)."""
    return json.dumps(data, ensure_ascii=False)


@register.simple_tag(takes_context=True)
def viewer_setup(context, value):
    """What the IIIF viewer block needs: {"item", "reasons", "canvas", "region"}, or None when nothing can be shown."""
    from exhibits.blocks import IIIFViewerBlock
    from media_library.iiif import canvas_url

    entry = visible_item(context, value.get("item"))
    if entry is None:
        return None
    item = entry["item"]
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    images = [f for f in item.files_visible_to(user) if f.image_id]
    canvas = ""
    page = value.get("page")
    if page and 1 <= page <= len(images):
        canvas = canvas_url(item, images[page - 1])
    region = IIIFViewerBlock.region_of(value)
    return {
        "item": item,
        "reasons": entry["reasons"],
        "has_images": bool(images),
        "canvas": canvas,
        # The region is in pixels of the chosen page, or of the first page when none is chosen.
        "region": ",".join(str(n) for n in region) if region and (canvas or not page) else "",
    }


@register.simple_tag
def map_points(places):
    """The places of a map block that have coordinates, for the map script: [{"name", "lat", "lon", "note"}]."""
    points = []
    for entry in places:
        place = entry.get("place")
        if place is None or place.latitude is None or place.longitude is None:
            continue
        points.append(
            {"name": place.name, "lat": float(place.latitude), "lon": float(place.longitude), "note": entry.get("note")}
        )
    return points
