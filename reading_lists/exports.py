"""Downloads of a reading list: CSV for spreadsheets, RIS for reference managers.

Both list the entries visitors see (public catalogue items and outside resources), in
the order of the page. Nothing here depends on who asks: the exports never contain an
entry that is hidden on the public page.

CSV is UTF-8 with a byte order mark, so that Excel opens Uzbek, Cyrillic and Arabic
script text correctly. RIS follows the tag list of the RIS format as Zotero, Mendeley and
EndNote read it (https://en.wikipedia.org/wiki/RIS_(file_format)).
"""

import csv
import io
import re

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .entries import EntryResolver

CSV_COLUMNS = [
    "section",
    "position",
    "type",
    "title",
    "creators",
    "year",
    "identifier",
    "url",
    "reading_range",
    "annotation",
    "key_passage",
]

ENTRY_TYPES = {"item_entry": "item", "external_entry": "external"}

RIS_TYPES = {
    "Text": "BOOK",
    "StillImage": "ART",
    "Image": "ART",
    "Sound": "SOUND",
    "MovingImage": "VIDEO",
}

# "pp. 12–30", "p. 12-30", "s. 5–9", "b. 3–4", "12–30", "p. 7"; a hyphen, en dash or em dash between.
PAGE_RANGE_RE = re.compile(
    r"^\s*(?:(?:pp?|ss?|bb?|bet|betlar|стр|с)\.?\s*)?(\d{1,6})(?:\s*[-–—]\s*(\d{1,6}))?\s*$",
    re.IGNORECASE,
)

# Cells a spreadsheet would run as a formula (https://owasp.org/www-community/attacks/CSV_Injection).
FORMULA_START = ("=", "+", "@", "\t", "\r")


def exported_sections(page, request):
    """[(section heading, [Entry])] of the entries visitors see, with everything the exports need."""
    resolver = EntryResolver.for_page(page, request, show_hidden=False, for_export=True)
    return resolver.sections(page.body)


def page_range(reading_range):
    """(start, end) pages from a reading range such as “pp. 12–30”, else None."""
    match = PAGE_RANGE_RE.match(reading_range or "")
    if not match:
        return None
    return match.group(1), match.group(2) or ""


def _single_line(text):
    return " ".join((text or "").split())


def _cell(value):
    text = str(value)
    if text.startswith(FORMULA_START) or (text.startswith("-") and not text[1:2].isdigit()):
        return "'" + text
    return text


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- CSV ---------------------------------------------------------------------------------


def csv_text(page, request):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for heading, entries in exported_sections(page, request):
        for position, entry in enumerate(entries, start=1):
            url = entry.viewer_url or entry.url
            writer.writerow(
                [
                    _cell(value)
                    for value in (
                        heading,
                        position,
                        ENTRY_TYPES[entry.kind],
                        entry.title,
                        "; ".join(entry.creators),
                        entry.year,
                        entry.identifier,
                        url,
                        entry.reading_range,
                        entry.annotation,
                        entry.key_passage,
                    )
                ]
            )
    return out.getvalue()


def csv_response(page, request):
    response = HttpResponse(
        ("\ufeff" + csv_text(page, request)).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, f"{page.slug}.csv")


# --- RIS ---------------------------------------------------------------------------------


def ris_type(entry):
    if entry.is_item:
        return RIS_TYPES.get(entry.dcmi_type, "GEN")
    if entry.isbn:
        return "BOOK"
    return "ELEC" if entry.url else "GEN"


def ris_record(entry):
    """The RIS lines of one entry, from TY to ER."""
    lines = [("TY", ris_type(entry)), ("TI", entry.title)]
    lines += [("AU", creator) for creator in entry.creators]
    if entry.year:
        lines.append(("PY", entry.year))
    if entry.publisher:
        lines.append(("PB", entry.publisher))
    if entry.place:
        lines.append(("CY", entry.place))
    if entry.isbn:
        lines.append(("SN", entry.isbn_display))
    if entry.url:
        lines.append(("UR", entry.url))
    if entry.annotation:
        lines.append(("N1", entry.annotation))
    pages = page_range(entry.reading_range)
    if pages:
        lines.append(("SP", pages[0]))
        if pages[1]:
            lines.append(("EP", pages[1]))
    elif entry.reading_range:
        lines.append(("N1", _("Reading: %(range)s") % {"range": entry.reading_range}))
    if entry.key_passage:
        lines.append(("N1", _("Key passage: %(passage)s") % {"passage": entry.key_passage}))
    lines += [("KW", subject) for subject in entry.subjects]
    lines += [("LA", language) for language in entry.languages]
    text = [f"{tag}  - {_single_line(value)}" for tag, value in lines if _single_line(value)]
    text.append("ER  - ")
    return "\r\n".join(text)


def ris_text(page, request):
    records = [ris_record(entry) for _heading, entries in exported_sections(page, request) for entry in entries]
    return "".join(record + "\r\n\r\n" for record in records)


def ris_response(page, request):
    response = HttpResponse(
        ris_text(page, request).encode("utf-8"), content_type="application/x-research-info-systems; charset=utf-8"
    )
    return _attachment(response, f"{page.slug}.ris")
