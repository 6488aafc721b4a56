"""The entries of a reading list as visitors, editors and the exports see them.

A list may hold dozens of catalogue items. `EntryResolver` loads all of them in a fixed
number of queries (the items with their creators, and which of them are public), whatever
the number of entries, and describes each entry the same way for the page, the CSV and
the RIS export: its title, creators, year, identifiers, links and whether it is shown.

Visitors never see an entry whose item is not public; editors previewing the list see it
flagged with the reason.
"""

from dataclasses import dataclass, field
from urllib.parse import unquote

from django.db.models import Prefetch
from django.urls import NoReverseMatch
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from stdnum import isbn as stdnum_isbn

# Context keys the blocks use to pass the resolver and the described entry down.
RESOLVER_KEY = "reading_list_resolver"
ENTRY_KEY = "reading_list_entry"

ITEM_ENTRY = "item_entry"
EXTERNAL_ENTRY = "external_entry"


def item_ids_in(raw_body):
    """The ids of the catalogue items chosen in a body's raw (JSON) data, in order, without touching the database."""
    ids = []
    for section in raw_body or []:
        if not isinstance(section, dict) or section.get("type") != "section":
            continue
        for entry in (section.get("value") or {}).get("entries") or []:
            if not isinstance(entry, dict) or entry.get("type") != ITEM_ENTRY:
                continue
            pk = _pk((entry.get("value") or {}).get("item"))
            if pk is not None:
                ids.append(pk)
    return ids


def _pk(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    pk = getattr(value, "pk", None)
    if isinstance(pk, int):
        return pk
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def format_isbn(value):
    try:
        return stdnum_isbn.format(value)
    except Exception:  # noqa: BLE001 - an unparseable stored value is shown as it is
        return value


@dataclass
class Entry:
    """One entry of a reading list, described for display and export."""

    kind: str
    value: object
    title: str = ""
    title_language: str = ""
    creators: list = field(default_factory=list)
    date: str = ""
    year: str = ""
    publisher: str = ""
    place: str = ""
    isbn: str = ""
    url: str = ""
    viewer_url: str = ""
    canvas: int | None = None
    item: object = None
    dcmi_type: str = ""
    subjects: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    annotation: str = ""
    reading_range: str = ""
    key_passage: str = ""
    is_public: bool = True
    hidden_reason: str = ""
    visible: bool = True

    @property
    def is_item(self):
        return self.kind == ITEM_ENTRY

    @property
    def isbn_display(self):
        return format_isbn(self.isbn) if self.isbn else ""

    @property
    def print_url(self):
        """The URL as readers type it: “…/sadoi-fargʻona/”, not “…/sadoi-farg%CA%BBona/” (printed after links)."""
        return unquote(self.url)

    @property
    def print_viewer_url(self):
        return unquote(self.viewer_url)

    @property
    def identifier(self):
        """The ISBN if there is one, otherwise the item's URL (for the CSV)."""
        return self.isbn_display or (self.url if self.is_item else "")


class EntryResolver:
    """The catalogue items of a list's entries, loaded once; describes each entry."""

    def __init__(self, item_ids, request=None, show_hidden=False, for_export=False):
        from catalogue.identifiers import IdentifierScheme
        from catalogue.models import Item, ItemIdentifier, ItemSubject

        self.request = request
        self.show_hidden = show_hidden
        ids = sorted(set(item_ids))
        self.items = {}
        self.public_ids = set()
        if ids:
            items = Item.objects.filter(pk__in=ids).for_listing()
            if for_export:
                items = items.prefetch_related(
                    Prefetch(
                        "identifiers",
                        queryset=ItemIdentifier.objects.filter(scheme=IdentifierScheme.ISBN).order_by("sort_order"),
                        to_attr="isbn_identifiers",
                    ),
                    Prefetch(
                        "subject_links",
                        queryset=ItemSubject.objects.select_related("subject").order_by("sort_order"),
                        to_attr="ordered_subject_links",
                    ),
                    "languages",
                )
            self.items = {item.pk: item for item in items}
            self.public_ids = set(Item.objects.public().filter(pk__in=ids).values_list("pk", flat=True))

    @classmethod
    def for_page(cls, page, request=None, show_hidden=False, for_export=False):
        return cls(item_ids_in(page.body.raw_data), request=request, show_hidden=show_hidden, for_export=for_export)

    @classmethod
    def from_context(cls, context, entries):
        """The resolver the page put in the context, or one for just `entries` (a block rendered on its own)."""
        context = context or {}
        resolver = context.get(RESOLVER_KEY)
        if resolver is not None:
            return resolver
        ids = [_pk(value.get("item")) for kind, value in entries if kind == ITEM_ENTRY]
        return cls([pk for pk in ids if pk is not None], request=context.get("request"))

    # --- describing entries -------------------------------------------------------------

    def visible(self, children):
        """[{"block", "entry"}] for the stream children (bound blocks) that are shown, in order."""
        shown = []
        for child in children:
            entry = self.describe(child.block_type, child.value)
            if entry.visible:
                shown.append({"block": child, "entry": entry})
        return shown

    def describe(self, kind, value):
        if kind == ITEM_ENTRY:
            entry = self._describe_item(value)
        else:
            entry = self._describe_external(value)
        entry.annotation = (value.get("annotation") or "").strip()
        entry.reading_range = (value.get("reading_range") or "").strip()
        entry.key_passage = (value.get("key_passage") or "").strip()
        entry.visible = entry.is_public or self.show_hidden
        return entry

    def _describe_external(self, value):
        authors = [a.strip() for a in (value.get("author") or "").split(";") if a.strip()]
        return Entry(
            kind=EXTERNAL_ENTRY,
            value=value,
            title=(value.get("title") or "").strip(),
            creators=authors,
            date=(value.get("year") or "").strip(),
            year=(value.get("year") or "").strip(),
            isbn=(value.get("isbn") or "").strip(),
            url=(value.get("url") or "").strip(),
        )

    def _describe_item(self, value):
        pk = _pk(value.get("item"))
        item = self.items.get(pk)
        if item is None:
            return Entry(
                kind=ITEM_ENTRY,
                value=value,
                title=_("An item that no longer exists"),
                is_public=False,
                hidden_reason=_("the chosen item has been deleted; choose another or remove the entry"),
            )
        url = self._item_url(item)
        canvas = value.get("canvas") or None
        entry = Entry(
            kind=ITEM_ENTRY,
            value=value,
            item=item,
            title=item.title,
            title_language=item.title_language,
            creators=[link.agent.name for link in getattr(item, "creator_links", [])],
            date=item.date,
            year=str(item.year_from) if item.year_from is not None and item.year_from > 0 else "",
            publisher=item.publisher,
            place=item.place_of_publication,
            url=url,
            canvas=canvas,
            viewer_url=f"{url}?page={canvas}#item-viewer" if url and canvas else "",
            dcmi_type=item.dcmi_type,
            is_public=pk in self.public_ids,
        )
        if hasattr(item, "isbn_identifiers"):
            entry.isbn = item.isbn_identifiers[0].value if item.isbn_identifiers else ""
            entry.subjects = [link.subject.label for link in item.ordered_subject_links]
            entry.languages = [language.bcp47 for language in item.languages.all()]
        if not entry.is_public:
            entry.hidden_reason = hidden_reason(item)
        return entry

    def _item_url(self, item):
        try:
            url = item.get_url(self.request) or ""
        except NoReverseMatch:
            return ""
        if url and self.request is not None:
            url = self.request.build_absolute_uri(url)
        return url

    def sections(self, body):
        """[(heading, [Entry shown])] for a body's sections, in order (the exports)."""
        result = []
        for section in body:
            if section.block_type != "section":
                continue
            shown = [row["entry"] for row in self.visible(list(section.value["entries"]))]
            result.append((section.value["heading"], shown))
        return result


def hidden_reason(item):
    """Why visitors do not see `item`, in words for the editor."""
    from catalogue.models import AccessLevel

    if not item.live:
        return _("the item is not published")
    if item.access_level == AccessLevel.READING_ROOM:
        return _("the item is open in the reading room only")
    if item.access_level == AccessLevel.STAFF:
        return _("the item is for staff only")
    if item.is_embargoed:
        return _("the item is under embargo until %(date)s") % {"date": date_format(item.embargo_until)}
    return _("the item is not public")
