"""Canonical public URLs of items and vocabulary terms.

Items and terms are not pages; their URLs hang off the page that routes them
(ItemIndexPage, VocabularyIndexPage) in the item's locale. The base URL of those
pages comes from the site cache (home/site_cache.py) and is remembered on the request, so
a list of 24 items costs no queries for their addresses.
"""

from home import site_cache


def _memo(request):
    if request is None:
        return {}
    memo = getattr(request, "_catalogue_route_memo", None)
    if memo is None:
        memo = request._catalogue_route_memo = {}
    return memo


def _base_url(request, key, queryset, locale_id):
    memo = _memo(request)
    if key in memo:
        return memo[key]

    def build():
        page = queryset.live().filter(locale_id=locale_id).first() if locale_id else None
        if page is None:
            page = queryset.live().filter(locale_id=site_cache.default_locale_id()).first() or queryset.live().first()
        return page

    page = site_cache.cached(("index", *key), build)
    result = (page, page.get_url(request) if page else None)
    memo[key] = result
    return result


def _active_locale_id(request):
    memo = _memo(request)
    if "locale_id" not in memo:
        memo["locale_id"] = site_cache.active_locale_id()
    return memo["locale_id"]


def _default_locale_id(request):
    memo = _memo(request)
    if "default_locale_id" not in memo:
        memo["default_locale_id"] = site_cache.default_locale_id()
    return memo["default_locale_id"]


def item_url(item, request=None, canonical=False):
    """The address of `item` for the visitor of `request`, or its canonical address.

    An Uzbek record not translated into the visitor's language is listed in that language's
    catalogue (home.i18n.in_locale); its link stays in that language (/ru/items/<id>/<slug>/,
    the interface in Russian, the record in Uzbek) unless `canonical` is asked for: then it is
    always the address in the item's own locale (rel=canonical, hreflang, sitemaps, IIIF).
    """
    from catalogue.models import ItemIndexPage

    locale_id = item.locale_id
    if not canonical and request is not None and locale_id == _default_locale_id(request):
        locale_id = _active_locale_id(request)
    page, base = _base_url(request, ("items", locale_id), ItemIndexPage.objects.all(), locale_id)
    if page is None or base is None:
        return None
    return base + page.reverse_subpage("item", args=(item.pk, item.slug))


def vocabulary_url(vocabulary, term, request=None):
    from catalogue.models import VocabularyIndexPage

    locale_id = _active_locale_id(request)
    page, base = _base_url(
        request, (vocabulary, locale_id), VocabularyIndexPage.objects.filter(vocabulary=vocabulary), locale_id
    )
    if page is None or base is None:
        return None
    return base + page.reverse_subpage("term", args=(term.pk, term.slug))
