"""Public lists of items: filters, facets, sorting and pagination, all in the database.

Used by collection pages, the browse-all page and the agent/subject/place pages, so
every list of items behaves the same way and costs a fixed number of queries
whatever the number of items.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from catalogue.models import DCMIType, Item, Language

SORTS = {
    "date": (_("Date, oldest first"), [F("year_from").asc(nulls_last=True), "title", "pk"]),
    "-date": (_("Date, newest first"), [F("year_to").desc(nulls_last=True), "title", "pk"]),
    "title": (_("Title, A–Z"), ["title", "pk"]),
    "-title": (_("Title, Z–A"), ["-title", "-pk"]),
    "added": (_("Recently added"), ["-first_published_at", "-pk"]),
}
DEFAULT_SORT = "title"


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if -10000 < number < 10000 else None


def load_listed(ids):
    """The public list entries of the items `ids`, in that order (Item.objects.for_listing)."""
    loaded = Item.objects.filter(pk__in=ids).for_listing().in_bulk()
    return [loaded[pk] for pk in ids if pk in loaded]


class ListedItems(Sequence):
    """The items of one page of a list, loaded (load_listed) only when something reads them.

    `rows` are their (id, updated_at): enough for the item cards of includes/item_grid.html to
    come from the cache (catalogue_tags.item_cards) without loading the items at all.
    """

    def __init__(self, rows):
        self.rows = [tuple(row) for row in rows]
        self._items = None

    @property
    def items(self):
        if self._items is None:
            self._items = load_listed([pk for pk, _stamp in self.rows])
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.rows)


class CountCachedPaginator(Paginator):
    """A paginator whose total is cached under its query (home.site_cache.cached_query)."""

    @cached_property
    def count(self):
        from home.site_cache import cached_query

        return cached_query("count", self.object_list, lambda: self.object_list.count())


@dataclass
class ItemListing:
    """The state of one list of items as requested by the visitor."""

    queryset: object
    params: dict
    per_page: int = field(default_factory=lambda: settings.KUTUBXONA_ITEMS_PER_PAGE)

    def __post_init__(self):
        self.sort = self.params.get("sort") if self.params.get("sort") in SORTS else DEFAULT_SORT
        type_param = self.params.get("type", "")
        self.type = type_param if type_param in DCMIType.values else ""
        self.language = (self.params.get("language") or "")[:3]
        decade = _int_or_none(self.params.get("decade"))
        self.decade = decade - decade % 10 if decade is not None else None

    def _apply(self, qs, skip=""):
        if self.type and skip != "type":
            qs = qs.filter(dcmi_type=self.type)
        if self.language and skip != "language":
            qs = qs.filter(pk__in=Item.languages.through.objects.filter(language__code=self.language).values("item_id"))
        if self.decade is not None and skip != "decade":
            # An item is counted in the decade of its earliest possible year, as in the facet.
            qs = qs.filter(year_from__gte=self.decade, year_from__lte=self.decade + 9)
        return qs

    def filtered(self):
        return self._apply(self.queryset)

    def page(self, number):
        """One page of the list: the ids of the page in order first (a narrow query the database
        answers from its indexes), then those items with what a list shows."""
        rows = self.filtered().order_by(*SORTS[self.sort][1]).values_list("pk", "updated_at")
        page = CountCachedPaginator(rows, self.per_page).get_page(number)
        page.object_list = ListedItems(page.object_list)
        return page

    def facets(self):
        """Counts for the filters, each computed over the list with the other filters applied.

        Counting a large collection reads every one of its items: the counts are cached (see
        home.site_cache.cached_query) under the list's query."""
        from django.utils import translation

        from home.site_cache import cached_query

        # The labels are in the visitor's language.
        return cached_query(f"facets-{translation.get_language()}", self.filtered(), self._facets)

    def _facets(self):
        types = [
            {"value": row["dcmi_type"], "label": DCMIType(row["dcmi_type"]).label, "count": row["n"]}
            for row in self._apply(self.queryset, skip="type")
            .order_by()
            .values("dcmi_type")
            .annotate(n=Count("pk"))
            .order_by("-n", "dcmi_type")
        ]
        languages = [
            {"value": lang.code, "label": lang.localised_name(), "count": lang.n}
            for lang in Language.objects.filter(items__in=self._apply(self.queryset, skip="language").values("pk"))
            .annotate(n=Count("items"))
            .order_by("-n", "name")[:30]
        ]
        decades = [
            {"value": row["decade"], "label": f"{row['decade']}s", "count": row["n"]}
            for row in self._apply(self.queryset, skip="decade")
            .filter(year_from__isnull=False)
            .order_by()
            .annotate(decade=F("year_from") / 10 * 10)
            .values("decade")
            .annotate(n=Count("pk"))
            .order_by("decade")
        ]
        return {"types": types, "languages": languages, "decades": decades}

    def active_filters(self):
        return bool(self.type or self.language or self.decade is not None)

    def sort_options(self):
        return [(key, label) for key, (label, _order) in SORTS.items()]

    def querystring(self, **overrides):
        """The current filters as a query string, with some values replaced (for links)."""
        from urllib.parse import urlencode

        values = {"sort": self.sort if self.sort != DEFAULT_SORT else "", "type": self.type, "language": self.language}
        values["decade"] = "" if self.decade is None else str(self.decade)
        values.update({k: ("" if v is None else str(v)) for k, v in overrides.items()})
        return urlencode({k: v for k, v in values.items() if v})
