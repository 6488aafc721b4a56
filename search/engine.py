"""The public search: one query over items and pages, with facets, sorting and pages found in scans.

Built on Wagtail's search API (the `search()` of querysets and the query classes), so the database
backend used here can be replaced by Elasticsearch/OpenSearch without touching this module, except
for `matched_items()`, which asks the database backends for the matching rows as a queryset to
count facets in SQL (see docs/search.md for the switch).

Cost per request is fixed whatever the number of results: on PostgreSQL one full-text match of the
items (their ids, types and years in order of relevance; see MatchSet), one query per chosen
language, collection, subject or creator filter, one per facet of those four over their link
tables, one for the page of results, one for the scan pages that contain the words, two for pages
of the site, one for editors' picks. A query that finds nothing is corrected against the lexicon
(search/lexicon.py).
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qsl as _parse_qsl
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.search.query import Or, PlainText

from alphabet import canonical_key
from catalogue.listing import ItemListing, _int_or_none
from catalogue.lookups import int_array
from catalogue.models import (
    AccessLevel,
    Agent,
    CollectionPage,
    DCMIType,
    Item,
    ItemAgent,
    ItemFile,
    ItemSubject,
    Language,
    Subject,
)
from home.i18n import in_locale

from .normalise import highlight_terms, query_variants, uzbek_stem

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 40
PAGE_HITS_PER_ITEM = 5
FACET_SIZE = 12
MAX_MATCHES = 100_000  # ids of matches kept per query (facets and counts are over these)

SORTS = {
    "relevance": _("Relevance"),
    "date": _("Date, oldest first"),
    "-date": _("Date, newest first"),
    "title": _("Title, A–Z"),
}
ORDERINGS = {"date": ["year_from", "title"], "-date": ["-year_from", "title"], "title": ["title"]}


def build_query(text):
    """The visitor's words OR their cross-script key OR their stems (search/normalise.py)."""
    queries = [PlainText(text, operator="and")]
    queries += [PlainText(variant, operator="and") for variant in query_variants(text)]
    return queries[0] if len(queries) == 1 else Or(queries)


def with_ids(ids):
    """The items whose id is in `ids` (PostgreSQL)."""
    return Item.objects.filter(pk__any_of=list(ids))


def matched_items(queryset, query):
    """All rows of `queryset` that match, as a queryset for counting facets in SQL.

    The database backends give their matches as a queryset; a backend that cannot (Elasticsearch)
    falls back to the ids of the first 10,000 matches.
    """
    results = queryset.search(query, order_by_relevance=False)
    model = queryset.model
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return model.objects.filter(pk__in=get_queryset().values("pk"))
    return model.objects.filter(pk__in=[row.pk for row in results[:10_000]])


@dataclass
class PageHit:
    file_id: int
    label: str


class SearchListing(ItemListing):
    """ItemListing's filters (type, language, decade) plus collection, subject and creator."""

    matches: object = None  # a MatchSet on PostgreSQL: facets and filters over the matches' rows

    def __post_init__(self):
        super().__post_init__()
        self.sort = self.params.get("sort") if self.params.get("sort") in SORTS else "relevance"
        self.collection = _int_or_none(self.params.get("collection"))
        self.subject = _int_or_none(self.params.get("subject"))
        self.creator = _int_or_none(self.params.get("creator"))

    def _apply(self, qs, skip=""):
        qs = super()._apply(qs, skip)
        if self.collection and skip != "collection":
            through = Item.collections.through.objects.filter(collectionpage_id=self.collection)
            qs = qs.filter(pk__in=through.values("item_id"))
        if self.subject and skip != "subject":
            qs = qs.filter(pk__in=Subject.objects.filter(pk=self.subject).values("item_links__item_id"))
        if self.creator and skip != "creator":
            qs = qs.filter(pk__in=Agent.objects.filter(pk=self.creator).values("item_links__item_id"))
        return qs

    def facets(self):
        # Computed for every search (not cached as a browsing list's are): the figures are those
        # of the query as it runs now.
        if self.matches is not None:
            return self.matches.facets()
        facets = self._facets()
        collections = (
            CollectionPage.objects.filter(items__in=self._apply(self.queryset, skip="collection").values("pk"))
            .annotate(n=Count("items"))
            .order_by("-n", "title")[:FACET_SIZE]
        )
        subjects = (
            Subject.objects.filter(item_links__item__in=self._apply(self.queryset, skip="subject").values("pk"))
            .annotate(n=Count("item_links__item", distinct=True))
            .order_by("-n", "label")[:FACET_SIZE]
        )
        creators = (
            Agent.objects.filter(item_links__item__in=self._apply(self.queryset, skip="creator").values("pk"))
            .annotate(n=Count("item_links__item", distinct=True))
            .order_by("-n", "name")[:FACET_SIZE]
        )
        facets["collections"] = [{"value": c.pk, "label": c.title, "count": c.n} for c in collections]
        facets["subjects"] = [{"value": s.pk, "label": s.label, "count": s.n} for s in subjects]
        facets["creators"] = [{"value": a.pk, "label": a.name, "count": a.n} for a in creators]
        return facets

    def active_filters(self):
        return super().active_filters() or bool(self.collection or self.subject or self.creator)

    def sort_options(self):
        return list(SORTS.items())

    def facet_groups(self, facets):
        """The facets other than type, as the template shows them: links that add or remove a filter."""
        groups = [
            ("collection", _("Collection"), facets["collections"], self.collection),
            ("language", _("Language"), facets["languages"], self.language),
            ("decade", _("Decade"), facets["decades"], self.decade),
            ("subject", _("Subject"), facets["subjects"], self.subject),
            ("creator", _("Creator"), facets["creators"], self.creator),
        ]
        out = []
        for param, label, options, current in groups:
            if not options:
                continue
            out.append(
                {
                    "param": param,
                    "label": label,
                    "clear": self.querystring(**{param: None}),
                    "options": [
                        {
                            "label": _("%(decade)ss") % {"decade": o["value"]} if param == "decade" else o["label"],
                            "count": o["count"],
                            "current": str(o["value"]) == str(current),
                            "query": self.querystring(**{param: o["value"]}),
                        }
                        for o in options
                    ],
                }
            )
        return out

    def hidden_fields(self):
        """The filters as (name, value) pairs, for forms that change only the sort order."""
        return [(k, v) for k, v in _parse_qsl(self.querystring(sort=None)) if k != "q"]

    def querystring(self, **overrides):
        values = {
            "q": self.params.get("q", ""),
            "kind": self.params.get("kind", ""),
            "sort": "" if self.sort == "relevance" else self.sort,
            "type": self.type,
            "language": self.language,
            "decade": "" if self.decade is None else str(self.decade),
            "collection": self.collection or "",
            "subject": self.subject or "",
            "creator": self.creator or "",
        }
        values.update({k: ("" if v is None else str(v)) for k, v in overrides.items()})
        return urlencode({k: v for k, v in values.items() if v})


def _decade(year):
    """The decade of a year as the database's `year_from / 10 * 10` gives it (towards zero)."""
    return int(year / 10) * 10


def top_linked(through, value_field, label_field, ids, limit):
    """[(value id, label, number of items)] of the `limit` values of the link table `through`
    (its `item` and `value_field`) most linked to the items `ids`, most first, then by the value's
    `label_field`.

    The rows of the link table are counted first and only the values with the most are joined to
    their labels: joining every link to its vocabulary record before counting read the whole
    vocabulary (hundreds of thousands of subjects at 250,000 records)."""
    if not ids:
        return []
    table = through._meta.db_table
    item = through._meta.get_field("item").column
    value_field = through._meta.get_field(value_field)
    value = value_field.column
    # The table that holds the label (a collection's title is its page's), and that table's key.
    label = value_field.related_model._meta.get_field(label_field)
    label_table, label_key = label.model._meta.db_table, label.model._meta.pk.column
    # The pairs are made distinct by hashing (an item may link to the same value twice, in two
    # roles), and each label is read by its key for the dozen rows kept: a join let PostgreSQL
    # read the whole vocabulary's index to merge with the counts.
    sql = f"""
        WITH counted AS (
            SELECT value, count(*) AS n
            FROM (SELECT DISTINCT {value} AS value, {item} FROM {table} WHERE {item} = ANY(%s::integer[])) pairs
            GROUP BY value
        ), cut AS (SELECT n FROM counted ORDER BY n DESC OFFSET %s LIMIT 1)
        SELECT counted.value,
               (SELECT label.{label.column} FROM {label_table} label WHERE label.{label_key} = counted.value) AS label,
               counted.n
        FROM counted
        WHERE counted.n >= coalesce((SELECT n FROM cut), 0)
        ORDER BY counted.n DESC, label LIMIT %s
    """  # noqa: S608 - table and column names are the models'; the values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [int_array(ids), limit - 1, limit])
        return cursor.fetchall()


class MatchSet:
    """Every match of one search as (id, type, earliest year) rows in order of relevance, with the
    listing's filters applied to them: type and decade from the rows, language, collection,
    subject and creator by one query each (only when that filter is chosen).

    Each facet counts the matches that pass the other filters. Type and decade are counted from
    the rows; the others over their link tables for exactly those ids. Before, every count sent the
    ids of all matches back to be joined to their items: a word found in 30,000 of 250,000
    records cost about a tenth of a second per facet."""

    def __init__(self, rows, listing):
        self.rows = rows
        self.listing = listing
        self._linked = {}
        self._kept = {}

    def _linked_ids(self, name):
        """The matches that pass the filter `name` (language, collection, subject, creator)."""
        if name not in self._linked:
            listing = self.listing
            through = {
                "language": (Item.languages.through, {"language__code": listing.language}),
                "collection": (Item.collections.through, {"collectionpage_id": listing.collection}),
                "subject": (ItemSubject, {"subject_id": listing.subject}),
                "creator": (ItemAgent, {"agent_id": listing.creator}),
            }
            model, condition = through[name]
            ids = [row[0] for row in self.rows]
            found = model.objects.filter(**condition, item__id__any_of=ids).values_list("item_id", flat=True)
            self._linked[name] = set(found)
        return self._linked[name]

    def kept(self, skip=""):
        """The rows of the matches that pass every chosen filter but `skip`, in order of relevance
        (the same list for every facet when no filter is chosen)."""
        listing = self.listing
        chosen = {
            "type": bool(listing.type),
            "decade": listing.decade is not None,
            "language": bool(listing.language),
            "collection": bool(listing.collection),
            "subject": bool(listing.subject),
            "creator": bool(listing.creator),
        }
        applied = tuple(name for name, on in chosen.items() if on and name != skip)
        if applied not in self._kept:
            rows = self.rows
            for name in applied:
                if name == "type":
                    rows = [row for row in rows if row[1] == listing.type]
                elif name == "decade":
                    low, high = listing.decade, listing.decade + 9
                    rows = [row for row in rows if row[2] is not None and low <= row[2] <= high]
                else:
                    linked = self._linked_ids(name)
                    rows = [row for row in rows if row[0] in linked]
            self._kept[applied] = rows
        return self._kept[applied]

    def ids(self, skip=""):
        """The ids of the matches that pass every chosen filter but `skip`, in order of relevance."""
        return [row[0] for row in self.kept(skip)]

    def facets(self):
        types = Counter(row[1] for row in self.kept(skip="type"))
        decades = Counter(_decade(row[2]) for row in self.kept(skip="decade") if row[2] is not None)
        languages = top_linked(Item.languages.through, "language", "name", self.ids(skip="language"), 30)
        by_pk = Language.objects.in_bulk([pk for pk, _label, _n in languages])
        return {
            "types": [
                {"value": value, "label": DCMIType(value).label, "count": n}
                for value, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "languages": [
                {"value": by_pk[pk].code, "label": by_pk[pk].localised_name(), "count": n}
                for pk, _label, n in languages
            ],
            "decades": [{"value": d, "label": f"{d}s", "count": n} for d, n in sorted(decades.items())],
            "collections": self._top(Item.collections.through, "collectionpage", "title", "collection"),
            "subjects": self._top(ItemSubject, "subject", "label", "subject"),
            "creators": self._top(ItemAgent, "agent", "name", "creator"),
        }

    def _top(self, through, value_field, label_field, skip):
        rows = top_linked(through, value_field, label_field, self.ids(skip=skip), FACET_SIZE)
        return [{"value": pk, "label": label, "count": n} for pk, label, n in rows]


class CatalogueSearch:
    """One visitor's search of the items they may see, in one locale.

    On the database backends the full-text match runs once: one query returns the ids of every
    match in order of relevance (at most MAX_MATCHES), and the facets, counts, filters and other
    sort orders then read those ids instead of matching the text again. Elsewhere (Elasticsearch),
    the backend is asked for each.
    """

    def __init__(self, text, params, user, locale):
        self.text = text
        self.query = build_query(text)
        # The visitor's language, and Uzbek records not yet translated into it (as the listings do).
        self.base = in_locale(Item.objects.visible_to(user), locale.pk)
        results = self.base.search(self.query)
        self.ranked_ids = None
        rows = None
        if connection.vendor == "postgresql" and hasattr(results, "get_queryset"):
            rows = list(results.get_queryset().values_list("pk", "dcmi_type", "year_from")[:MAX_MATCHES])
            self.ranked_ids = [row[0] for row in rows]
            matched = with_ids(self.ranked_ids)
        else:
            matched = matched_items(self.base, self.query)
        self.listing = SearchListing(matched, params)
        if rows is not None:
            self.listing.matches = MatchSet(rows, self.listing)
        self.terms = highlight_terms(text)

    def page(self, number):
        if self.ranked_ids is not None:
            kept = self.listing.matches.ids()  # in order of relevance
            if self.listing.sort != "relevance":
                results = with_ids(kept).order_by(*ORDERINGS[self.listing.sort]).values_list("pk", flat=True)
            else:
                results = kept
            page = Paginator(results, settings.KUTUBXONA_ITEMS_PER_PAGE).get_page(number)
            ids = list(page.object_list)
        else:
            filtered = self.listing._apply(self.base)
            if self.listing.sort == "relevance":
                results = filtered.search(self.query)
            else:
                results = filtered.order_by(*ORDERINGS[self.listing.sort]).search(self.query, order_by_relevance=False)
            page = Paginator(results, settings.KUTUBXONA_ITEMS_PER_PAGE).get_page(number)
            ids = [item.pk for item in page.object_list]
        loaded = Item.objects.filter(pk__in=ids).for_listing().in_bulk()
        hits = self.page_hits(ids)
        page.object_list = [Result(loaded[pk], self.terms, hits.get(pk, [])) for pk in ids if pk in loaded]
        return page

    def page_hits(self, item_ids):
        """The open scans of these items whose recognised text has every word of the query."""
        words = sorted({uzbek_stem(w) for w in self.terms if len(w) > 2}, key=len, reverse=True)[:5]
        if not item_ids or not words:
            return {}
        files = ItemFile.objects.filter(
            item_id__in=item_ids, image__isnull=False, access_level=AccessLevel.OPEN
        ).exclude(image__ocr_key="")
        for word in words:
            files = files.filter(image__ocr_key__contains=word)
        hits = {}
        for file_id, item_id, label, order in files.order_by("item_id", "sort_order").values_list(
            "pk", "item_id", "label", "sort_order"
        ):
            item_hits = hits.setdefault(item_id, [])
            if len(item_hits) < PAGE_HITS_PER_ITEM:
                item_hits.append(PageHit(file_id, label or str(order + 1)))
        return hits


class Result:
    """An item on the results page, with its title and a snippet marked where the words match."""

    def __init__(self, item, terms, page_hits):
        self.item = item
        self.page_hits = page_hits
        self.title = highlight(item.title, terms)
        self.snippet = snippet(strip_tags(item.description or ""), terms)


_TOKEN = re.compile(r"([^\W_]+(?:[ʻʼ'’‘`][^\W_]+)*)")


@functools.lru_cache(maxsize=50_000)
def _word_keys(word):
    """The cross-script key of a word and its stem: the words of titles and descriptions recur
    from one results page to the next, and folding them was a fifth of a search's time."""
    key = canonical_key(word)
    return key, uzbek_stem(key)


def _matches(word, terms):
    key, stem = _word_keys(word)
    return key in terms or stem in terms


def highlight(text, terms):
    """`text` escaped, with each word whose key or stem is a query term in <mark>."""
    parts = _TOKEN.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 and terms and _matches(part, terms):
            out.append(f"<mark>{escape(part)}</mark>")
        else:
            out.append(escape(part))
    return mark_safe("".join(out))  # noqa: S308 - every part is escaped above


def snippet(text, terms):
    """About SNIPPET_WORDS words of `text` around the first match, highlighted; the start if none."""
    words = text.split()
    if not words:
        return ""
    first = next((i for i, w in enumerate(words) if _TOKEN.search(w) and _matches(_TOKEN.search(w)[0], terms)), None)
    if first is None:
        return highlight(Truncator(" ".join(words)).words(SNIPPET_WORDS), terms)
    start = max(0, first - SNIPPET_WORDS // 4)
    chunk = " ".join(words[start : start + SNIPPET_WORDS])
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return mark_safe(prefix + highlight(chunk, terms) + suffix)  # noqa: S308 - highlight() escapes
