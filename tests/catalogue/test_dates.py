import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from catalogue.dates import parse_date


@pytest.fixture(autouse=True)
def english():
    """Messages in English, the language of the msgids, whatever language an earlier test left active."""
    with override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "year_from", "year_to", "edtf"),
    [
        ("1543", 1543, 1543, "1543"),
        ("1543-05-12", 1543, 1543, "1543-05-12"),
        ("[1905]", 1905, 1905, "1905"),
        ("1850?", 1850, 1850, "1850?"),
        ("c. 1850", 1850, 1850, "1850~"),
        ("ca. 1850?", 1850, 1850, "1850%"),
        ("1920s", 1920, 1929, "192X"),
        ("1920s?", 1920, 1929, "192X?"),
        ("1850–1860", 1850, 1860, "1850/1860"),
        ("1850-1860", 1850, 1860, "1850/1860"),
        ("16th century", 1500, 1599, "15XX"),
        ("XVI asr", 1500, 1599, "15XX"),
        ("XIX век", 1800, 1899, "18XX"),
        ("15-asr", 1400, 1499, "14XX"),
        ("1250 AH", 1834, 1835, "1834/1835"),
    ],
)
def test_dates_as_cataloguers_write_them_get_a_sortable_range(text, year_from, year_to, edtf):
    parsed = parse_date(text)
    assert (parsed.year_from, parsed.year_to, parsed.edtf) == (year_from, year_to, edtf)


@pytest.mark.parametrize("text", ["", "  ", None, "n.d.", "s.a.", "б.г."])
def test_undated_is_allowed(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["sometime", "1543-13", "1860–1850", "99th century", "12345"])
def test_unreadable_dates_say_what_is_expected(text):
    with pytest.raises(ValidationError) as exc:
        parse_date(text)
    message = " ".join(exc.value.messages)
    assert "1543" in message or "ends before it starts" in message
