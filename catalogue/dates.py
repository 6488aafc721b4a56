"""Dates as cataloguers write them, normalised to a sortable year range and EDTF.

Library records carry dates such as "1543", "c. 1850", "1920s?", "16th century",
"XVI asr" or "1250 AH". The text is kept as entered; this module derives the
range used for sorting and decade filters, and an Extended Date/Time Format
(EDTF, ISO 8601-2) string for exchange. The `edtf` package parses EDTF itself,
not these free-text forms, which is why the reading is written here.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EXPECTED = _(
    "Enter a date such as 1543, 1543-05-12, c. 1850, 1850?, 1920s, 1850–1860, "
    "16th century, XVI asr, XVI век or 1250 AH; leave it empty or write “n.d.” if undated."
)

UNDATED = {"n.d.", "nd", "s.a.", "undated", "sanasiz", "б.г.", "б. г.", "без даты"}

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN_RE = r"[IVXLC]+"


@dataclass(frozen=True)
class DateRange:
    year_from: int | None
    year_to: int | None
    edtf: str


def _roman_to_int(text):
    total = 0
    values = [ROMAN[c] for c in text]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


def _century(number, qualifier):
    if not 1 <= number <= 21:
        raise ValidationError(EXPECTED, code="invalid_date")
    start = (number - 1) * 100
    return DateRange(start, start + 99, f"{number - 1:02d}XX{qualifier}")


def _hijri_to_gregorian(year):
    # A Hijri year spans parts of two Gregorian years.
    first = int(year * 0.970224 + 621.5774)
    return first, first + 1


DASHES = "-–—/"
APPROX_PREFIX = re.compile(r"^(c\.|ca\.|circa|~|taxminan|около|ок\.|прибл\.)\s*", re.IGNORECASE)


def parse_date(text):
    """Return a DateRange for `text`, or None when it is empty or explicitly undated.

    Raises ValidationError naming the forms that are understood.
    """
    if text is None:
        return None
    value = " ".join(str(text).split())
    if not value or value.lower() in UNDATED:
        return None
    value = value.strip("[]")
    qualifier = ""
    if value.endswith("?"):
        qualifier = "?"
        value = value[:-1].strip()
    approx = APPROX_PREFIX.match(value)
    if approx:
        qualifier = "%" if qualifier == "?" else "~"
        value = value[approx.end() :].strip()

    # 1543, 1543-05, 1543-05-12
    m = re.fullmatch(r"(\d{3,4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m:
        year = int(m.group(1))
        if m.group(2) and not 1 <= int(m.group(2)) <= 12:
            raise ValidationError(EXPECTED, code="invalid_date")
        if m.group(3) and not 1 <= int(m.group(3)) <= 31:
            raise ValidationError(EXPECTED, code="invalid_date")
        return DateRange(year, year, f"{value}{qualifier}")

    # 1920s
    m = re.fullmatch(r"(\d{2,3})0(?:s|-е|-yillar|-е годы)", value, re.IGNORECASE)
    if m:
        start = int(m.group(1)) * 10
        return DateRange(start, start + 9, f"{m.group(1)}X{qualifier}")

    # 1850-1860, 1850–1860, 1850/1860
    m = re.fullmatch(rf"(\d{{3,4}})\s*[{DASHES}]\s*(\d{{3,4}})", value)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        if end < start:
            raise ValidationError(
                _("The range %(value)s ends before it starts.") % {"value": text}, code="invalid_date"
            )
        return DateRange(start, end, f"{start}{qualifier}/{end}{qualifier}")

    # 16th century, 16th c., 16-asr, 16 в.
    m = re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th|-?chi)?[\s-]*(century|cent\.|c\.|asr|asrlar|в\.|век|вв\.)",
        value,
        re.IGNORECASE,
    )
    if m:
        return _century(int(m.group(1)), qualifier)

    # XVI century, XVI asr, XVI в., XVI век
    m = re.fullmatch(rf"({ROMAN_RE})[\s-]*(century|cent\.|c\.|asr|в\.|век)", value)
    if m:
        return _century(_roman_to_int(m.group(1)), qualifier)

    # 1250 AH, 1250 h., 1250 hijriy
    m = re.fullmatch(r"(\d{3,4})\s*(AH|A\.H\.|h\.|hijriy|х\.|хиджры)", value, re.IGNORECASE)
    if m:
        first, last = _hijri_to_gregorian(int(m.group(1)))
        return DateRange(first, last, f"{first}{qualifier}/{last}{qualifier}")

    raise ValidationError(EXPECTED, code="invalid_date")
