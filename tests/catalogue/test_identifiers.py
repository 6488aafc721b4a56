import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from catalogue.identifiers import IdentifierScheme, clean_identifier


@pytest.fixture(autouse=True)
def english():
    """Messages in English, the language of the msgids, whatever language an earlier test left active."""
    with override("en"):
        yield


@pytest.mark.parametrize(
    ("scheme", "value", "expected"),
    [
        (IdentifierScheme.ISBN, "978-0-306-40615-7", "9780306406157"),
        (IdentifierScheme.ISBN, "0-306-40615-2", "0306406152"),
        (IdentifierScheme.ISSN, "0317 8471", "0317-8471"),
        (IdentifierScheme.LCCN, "n79-21164", "n79021164"),
        (IdentifierScheme.LCCN, "2001627090", "2001627090"),
        (IdentifierScheme.OCLC, "(OCoLC)00012345", "12345"),
        (IdentifierScheme.DOI, "https://doi.org/10.1000/182", "10.1000/182"),
        (IdentifierScheme.URI, "urn:isbn:9780306406157", "urn:isbn:9780306406157"),
        (IdentifierScheme.SHELFMARK, " Inv. 1234 ", "Inv. 1234"),
    ],
)
def test_identifiers_are_normalised(scheme, value, expected):
    assert clean_identifier(scheme, value) == expected


@pytest.mark.parametrize(
    ("scheme", "value", "expected_in_message"),
    [
        (IdentifierScheme.ISBN, "978-0-306-40615-8", "check digit"),
        (IdentifierScheme.ISSN, "0317-8472", "ISSN"),
        (IdentifierScheme.LCCN, "abcd12", "LCCN"),
        (IdentifierScheme.OCLC, "twelve", "OCLC"),
        (IdentifierScheme.DOI, "11.1000/182", "DOI"),
        (IdentifierScheme.URI, "not a uri", "URI"),
        (IdentifierScheme.LEGACY, "", "Enter a value"),
    ],
)
def test_invalid_identifiers_say_what_is_expected(scheme, value, expected_in_message):
    with pytest.raises(ValidationError) as exc:
        clean_identifier(scheme, value)
    assert expected_in_message in " ".join(exc.value.messages)
