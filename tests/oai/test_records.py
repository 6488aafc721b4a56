"""What a record disseminates: oai_dc and MARCXML of public items only, with tombstones."""

import io
import re
from datetime import timedelta

import pymarc
import pytest
import time_machine
from django.utils import timezone, translation
from lxml import etree

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import AccessLevel, Item, ItemRelation, Language
from oai.models import Record
from tests.i18n.helpers import translate_item
from tests.oai.conftest import NS, errors, identifiers

pytestmark = pytest.mark.django_db

DC_ELEMENTS = {
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
}
ALLOWED_LANGUAGES = {"uz-Latn", "uz-Cyrl", "ru", "en"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def oai_id(item):
    return f"oai:kutubxona.uz:{item.pk}"


def get_record(oai, item, prefix="oai_dc"):
    return oai(verb="GetRecord", identifier=oai_id(item), metadataPrefix=prefix)


def dublin_core(document):
    """The oai_dc payload, checked structurally: only the 15 DC elements, languages with their script."""
    payload = document.find(".//oai:metadata/oai_dc:dc", NS)
    assert payload is not None
    assert len(document.find(".//oai:metadata", NS)) == 1
    for element in payload:
        namespace, name = element.tag[1:].split("}")
        assert namespace == NS["dc"] and name in DC_ELEMENTS, element.tag
        assert len(element) == 0 and element.text.strip()
        assert element.get(XML_LANG) in ALLOWED_LANGUAGES | {None}, element.get(XML_LANG)
    return payload


def values(payload, element, lang=False):
    found = payload.findall(f"dc:{element}", NS)
    return [(e.text, e.get(XML_LANG)) for e in found] if lang else [e.text for e in found]


@pytest.fixture
def xamsa(library):
    item = ItemFactory(
        title="Xamsa",
        description="<p>Besh doston.</p>",
        publisher="Navoiy nashriyoti",
        collections=[library.navoiy],
        creators=[AgentFactory(name="Alisher Navoiy", dates="1441–1501")],
        subjects=[SubjectFactory(label="She'riyat")],
    )
    item.languages.add(Language.objects.get(code="chg"))
    item.save()
    return item


def test_oai_dc_carries_every_value_with_its_script_tagged_language(oai, xamsa):
    translate_item(xamsa, "uz-cyrl", title="Хамса", description="<p>Беш достон.</p>")
    translate_item(xamsa, "ru", title="Хамсе", description="<p>Пять поэм.</p>")
    payload = dublin_core(get_record(oai, xamsa))
    assert set(values(payload, "title", lang=True)) == {("Xamsa", "uz-Latn"), ("Хамса", "uz-Cyrl"), ("Хамсе", "ru")}
    assert set(values(payload, "description", lang=True)) == {
        ("Besh doston.", "uz-Latn"),
        ("Беш достон.", "uz-Cyrl"),
        ("Пять поэм.", "ru"),
    }
    assert values(payload, "creator") == ["Alisher Navoiy"]
    assert values(payload, "subject", lang=True) == [("She'riyat", "uz-Latn")]
    assert values(payload, "language") == ["chg"]
    assert f"http://testserver/iiif/{xamsa.pk}/manifest" in values(payload, "identifier")
    # The translations are values of the one record, not records of their own.
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == [oai_id(xamsa)]


def test_marc21_is_generated_from_the_item(oai, xamsa):
    Record.objects.update(pending=True)
    with translation.override("ru"):
        document = get_record(oai, xamsa, "marc21")
    payload = document.find(".//oai:metadata/marc:record", NS)
    assert payload is not None
    (record,) = pymarc.parse_xml_to_array(io.BytesIO(etree.tostring(payload)))
    assert record["001"].data == str(xamsa.pk)
    assert re.fullmatch(r"\d{14}\.0", record["005"].data)
    assert len(record["008"].data) == 40 and record["008"].data[35:38] == "chg"
    assert record["245"]["a"] == "Xamsa"
    assert record["100"]["a"] == "Alisher Navoiy" and record["100"]["4"] == "aut"
    assert record["100"]["e"] == "author"  # relator terms in English, whatever the request's language
    assert record["264"]["b"] == "Navoiy nashriyoti"
    assert record["520"]["a"] == "Besh doston."
    assert record["650"]["a"] == "She'riyat"
    assert record["041"]["a"] == "chg"
    assert f"http://testserver/iiif/{xamsa.pk}/manifest" in [f["u"] for f in record.get_fields("856")]


def test_a_restricted_item_is_absent(oai, library):
    for kwargs in (
        {"access_level": AccessLevel.STAFF},
        {"access_level": AccessLevel.READING_ROOM},
        {"live": False},
        {"embargo_until": timezone.localdate() + timedelta(days=30)},
    ):
        hidden = ItemFactory(title="Hidden", **kwargs)
        assert errors(get_record(oai, hidden)) == ["idDoesNotExist"]
        assert errors(oai(verb="ListMetadataFormats", identifier=oai_id(hidden))) == ["idDoesNotExist"]
    assert errors(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == ["noRecordsMatch"]
    assert not Record.objects.exists()


@pytest.mark.parametrize("change", ["restrict", "unpublish", "delete", "embargo"])
def test_an_item_that_was_public_leaves_a_tombstone(oai, xamsa, change):
    first = get_record(oai, xamsa).findtext(".//oai:datestamp", namespaces=NS)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        if change == "restrict":
            xamsa.access_level = AccessLevel.STAFF
            xamsa.save_revision().publish()
        elif change == "unpublish":
            xamsa.unpublish()
        elif change == "embargo":
            xamsa.embargo_until = timezone.localdate() + timedelta(days=365)
            xamsa.save_revision().publish()
        else:
            Item.objects.get(pk=xamsa.pk).delete()
        for document in (
            get_record(oai, xamsa),
            oai(verb="ListRecords", metadataPrefix="oai_dc"),
            oai(verb="ListRecords", metadataPrefix="marc21"),
        ):
            header = document.find(".//oai:header", NS)
            assert header.get("status") == "deleted"
            assert header.findtext("oai:identifier", namespaces=NS) == oai_id(xamsa)
            assert header.findtext("oai:datestamp", namespaces=NS) > first
            assert document.find(".//oai:metadata", NS) is None
        # Still in its sets, so that harvesters of a set learn of the deletion.
        assert identifiers(
            oai(
                verb="ListIdentifiers",
                metadataPrefix="oai_dc",
                set=f"collection:{xamsa.primary_collection.get_parent().pk}",
            )
        ) == [oai_id(xamsa)]


def test_datestamp_changes_only_when_the_metadata_changes(oai, xamsa, synced):
    first = get_record(oai, xamsa).findtext(".//oai:datestamp", namespaces=NS)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        xamsa.save_revision().publish()  # nothing changed
        assert get_record(oai, xamsa).findtext(".//oai:datestamp", namespaces=NS) == first
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        translate_item(xamsa, "en", title="Khamsa")  # a new translation changes the record
        after_translation = get_record(oai, xamsa).findtext(".//oai:datestamp", namespaces=NS)
        assert after_translation > first
    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        agent = xamsa.agent_links.first().agent
        agent.name = "Navoiy, Alisher"
        agent.save()
        document = get_record(oai, xamsa)
        assert document.findtext(".//oai:datestamp", namespaces=NS) > after_translation
        assert values(dublin_core(document), "creator") == ["Navoiy, Alisher"]


def test_relations_link_only_to_public_items(oai, client, xamsa):
    draft = ItemFactory(title="Draft commentary", live=False)
    staff_only = ItemFactory(title="Staff copy", access_level=AccessLevel.STAFF)
    public = ItemFactory(title="Public edition")
    for target in (draft, staff_only, public):
        xamsa.relations.add(ItemRelation(target_item=target))
    xamsa.relations.add(ItemRelation(uri="https://example.org/elsewhere"))
    xamsa.save_revision().publish()
    relations = values(dublin_core(get_record(oai, xamsa)), "relation")
    assert relations == [f"http://testserver{public.get_canonical_url()}", "https://example.org/elsewhere"]
    # The record page and the MARC export say the same.
    dc_xml = client.get(f"/records/{xamsa.pk}/dc.xml").content.decode()
    assert f"/{draft.pk}/" not in dc_xml and f"/{staff_only.pk}/" not in dc_xml
    assert f"/{public.pk}/" in dc_xml
    # When the draft is published, the record that points at it is rebuilt.
    draft.save_revision().publish()
    assert len(values(dublin_core(get_record(oai, xamsa)), "relation")) == 3


def test_sync_command_rebuilds_every_record(xamsa, synced):
    from django.core.management import call_command

    Record.objects.all().delete()
    out = io.StringIO()
    call_command("oai_sync", stdout=out)
    record = Record.objects.get()
    assert record.item_id == xamsa.pk and not record.pending and "Xamsa" in record.oai_dc


def test_set_membership_follows_the_collection_tree(oai, library, xamsa):
    manuscripts, navoiy = library.manuscripts.pk, library.navoiy.pk
    before = get_record(oai, xamsa)
    specs = [e.text for e in before.iterfind(".//oai:header/oai:setSpec", NS)]
    assert specs == [f"collection:{manuscripts}", f"collection:{manuscripts}:{navoiy}"]
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        library.navoiy.unpublish()
        after = get_record(oai, xamsa)
        assert [e.text for e in after.iterfind(".//oai:header/oai:setSpec", NS)] == []
        assert after.findtext(".//oai:datestamp", namespaces=NS) > before.findtext(".//oai:datestamp", namespaces=NS)


def test_a_saved_item_is_rebuilt_when_its_transaction_commits(library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = ItemFactory(title="Qutadg'u bilig")
    record = Record.objects.get(pk=item.pk)
    assert not record.pending and "Qutadg'u bilig" in record.oai_dc and record.datestamp is not None
    with django_capture_on_commit_callbacks(execute=True):
        item.access_level = AccessLevel.READING_ROOM
        item.save_revision().publish()
    record.refresh_from_db()
    assert record.deleted and not record.oai_dc and not record.marc21


def test_signed_in_staff_harvest_the_same_public_records(oai, client, superuser, xamsa):
    hidden = ItemFactory(title="Staff only", access_level=AccessLevel.STAFF)
    client.force_login(superuser)
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == [oai_id(xamsa)]
    assert errors(get_record(oai, hidden)) == ["idDoesNotExist"]
    assert errors(oai(post=True, verb="GetRecord", identifier=oai_id(hidden), metadataPrefix="marc21")) == [
        "idDoesNotExist"
    ]


def test_an_item_appears_when_its_embargo_ends(oai, library):
    embargoed = ItemFactory(title="Embargoed", embargo_until=timezone.localdate() + timedelta(days=1))
    assert errors(get_record(oai, embargoed)) == ["idDoesNotExist"]
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        # Nobody saved the item: the first request of the day finds that its embargo has ended.
        assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == [oai_id(embargoed)]
