"""Rendered parts of the public item page, cached between requests.

The item page's record (title, head metadata, breadcrumbs, description, files, viewer,
references in four styles, related items) and its language versions (the switcher and the
hreflang links) take about fifteen queries and most of the page's rendering time, yet they
change only when the item is saved. For visitors who are not signed in they are rendered once
per item, language and host, and kept in the default cache; the layout around them (menu,
footer, settings) comes from the site cache (home/site_cache.py, home/templatetags/site_fragments.py).
A request for a cached item page reads the generation tokens and one row of the item (is it
still visible, has it changed): two queries.

A cached part is used only while all of these are unchanged (they are in its key):

- the item's `updated_at` (every save of the item, a draft included, changes it);
- the site structure generation (pages such as its collections published, unpublished, moved;
  settings saved);
- the catalogue generation: a vocabulary term renamed, merged or deleted, an image edited (its
  renditions, and so their addresses, change), any item withdrawn
  from the public (unpublished, restricted, embargoed, deleted), any translation saved — so a
  link to a record that is no longer public (a relation, a related item, a language version)
  never outlives its withdrawal, and a new translation is linked at once.

Items newly related to the record (a new item sharing a subject), and new titles or images of
related items, appear when the entry expires (`SITE_CACHE_SECONDS`) or the item is saved.

The whole page as sent is kept too, under the same key plus its address: a second request for
it renders nothing. The parts stay, so that another address of the same record (a query string
such as a campaign tag) renders only the layout around them.

Signed-in visitors (readers see reading-room files, staff see everything), previews and views
of one page of a book (?page=, ?file=) are always rendered afresh and never stored.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from home import site_cache

PARTS = ("title", "description", "head", "breadcrumbs", "body", "scripts")
# What the item page needs of the item itself when its parts come from the cache.
KEY_FIELDS = (
    "pk",
    "slug",
    "locale_id",
    "translation_key",
    "updated_at",
    "last_published_at",
    "live",
    "access_level",
    "embargo_until",
)


def cacheable(request):
    return (
        not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and not request.GET.get("page")
        and not request.GET.get("file")
    )


def item_key(request, item):
    return site_cache.rendered_key(
        request, "item-parts", item.pk, item.updated_at.isoformat() if item.updated_at else ""
    )


def page_key(request, item):
    """The key of the whole page as sent: the parts' key and the address asked for."""
    address = hashlib.sha1(request.get_full_path().encode()).hexdigest()[:16]
    return f"{item_key(request, item)}:page:{address}"


def cached_page(request, item):
    """The HTML of the page of `item` as sent to an earlier visitor, or None."""
    return cache.get(page_key(request, item))


def keep_page(request, item, response):
    """Store the page once it is rendered (a TemplateResponse renders after the view returns)."""
    key = page_key(request, item)

    def store(rendered):
        if rendered.status_code == 200:
            cache.set(key, rendered.content.decode(rendered.charset), site_cache.timeout())

    response.add_post_render_callback(store)


def render_parts(request, context):
    return {name: render_to_string(f"catalogue/item/{name}.html", context, request) for name in PARTS}


def item_parts(request, item, build_context):
    """{part name: HTML} of `item` for an anonymous visitor, from the cache or rendered now, and
    its language versions (the switcher and hreflang links, home/i18n.py) under "versions".

    `build_context()` loads everything the record shows (only called when not cached)."""
    from home.i18n import MEMO, language_versions

    key = item_key(request, item)
    parts = cache.get(key)
    if parts is None:
        context = build_context()
        parts = render_parts(request, context)
        parts["versions"] = language_versions(request, item=context["item"])
        cache.set(key, parts, site_cache.timeout())
    # base.html reads the language versions through the per-request memo.
    setattr(request, MEMO, parts.pop("versions"))
    return {name: mark_safe(html) for name, html in parts.items()}


# --- The catalogue generation ---------------------------------------------------------------


def _item_saved(sender, instance, created=False, **kwargs):
    """An item that is not public after this save may have been public before: the cached
    records that link to it (their relations and related items) must not show it any longer.
    A translation (an item outside the default locale) is linked from the language switcher of
    the record it translates: saving one refreshes that record's cached page too."""
    if (not created and not instance.is_public) or instance.locale_id != site_cache.default_locale_id():
        site_cache.bump("catalogue")


def _item_deleted(sender, instance, **kwargs):
    site_cache.bump("catalogue")


def _term_changed(sender, instance, created=False, **kwargs):
    if not created:
        site_cache.bump("catalogue")


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.images import get_image_model

    from catalogue.models import Item
    from catalogue.models.vocabularies import Agent, Place, Subject

    post_save.connect(_item_saved, sender=Item, dispatch_uid="page_cache.item_saved")
    # An image edited (a new file, a focal point) gets new renditions: the cached pages and cards
    # must not keep the addresses of the old ones.
    post_save.connect(_term_changed, sender=get_image_model(), dispatch_uid="page_cache.image_saved")
    post_delete.connect(_item_deleted, sender=Item, dispatch_uid="page_cache.item_deleted")
    for model in (Agent, Subject, Place):
        post_save.connect(_term_changed, sender=model, dispatch_uid=f"page_cache.term_saved.{model.__name__}")
        post_delete.connect(_term_changed, sender=model, dispatch_uid=f"page_cache.term_deleted.{model.__name__}")
