"""Purging the caching proxy when a catalogue item changes (docs/deploy.md, "HTTP cache").

Wagtail purges a page's own URLs when it is published or unpublished. Items are not pages:
an item shows on its own address in every language (an Uzbek record not translated into
Russian is shown at /ru/items/<id>/<slug>/ too), in the lists of its collections and of their
parent collections in every locale, on the browse-all list, on the pages of its creators,
subjects and places, on the home pages (the newest items), and as a IIIF manifest and a Dublin
Core record. All of those are purged when an item is published, unpublished or deleted,
including the collections and terms it had before the change.

The proxy's PURGE drops every cached variant of a path (all query strings: filters, sorting,
pages of a list), so one URL per list is enough.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published as page_published_signal
from wagtail.signals import page_unpublished as page_unpublished_signal
from wagtail.signals import published, unpublished

from catalogue.models import (
    CollectionPage,
    Item,
    ItemAgent,
    ItemIndexPage,
    ItemPlace,
    ItemSubject,
    VocabularyIndexPage,
)
from catalogue.models.vocabularies import Agent, Place, Subject

TERM_LINKS = {
    "agents": (ItemAgent, "agent_id", Agent),
    "subjects": (ItemSubject, "subject_id", Subject),
    "places": (ItemPlace, "place_id", Place),
}


def _enabled():
    """Whether a frontend cache is configured (else nothing is computed on saves)."""
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None) or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _current_links(item_id):
    """What an item's lists depend on, as stored in the database now."""
    links = {
        "slug": Item.objects.filter(pk=item_id).values_list("slug", flat=True).first(),
        "collections": set(
            Item.collections.through.objects.filter(item_id=item_id).values_list("collectionpage_id", flat=True)
        ),
    }
    for vocabulary, (model, column, _term_model) in TERM_LINKS.items():
        links[vocabulary] = set(model.objects.filter(item_id=item_id).values_list(column, flat=True))
    return links


def _site_root():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def item_cached_urls(item, before=None):
    """Every URL of the public site that shows `item` (and showed it as it was `before`)."""
    links = _current_links(item.pk)
    before = before or {}
    slugs = {s for s in (item.slug, links["slug"], before.get("slug")) if s}
    batch = PurgeBatch()

    for index in ItemIndexPage.objects.live():
        base = index.get_full_url()
        if not base:
            continue
        batch.add_url(base)
        batch.add_url(base + index.reverse_subpage("item_by_id", args=(item.pk,)).lstrip("/"))
        for slug in slugs:
            batch.add_url(base + index.reverse_subpage("item", args=(item.pk, slug)).lstrip("/"))

    collection_ids = links["collections"] | before.get("collections", set())
    if collection_ids:
        # A collection lists the items of its sub-collections; a collection of a synchronised
        # locale tree lists the members of its Uzbek collection: every locale's copy is purged.
        keys = set()
        for collection in CollectionPage.objects.filter(pk__in=collection_ids):
            keys.update(
                collection.get_ancestors(inclusive=True).type(CollectionPage).values_list("translation_key", flat=True)
            )
        batch.add_pages(Page.objects.filter(translation_key__in=keys).live())

    for vocabulary, (_model, _column, term_model) in TERM_LINKS.items():
        term_ids = links[vocabulary] | before.get(vocabulary, set())
        if not term_ids:
            continue
        terms = list(term_model.objects.filter(pk__in=term_ids))
        for index in VocabularyIndexPage.objects.live().filter(vocabulary=vocabulary):
            base = index.get_full_url()
            if not base:
                continue
            for term in terms:
                batch.add_url(base + index.reverse_subpage("term", args=(term.pk, term.slug)).lstrip("/"))

    # The home pages show the newest items.
    batch.add_pages(Page.objects.live().filter(depth=2))

    root = _site_root()
    if root:
        for name in ("iiif_manifest", "item_dublin_core", "item_dublin_core_json"):
            batch.add_url(root + reverse(name, args=(item.pk,)))
        for extension in ("bib", "ris", "json"):
            batch.add_url(root + reverse("item_citation", args=(item.pk, extension)))
        # Whole-catalogue outputs that list the item (the proxy drops every query string of a
        # path at once): harvesting, the API, the sitemap and the feeds of every language.
        for path in ("/oai/", "/api/v2/items/", f"/api/v2/items/{item.pk}/", "/sitemap.xml"):
            batch.add_url(root + path)
        for section in ("pages", "items"):
            batch.add_url(root + reverse("sitemap_section", args=(section,)))
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for name in ("feed_items_rss", "feed_items_atom"):
                    batch.add_url(root + reverse(name))
    return batch.urls


def purge_item(item, before=None):
    urls = item_cached_urls(item, before)
    PurgeBatch(urls).purge()


def remember_links(sender, instance, **kwargs):
    """Before a save or delete: the collections, terms and slug the item is listed under now."""
    if _enabled() and instance.pk and kwargs.get("update_fields") is None:
        instance._cache_links_before = _current_links(instance.pk)


def item_published(sender, instance, **kwargs):
    if not _enabled():
        return
    before = getattr(instance, "_cache_links_before", None)
    transaction.on_commit(lambda: purge_item(instance, before))


def item_deleted(sender, instance, **kwargs):
    if not _enabled():
        return
    # The URLs are computed now, while the item's links still exist; purged once it is gone.
    urls = item_cached_urls(instance)
    transaction.on_commit(lambda: PurgeBatch(urls).purge())


def page_published(sender, instance, **kwargs):
    """A page's parent lists its children (collections, exhibits, reading lists): purge it too.

    Wagtail itself purges the page's own URLs."""
    if not _enabled():
        return
    batch = PurgeBatch()
    parent = instance.get_parent()
    if parent is not None and parent.depth > 1 and parent.live:
        batch.add_page(parent)
    # Whole-site outputs that list pages: the API, the sitemap and the exhibit feeds.
    root = _site_root()
    if root:
        for path in ("/api/v2/pages/", f"/api/v2/pages/{instance.pk}/", "/sitemap.xml"):
            batch.add_url(root + path)
        batch.add_url(root + reverse("sitemap_section", args=("pages",)))
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for name in ("feed_exhibits_rss", "feed_exhibits_atom"):
                    batch.add_url(root + reverse(name))
    transaction.on_commit(batch.purge)


def connect():
    pre_save.connect(remember_links, sender=Item, dispatch_uid="catalogue.frontend_cache.remember")
    page_published_signal.connect(page_published, dispatch_uid="catalogue.frontend_cache.page_published")
    page_unpublished_signal.connect(page_published, dispatch_uid="catalogue.frontend_cache.page_unpublished")
    published.connect(item_published, sender=Item, dispatch_uid="catalogue.frontend_cache.published")
    unpublished.connect(item_published, sender=Item, dispatch_uid="catalogue.frontend_cache.unpublished")
    pre_delete.connect(item_deleted, sender=Item, dispatch_uid="catalogue.frontend_cache.deleted")
