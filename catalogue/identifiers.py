"""Identifier schemes of library records, with validation and normalisation.

Check digits of ISBN and ISSN come from python-stdnum; LCCN follows the Library of
Congress normalisation rules (https://www.loc.gov/marc/lccn-namespace.html).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError


class IdentifierScheme(models.TextChoices):
    SHELFMARK = "shelfmark", _("Shelfmark")
    CALL_NUMBER = "call_number", _("Call number")
    ISBN = "isbn", _("ISBN")
    ISSN = "issn", _("ISSN")
    LCCN = "lccn", _("LCCN")
    OCLC = "oclc", _("OCLC number")
    DOI = "doi", _("DOI")
    HANDLE = "handle", _("Handle")
    URI = "uri", _("URI")
    LEGACY = "legacy", _("Legacy identifier")
    # MARC 001 with its 003 agency, written "(DLC)00000002": what re-imports match records by.
    CONTROL_NUMBER = "control_number", _("MARC control number")
    OAI = "oai", _("OAI identifier")


def normalise_lccn(value):
    text = value.replace(" ", "")
    text = text.split("/")[0]
    if "-" in text:
        prefix, _sep, suffix = text.partition("-")
        text = prefix + suffix.zfill(6)
    return text.lower()


LCCN_RE = re.compile(r"^[a-z]{0,3}(\d{2}|\d{4})\d{6}$")
OCLC_RE = re.compile(r"^(?:\(OCoLC\)|ocm|ocn|on)?\s*(\d{1,12})$", re.IGNORECASE)
DOI_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
HANDLE_RE = re.compile(r"^(?:https?://hdl\.handle\.net/|hdl:)?(\d[\w.]*/\S+)$")


def _stdnum_reason(exc):
    """What python-stdnum found wrong, in the interface language (its own messages are English)."""
    for kind, reason in (
        (InvalidChecksum, _("the check digit is wrong")),
        (InvalidLength, _("it has the wrong number of digits")),
        (InvalidFormat, _("it contains characters that do not belong there")),
        (InvalidComponent, _("a part of it is not valid")),
    ):
        if isinstance(exc, kind):
            return reason
    return exc.message


def clean_identifier(scheme, value):
    """Return the normalised form of `value`, or raise ValidationError saying what is expected."""
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("Enter a value for the identifier."), code="required")
    try:
        if scheme == IdentifierScheme.ISBN:
            return isbn.validate(value)
        if scheme == IdentifierScheme.ISSN:
            return issn.format(issn.validate(value))
    except StdnumError as exc:
        expected = {
            IdentifierScheme.ISBN: _("an ISBN-10 or ISBN-13 with a correct check digit, e.g. 978-9943-01-234-5"),
            IdentifierScheme.ISSN: _("an ISSN of eight characters with a correct check digit, e.g. 0317-8471"),
        }[scheme]
        raise ValidationError(
            _("“%(value)s” is not valid (%(reason)s). Expected %(expected)s.")
            % {"value": value, "reason": _stdnum_reason(exc), "expected": expected},
            code="invalid_identifier",
        ) from exc
    if scheme == IdentifierScheme.LCCN:
        normalised = normalise_lccn(value)
        if not LCCN_RE.match(normalised):
            raise ValidationError(
                _(
                    "“%(value)s” is not an LCCN. Expected up to three letters and 8 or 10 digits, e.g. 2001627090 or n79021164."
                )
                % {"value": value},
                code="invalid_identifier",
            )
        return normalised
    if scheme == IdentifierScheme.OCLC:
        m = OCLC_RE.match(value)
        if not m:
            raise ValidationError(
                _("“%(value)s” is not an OCLC number. Expected digits, optionally prefixed by (OCoLC), ocm or ocn.")
                % {"value": value},
                code="invalid_identifier",
            )
        return m.group(1).lstrip("0") or "0"
    if scheme == IdentifierScheme.DOI:
        m = DOI_RE.match(value)
        if not m:
            raise ValidationError(
                _("“%(value)s” is not a DOI. Expected 10.<registrant>/<suffix>, e.g. 10.1000/182.") % {"value": value},
                code="invalid_identifier",
            )
        return m.group(1)
    if scheme == IdentifierScheme.HANDLE:
        m = HANDLE_RE.match(value)
        if not m:
            raise ValidationError(
                _("“%(value)s” is not a Handle. Expected <prefix>/<suffix>, e.g. 20.500.12345/678.") % {"value": value},
                code="invalid_identifier",
            )
        return m.group(1)
    if scheme == IdentifierScheme.URI:
        if re.match(r"^(urn|info|ark):\S+$", value, re.IGNORECASE):
            return value
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError as exc:
            raise ValidationError(
                _("“%(value)s” is not a URI. Expected an address such as https://example.org/record/1.")
                % {"value": value},
                code="invalid_identifier",
            ) from exc
    return value
