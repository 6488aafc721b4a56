"""The public search over catalogue items and pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from catalogue.models import Item

MAX_QUERY_LENGTH = 200


def search(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    items_page = None
    pages = []
    if query:
        items = Item.objects.public().filter(locale=locale).search(query, operator="and")
        items_page = Paginator(items, settings.KUTUBXONA_ITEMS_PER_PAGE).get_page(request.GET.get("page"))
        # Attach creators and thumbnails to the page of results in a fixed number of queries.
        ids = [item.pk for item in items_page.object_list]
        loaded = {i.pk: i for i in Item.objects.filter(pk__in=ids).for_listing()}
        items_page.object_list = [loaded[pk] for pk in ids if pk in loaded]
        pages = list(Page.objects.live().public().filter(locale=locale).search(query)[:10])
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "items_page": items_page, "pages": pages},
    )
