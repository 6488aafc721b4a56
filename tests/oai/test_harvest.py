"""Flow control: resumption tokens, a harvest while records change, and a real harvester (Sickle)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from sickle import Sickle, oaiexceptions

from catalogue.factories import ItemFactory
from catalogue.models import AccessLevel
from tests.oai.conftest import NS, errors, identifiers, token

PAGE = 5


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("oai.views.PAGE_SIZE", PAGE)


def harvest(oai, verb="ListIdentifiers", **params):
    """All pages of a list request: (identifiers, [(completeListSize, cursor) of each token])."""
    document = oai(verb=verb, metadataPrefix="oai_dc", **params)
    found, tokens = identifiers(document), []
    while (element := token(document)) is not None:
        tokens.append((element.get("completeListSize"), element.get("cursor"), element.text))
        if not element.text:
            break
        document = oai(verb=verb, resumptionToken=element.text)
        found += identifiers(document)
    return found, tokens


@pytest.mark.django_db
def test_a_list_is_split_into_pages_with_size_and_cursor(oai, library, small_pages):
    items = [ItemFactory(title=f"Item {n}") for n in range(12)]
    ItemFactory(title="Restricted", access_level=AccessLevel.STAFF)
    for verb in ("ListIdentifiers", "ListRecords"):
        found, tokens = harvest(oai, verb)
        assert sorted(found) == sorted(f"oai:kutubxona.uz:{i.pk}" for i in items)
        assert [(size, cursor) for size, cursor, _ in tokens] == [("12", "0"), ("12", "5"), ("12", "10")]
        assert tokens[-1][2] is None  # the last page ends with an empty token


@pytest.mark.django_db
def test_a_token_survives_records_added_and_changed_mid_harvest(oai, library, small_pages):
    items = [ItemFactory(title=f"Item {n}") for n in range(12)]
    first = oai(verb="ListRecords", metadataPrefix="oai_dc")
    response_date = first.findtext("oai:responseDate", namespaces=NS)
    found = identifiers(first)
    resumption = token(first).text
    # The same token gives the same page.
    assert identifiers(oai(verb="ListRecords", resumptionToken=resumption)) == identifiers(
        oai(verb="ListRecords", resumptionToken=resumption)
    )
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        added = [ItemFactory(title=f"New {n}") for n in range(7)]
        while resumption:
            document = oai(verb="ListRecords", resumptionToken=resumption)
            found += identifiers(document)
            element = token(document)
            assert element.get("completeListSize") == "12"
            resumption = element.text
        assert len(found) == len(set(found)) == 12
        assert set(found) == {f"oai:kutubxona.uz:{i.pk}" for i in items}
        # The records added during the harvest come with the next incremental harvest.
        later, _ = harvest(oai, "ListIdentifiers", **{"from": response_date})
        assert {f"oai:kutubxona.uz:{i.pk}" for i in added} <= set(later)


@pytest.mark.django_db
def test_tokens_expire_and_belong_to_their_verb(oai, library, small_pages):
    for n in range(7):
        ItemFactory(title=f"Item {n}")
    resumption = token(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    assert errors(oai(verb="ListRecords", resumptionToken=resumption)) == ["badResumptionToken"]
    assert errors(oai(verb="ListIdentifiers", resumptionToken=resumption[:-3] + "abc")) == ["badResumptionToken"]
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert errors(oai(verb="ListIdentifiers", resumptionToken=resumption)) == ["badResumptionToken"]


@pytest.mark.django_db
def test_queries_per_page_do_not_grow_with_the_records(oai, library, synced, django_assert_max_num_queries):
    for n in range(30):
        ItemFactory(title=f"Item {n}", collections=[library.navoiy])
    synced()
    oai(verb="Identify")  # the first request of the day also looks for ended embargoes
    # Pending changes, the list size, the page.
    for prefix in ("oai_dc", "marc21"):
        with django_assert_max_num_queries(3):
            first = oai(verb="ListRecords", metadataPrefix=prefix)
        assert len(identifiers(first)) == 30
    with django_assert_max_num_queries(2):
        oai(verb="GetRecord", metadataPrefix="oai_dc", identifier=identifiers(first)[0])
    with django_assert_max_num_queries(3):
        oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"collection:{library.manuscripts.pk}")


@pytest.mark.django_db
def test_a_resumption_page_costs_what_a_first_page_costs(
    oai, library, synced, small_pages, django_assert_max_num_queries
):
    for n in range(12):
        ItemFactory(title=f"Item {n}")
    synced()
    oai(verb="Identify")  # the first request of the day also looks for ended embargoes
    first = oai(verb="ListRecords", metadataPrefix="oai_dc")
    with django_assert_max_num_queries(2):  # pending changes, the page: no count
        oai(verb="ListRecords", resumptionToken=token(first).text)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migration_data")
def test_sickle_harvests_every_page_of_the_live_endpoint(live_server, library, small_pages):
    items = [ItemFactory(title=f"Item {n}", collections=[library.photographs]) for n in range(13)]
    ItemFactory(title="Reading room only", access_level=AccessLevel.READING_ROOM)
    sickle = Sickle(f"{live_server.url}/oai/")
    assert sickle.Identify().repositoryName == "Kutubxona"
    records = sickle.ListRecords(metadataPrefix="oai_dc")
    harvested = [record.header.identifier for record in records]
    assert len(harvested) == len(set(harvested)) == int(records.resumption_token.complete_list_size) == 13
    assert set(harvested) == {f"oai:kutubxona.uz:{i.pk}" for i in items}
    marc = list(sickle.ListRecords(metadataPrefix="marc21", set=f"collection:{library.photographs.pk}"))
    assert len(marc) == 13
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        sickle.GetRecord(identifier="oai:does-not-exist.invalid:0000000", metadataPrefix="oai_dc")
    with pytest.raises(oaiexceptions.BadResumptionToken):
        sickle.ListRecords(resumptionToken="garbage-token-!!")
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        sickle.ListRecords(metadataPrefix="oai_dc", **{"from": "2999-01-01"})
    with pytest.raises(oaiexceptions.CannotDisseminateFormat):
        sickle.ListRecords(metadataPrefix="no_such_format")
