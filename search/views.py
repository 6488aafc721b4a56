"""The public search page and the search box's suggestions."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from alphabet import canonical_key
from catalogue.models import CollectionIndexPage, CollectionPage, Item
from exhibits.models import ExhibitPage, ExhibitSectionPage
from home.i18n import in_locale
from reading_lists.models import ReadingListPage

from . import lexicon
from .engine import MAX_QUERY_LENGTH, CatalogueSearch, build_query, matched_items

PAGE_KINDS = {
    "collection": (_("Collections"), [CollectionPage]),
    "exhibit": (_("Exhibits"), [ExhibitPage, ExhibitSectionPage]),
    "readinglist": (_("Reading lists"), [ReadingListPage]),
}
OTHER_PAGES = "page"
PAGES_PER_PAGE = 20
SUGGESTIONS = 8


def _page_kinds():
    from django.contrib.contenttypes.models import ContentType

    kinds = {}
    for kind, (_label, models) in PAGE_KINDS.items():
        for model in models:
            kinds[ContentType.objects.get_for_model(model).pk] = kind
    return kinds


def _page_search(query, locale, kind):
    """Live public pages that match, and their counts per kind (collections, exhibits, ...)."""
    pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1)
    kinds_by_type = _page_kinds()
    counts = {}
    for row in matched_items(pages, query).values("content_type").annotate(n=Count("pk")).order_by():
        kind = kinds_by_type.get(row["content_type"], OTHER_PAGES)
        counts[kind] = counts.get(kind, 0) + row["n"]
    if kind in PAGE_KINDS:
        type_ids = [ct for ct, k in kinds_by_type.items() if k == kind]
        pages = pages.filter(content_type_id__in=type_ids)
    elif kind == OTHER_PAGES:
        pages = pages.exclude(content_type_id__in=list(kinds_by_type))
    return pages.search(query), counts


def search(request):
    text = " ".join((request.GET.get("q") or "").split())[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    kind = request.GET.get("kind", "")
    context = {"search_query": text, "kind": kind}
    if text:
        catalogue = CatalogueSearch(text, request.GET, request.user, locale)
        query = build_query(text)
        page_kind = kind if kind in (*PAGE_KINDS, OTHER_PAGES) else ""
        page_results, page_counts = _page_search(query, locale, page_kind)
        items_page = None
        if not page_kind:
            items_page = catalogue.page(request.GET.get("page"))
            if (
                not items_page.paginator.count
                and not page_counts
                and not catalogue.listing.active_filters()
                and not request.GET.get("exact")
            ):
                # Nothing at all: perhaps a misspelling. Run the query with the closest known words.
                corrected = lexicon.correct(text)
                if corrected:
                    retry = CatalogueSearch(corrected, request.GET, request.user, locale)
                    retry_page = retry.page(request.GET.get("page"))
                    if retry_page.paginator.count:  # only a correction that finds what this visitor may see
                        catalogue, items_page = retry, retry_page
                        page_results, page_counts = _page_search(build_query(corrected), locale, page_kind)
                        context.update(corrected=corrected, original_query=urlencode({"q": text, "exact": "1"}))
        facets = catalogue.listing.facets()
        context.update(
            listing=catalogue.listing,
            facets=facets,
            facet_groups=catalogue.listing.facet_groups(facets),
            page_kinds=[
                {"value": k, "label": label, "count": page_counts[k]}
                for k, (label, _models) in [*PAGE_KINDS.items(), (OTHER_PAGES, (_("Other pages"), []))]
                if page_counts.get(k)
            ],
            page_total=sum(page_counts.values()),
            promotions=_promotions(text),
        )
        if not context["page_total"] and not (items_page and items_page.paginator.count):
            context["collections_url"] = _collections_url(request, locale)
        if page_kind:
            context["pages_page"] = Paginator(page_results, PAGES_PER_PAGE).get_page(request.GET.get("page"))
        else:
            context["items_page"] = items_page
            context["pages"] = list(page_results[:5])
        if request.GET.get("page", "1") in ("", "1"):
            Query.get(text).add_hit()
    return TemplateResponse(request, "search/search.html", context)


def _collections_url(request, locale):
    """The collections index of the visitor's language (of the default one if it has none)."""
    indexes = CollectionIndexPage.objects.live().public()
    index = indexes.filter(locale=locale).first() or indexes.filter(locale=Locale.get_default()).first()
    return index.get_url(request) if index else ""


def _promotions(text):
    """Editors' picks for this query (Settings → Promoted search results)."""
    query = Query.objects.filter(query_string=text.lower()).first()
    if query is None:
        return []
    return list(query.editors_picks.select_related("page").order_by("sort_order"))


def suggest(request):
    """Titles for the search box, matched from their first letters in either script (JSON)."""
    text = " ".join((request.GET.get("q") or "").split())[:MAX_QUERY_LENGTH]
    if len(text) < 2:
        return JsonResponse({"suggestions": []})
    items = in_locale(Item.objects.visible_to(request.user), Locale.get_active().pk)
    titles = []
    for item in items.autocomplete(canonical_key(text))[: SUGGESTIONS * 2]:
        if item.title not in titles:
            titles.append(item.title)
    response = JsonResponse({"suggestions": titles[:SUGGESTIONS]})
    response["Cache-Control"] = "public, max-age=300" if not request.user.is_authenticated else "private, no-store"
    return response
