"""An item as a MARC 21 bibliographic record (MARCXML), by the inverse of the Library of Congress
Dublin Core to MARC crosswalk (https://www.loc.gov/marc/dccross.html)."""

import re
from datetime import UTC

import pymarc
from pymarc import Field, Indicators, Subfield

from media_library.iiif import plain_text

# Leader/06, type of record, by DCMI type.
RECORD_TYPES = {
    "Text": "a",
    "StillImage": "k",
    "Image": "k",
    "MovingImage": "g",
    "Sound": "i",
    "PhysicalObject": "r",
    "Collection": "p",
    "Dataset": "m",
    "Software": "m",
    "InteractiveResource": "m",
}
IDENTIFIER_FIELDS = {"isbn": "020", "issn": "022", "lccn": "010"}


def _field(tag, ind1, ind2, *subfields):
    subfields = [Subfield(code, str(value).strip()) for code, value in subfields if value and str(value).strip()]
    return Field(tag=tag, indicators=Indicators(ind1, ind2), subfields=subfields) if subfields else None


def _language_code(language):
    return (language.iso639_2b or language.code or "").lower()


def _fixed_length(item, languages):
    """008: date entered, a single date (Date 1 = the earliest year), language."""
    entered = item.created_at.strftime("%y%m%d") if item.created_at else "      "
    year = f"{item.year_from:04d}" if item.year_from is not None and 0 <= item.year_from <= 9999 else "    "
    date_type = "s" if year.strip() else "n"
    if item.year_from is not None and item.year_to is not None and item.year_to != item.year_from:
        date_type = "q"
        year2 = f"{item.year_to:04d}" if 0 <= item.year_to <= 9999 else "    "
    else:
        year2 = "    "
    language = (languages[0] if languages else "   ").ljust(3)[:3]
    return f"{entered}{date_type}{year}{year2}xx {' ' * 17}{language} d"


def marc_record(item, url="", translations=()):
    """The MARCXML of `item` (a string, namespace http://www.loc.gov/MARC21/slim), without field 005."""
    from media_library.iiif import manifest_url

    record = pymarc.Record(force_utf8=True)
    record.leader = f"00000n{RECORD_TYPES.get(item.dcmi_type, 'a')}m a2200000 i 4500"
    languages = [_language_code(language) for language in item.languages.all() if _language_code(language)]
    fields = [Field(tag="001", data=str(item.pk)), Field(tag="008", data=_fixed_length(item, languages))]
    for identifier in item.identifiers.all():
        tag = IDENTIFIER_FIELDS.get(identifier.scheme)
        if tag:
            fields.append(_field(tag, " ", " ", ("a", identifier.value)))
        elif identifier.scheme == "oclc":
            fields.append(_field("035", " ", " ", ("a", f"(OCoLC){identifier.value}")))
        else:
            fields.append(_field("024", "7", " ", ("a", identifier.value), ("2", identifier.scheme)))
    if languages:
        fields.append(_field("041", "0", " ", *[("a", code) for code in languages]))
    agents = list(item.agent_links.all())
    main = next((a for a in agents if a.dc_element == "creator"), None)
    for link in agents:
        person = link.agent.kind != "organisation"
        tag = ("1" if link is main else "7") + ("00" if person else "10")
        fields.append(
            _field(
                tag,
                "1" if person else "2",
                " ",
                ("a", link.agent.name),
                ("d", link.agent.dates if person else ""),
                ("e", link.get_role_display()),
                ("4", link.role),
            )
        )
    fields.append(_field("245", "1" if main else "0", "0", ("a", item.title)))
    for title in item.alternative_titles.all():
        fields.append(_field("246", "3", " ", ("a", title.title)))
    for translation in translations:
        if translation.title != item.title:
            fields.append(_field("246", "1", " ", ("a", translation.title)))
    fields.append(_field("264", " ", "1", ("a", item.place_of_publication), ("b", item.publisher), ("c", item.date)))
    fields.append(_field("300", " ", " ", ("a", item.extent)))
    fields.append(_field("340", " ", " ", ("a", item.format)))
    fields.append(_field("500", " ", " ", ("a", item.source and f"Source: {item.source}")))
    fields.append(_field("520", " ", " ", ("a", plain_text(item.description))))
    for translation in translations:
        if translation.description != item.description:
            fields.append(_field("520", " ", " ", ("a", plain_text(translation.description))))
    if item.rights_id or item.rights_holder:
        fields.append(
            _field(
                "540",
                " ",
                " ",
                ("a", item.rights.label if item.rights_id else ""),
                ("d", item.rights_holder),
                ("u", item.rights.uri if item.rights_id else ""),
            )
        )
    fields.append(_field("648", " ", "4", ("a", item.temporal_coverage)))
    for link in item.subject_links.all():
        fields.append(_field("650", " ", "4", ("a", link.subject.label)))
    for link in item.place_links.all():
        fields.append(_field("651", " ", "4", ("a", link.place.name)))
    fields.append(_field("655", " ", "7", ("a", item.dcmi_type), ("2", "dct")))
    fields.append(_field("856", "4", "0", ("u", url), ("z", "Catalogue record")))
    if item.pk:
        fields.append(
            _field("856", "4", "1", ("3", "IIIF manifest"), ("u", manifest_url(item)), ("q", "application/ld+json"))
        )
    for field in fields:
        if field is not None:
            record.add_ordered_field(field)
    return pymarc.record_to_xml(record, namespace=True).decode("utf-8")


_LATEST = re.compile(r'<controlfield tag="005">[^<]*</controlfield>')


def set_latest_transaction(marc, datestamp):
    """`marc` with field 005 (date and time of latest transaction) set to `datestamp` (UTC)."""
    if not marc:
        return marc
    value = f'<controlfield tag="005">{datestamp.astimezone(UTC).strftime("%Y%m%d%H%M%S")}.0</controlfield>'
    marc = _LATEST.sub("", marc)
    return re.sub(r'(<controlfield tag="001">[^<]*</controlfield>)', lambda m: m.group(1) + value, marc, count=1)
