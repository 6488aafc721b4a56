"""The catalogue's CSV format (docs/formats/csv.md): one item per row, multiple values joined by "|".

Reading streams rows one at a time; writing streams items in chunks, so both run in bounded memory.
An export can be edited and imported back: its `id` column makes the import update those items.
"""

import csv
import io

from django.db.models import Prefetch

from catalogue.models import AccessLevel, Agent, DCMIType, Item, ItemAgent

from .writer import AgentRef, Record, RecordError

SEP = "|"

# Column → Record field it fills (None: handled specially). The order is the export's order.
COLUMNS = [
    "id",
    "identifiers",
    "title",
    "title_language",
    "alternative_titles",
    "creators",
    "contributors",
    "subjects",
    "places",
    "date",
    "type",
    "language",
    "description",
    "publisher",
    "place_of_publication",
    "format",
    "extent",
    "source",
    "temporal_coverage",
    "rights",
    "rights_holder",
    "rights_note",
    "access",
    "collections",
]
FIELD_OF = {
    "identifiers": "identifiers",
    "title_language": "title_language",
    "alternative_titles": "alternative_titles",
    "creators": "agents",
    "contributors": "agents",
    "subjects": "subjects",
    "places": "places",
    "date": "date",
    "type": "dcmi_type",
    "language": "languages",
    "description": "description",
    "publisher": "publisher",
    "place_of_publication": "place_of_publication",
    "format": "format",
    "extent": "extent",
    "source": "source",
    "temporal_coverage": "temporal_coverage",
    "rights": "rights_id",
    "rights_holder": "rights_holder",
    "rights_note": "rights_note",
    "access": "access_level",
    "collections": "collections",
}
ROLE_CODES = set(ItemAgent.Role.values)


def split(value):
    return [v.strip() for v in (value or "").split(SEP) if v.strip()]


def parse_agent(text, default_role):
    """`Name [role]` with an optional MARC relator code: "Alisher Navoiy [aut]"."""
    role = default_role
    if text.endswith("]") and "[" in text:
        name, _sep, code = text[:-1].rpartition("[")
        code = code.strip().lower()
        if code not in ROLE_CODES:
            raise RecordError(
                f"unknown role “{code}” for “{name.strip()}” (use a MARC relator code such as aut, edt, trl)"
            )
        text, role = name.strip(), code
    return AgentRef(name=text, kind=Agent.Kind.PERSON, role=role)


def row_to_record(row):
    """A Record from one CSV row (a dict by column name); raises RecordError naming the bad column."""
    unknown = [c for c in row if c is not None and c.strip() and c.strip() not in COLUMNS]
    if unknown:
        raise RecordError(f"unknown column(s): {', '.join(unknown)}")
    if None in row:
        raise RecordError("more values than columns (an unquoted comma?)")
    get = lambda name: (row.get(name) or "").strip()  # noqa: E731
    title = get("title")
    if not title and not get("id"):
        raise RecordError("the title is empty")
    record = Record(title=title)
    if get("id"):
        if not get("id").isdigit():
            raise RecordError(f"id “{get('id')}” is not a number")
        record.item_id = int(get("id"))
    for text in split(get("identifiers")):
        scheme, sep, value = text.partition(":")
        if not sep or not value.strip():
            raise RecordError(f"identifier “{text}” must be written scheme:value, e.g. isbn:9789943012345")
        record.identifiers.append((scheme.strip().lower(), value.strip()))
    if record.identifiers and not record.item_id:
        record.key = record.identifiers[0]
    record.title_language = get("title_language")
    for text in split(get("alternative_titles")):
        title_text, _sep, lang = text.rpartition("@") if "@" in text else (text, "", "")
        record.alternative_titles.append((title_text.strip(), lang.strip()))
    record.creators = [parse_agent(t, ItemAgent.Role.AUTHOR) for t in split(get("creators"))]
    record.contributors = [parse_agent(t, ItemAgent.Role.CONTRIBUTOR) for t in split(get("contributors"))]
    record.subjects = split(get("subjects"))
    record.places = split(get("places"))
    record.languages = split(get("language"))
    for name in (
        "date",
        "description",
        "publisher",
        "place_of_publication",
        "format",
        "extent",
        "source",
        "temporal_coverage",
        "rights_holder",
        "rights_note",
    ):
        setattr(record, name, get(name))
    if get("type"):
        if get("type") not in DCMIType.values:
            raise RecordError(f"type “{get('type')}” is not a DCMI type ({', '.join(DCMIType.values)})")
        record.dcmi_type = get("type")
    if get("access"):
        if get("access") not in AccessLevel.values:
            raise RecordError(f"access “{get('access')}” must be one of {', '.join(AccessLevel.values)}")
        record.access_level = get("access")
    record.rights_uri = get("rights")
    record.collections = split(get("collections"))
    if get("date"):
        from django.core.exceptions import ValidationError

        from catalogue.dates import parse_date

        try:
            parse_date(get("date"))
        except ValidationError as exc:
            raise RecordError(f"date “{get('date')}”: {' '.join(exc.messages)}") from exc
    record.only = {FIELD_OF[c] for c in row if c in FIELD_OF} | {"title"}
    return record


def read_csv(stream):
    """Yield ("row N", Record or exception) for each row of a CSV text stream (row 1 is the header)."""
    reader = csv.DictReader(stream)
    if not reader.fieldnames or "title" not in [f.strip() for f in reader.fieldnames]:
        if "id" not in [f.strip() for f in reader.fieldnames or []]:
            yield "row 1", RecordError("the header must name a title column (see docs/formats/csv.md)")
            return
    for number, row in enumerate(reader, start=2):
        try:
            yield f"row {number}", row_to_record({(k or "").strip() or None: v for k, v in row.items()})
        except RecordError as exc:
            yield f"row {number}", exc


# --- export -------------------------------------------------------------------------------


def item_row(item):
    agents = sorted(item.agent_links.all(), key=lambda link: link.sort_order or 0)

    def agent_text(link):
        return f"{link.agent.name} [{link.role}]"

    return [
        item.pk,
        SEP.join(f"{i.scheme}:{i.value}" for i in item.identifiers.all()),
        item.title,
        item.title_language,
        SEP.join(f"{a.title}@{a.language}" if a.language else a.title for a in item.alternative_titles.all()),
        SEP.join(agent_text(link) for link in agents if link.dc_element == ItemAgent.DCElement.CREATOR),
        SEP.join(agent_text(link) for link in agents if link.dc_element == ItemAgent.DCElement.CONTRIBUTOR),
        SEP.join(link.subject.label for link in item.subject_links.all()),
        SEP.join(link.place.name for link in item.place_links.all()),
        item.date,
        item.dcmi_type,
        SEP.join(lang.code for lang in item.languages.all()),
        html_to_text(item.description),
        item.publisher,
        item.place_of_publication,
        item.format,
        item.extent,
        item.source,
        item.temporal_coverage,
        item.rights.uri if item.rights_id else "",
        item.rights_holder,
        item.rights_note,
        item.access_level,
        SEP.join(str(c.pk) for c in item.collections.all()),
    ]


def html_to_text(html):
    from django.utils.html import strip_tags

    if not html:
        return ""
    paragraphs = [strip_tags(p) for p in html.replace("</p>", "</p>\n\n").split("\n\n")]
    from html import unescape

    return "\n\n".join(unescape(p).strip() for p in paragraphs if p.strip())


EXPORT_CHUNK = 500


def export_rows(queryset, *, chunk=EXPORT_CHUNK):
    """Yield CSV lines (header first) for the items of `queryset`, loaded `chunk` at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield line(COLUMNS)
    ids = queryset.order_by("pk").values_list("pk", flat=True)
    last = 0
    while True:
        page = list(ids.filter(pk__gt=last)[:chunk])
        if not page:
            return
        last = page[-1]
        items = (
            Item.objects.filter(pk__in=page)
            .order_by("pk")
            .select_related("rights")
            .prefetch_related(
                "identifiers",
                "alternative_titles",
                Prefetch("agent_links", queryset=ItemAgent.objects.select_related("agent")),
                "subject_links__subject",
                "place_links__place",
                "languages",
                "collections",
            )
        )
        for item in items:
            yield line(item_row(item))
