"""The six verbs, their arguments and every error code of OAI-PMH 2.0 (spec §3.6, INTEROP §A)."""

import pytest
from django.test import override_settings

from catalogue.factories import ItemFactory
from catalogue.models import CollectionPage
from tests.oai.conftest import NS, errors, identifiers

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(library):
    return ItemFactory(title="Xamsa", collections=[library.navoiy])


def request_element(document):
    return document.find("oai:request", NS)


def test_identify_declares_the_repository(oai, item):
    document = oai(verb="Identify")
    identify = document.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:adminEmail", namespaces=NS)
    description = identify.find(
        "oai:description/{http://www.openarchives.org/OAI/2.0/oai-identifier}oai-identifier", NS
    )
    ns = "{http://www.openarchives.org/OAI/2.0/oai-identifier}"
    assert description.findtext(f"{ns}repositoryIdentifier") == "kutubxona.uz"
    assert description.findtext(f"{ns}sampleIdentifier") == "oai:kutubxona.uz:1"
    assert request_element(document).attrib == {"verb": "Identify"}


@override_settings(OAI_REPOSITORY_IDENTIFIER="library.example.uz", OAI_ADMIN_EMAIL="oai@library.example.uz")
def test_identifiers_use_the_configured_domain_and_the_item_id(oai, item):
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert identifiers(document) == [f"oai:library.example.uz:{item.pk}"]
    assert oai(verb="Identify").findtext(".//oai:adminEmail", namespaces=NS) == "oai@library.example.uz"


def test_get_and_post_give_the_same_record(oai, item):
    identifier = f"oai:kutubxona.uz:{item.pk}"
    by_get = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    by_post = oai(post=True, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert identifiers(by_get) == identifiers(by_post) == [identifier]
    assert request_element(by_post).attrib == {
        "verb": "GetRecord",
        "identifier": identifier,
        "metadataPrefix": "oai_dc",
    }


def test_list_metadata_formats(oai, item):
    prefixes = lambda d: [e.text for e in d.iterfind(".//oai:metadataPrefix", NS)]  # noqa: E731
    assert prefixes(oai(verb="ListMetadataFormats")) == ["oai_dc", "marc21"]
    assert prefixes(oai(verb="ListMetadataFormats", identifier=f"oai:kutubxona.uz:{item.pk}")) == ["oai_dc", "marc21"]


def test_list_sets_follow_the_collection_tree(oai, library, item):
    document = oai(verb="ListSets")
    sets = {
        s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
        for s in document.iterfind(".//oai:set", NS)
    }
    manuscripts, navoiy, photographs = library.manuscripts.pk, library.navoiy.pk, library.photographs.pk
    assert sets == {
        f"collection:{manuscripts}": "Manuscripts",
        f"collection:{manuscripts}:{navoiy}": "Navoiy manuscripts",
        f"collection:{photographs}": "Photographs",
    }
    # An item of the sub-collection is in the parent set too.
    headers = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"collection:{manuscripts}")
    assert identifiers(headers) == [f"oai:kutubxona.uz:{item.pk}"]
    specs = [e.text for e in headers.iterfind(".//oai:header/oai:setSpec", NS)]
    assert specs == [f"collection:{manuscripts}", f"collection:{manuscripts}:{navoiy}"]
    assert errors(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"collection:{photographs}")) == [
        "noRecordsMatch"
    ]


def test_selective_harvesting_by_date(oai, item):
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2000-01-01"})) == [
        f"oai:kutubxona.uz:{item.pk}"
    ]
    assert identifiers(
        oai(
            verb="ListIdentifiers",
            metadataPrefix="oai_dc",
            **{"from": "2000-01-01T00:00:00Z", "until": "2999-12-31T23:59:59Z"},
        )
    ) == [f"oai:kutubxona.uz:{item.pk}"]
    assert errors(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until="2000-01-01")) == ["noRecordsMatch"]


# --- every error code ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{"verb": "NoSuchVerb"}, {}, {"verb": ["Identify", "Identify"]}, {"verb": ["Identify", "ListSets"]}],
    ids=["illegal", "missing", "repeated", "two verbs"],
)
def test_bad_verb(oai, params):
    document = oai(**params)
    assert errors(document) == ["badVerb"]
    assert request_element(document).attrib == {}


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": "2020-02-01T00:00:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01T00:00:00.5Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-45"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2020-01-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
        {"verb": "ListIdentifiers", "resumptionToken": "x", "set": "collection:1"},
        {"verb": "ListSets", "set": "collection:1"},
        {"verb": "ListMetadataFormats", "identifier": ["a", "b"]},
    ],
    ids=[
        "argument of another verb",
        "missing identifier",
        "missing metadataPrefix",
        "repeated argument",
        "different granularities",
        "finer than seconds",
        "impossible date",
        "not a date",
        "from after until",
        "token with other arguments",
        "token with set",
        "illegal argument",
        "repeated identifier",
    ],
)
def test_bad_argument(oai, library, params):
    document = oai(**params)
    assert errors(document) == ["badArgument"]
    assert request_element(document).attrib == {}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "ListSets"])
def test_bad_resumption_token(oai, item, verb):
    assert errors(oai(verb=verb, resumptionToken="garbage-token-!!")) == ["badResumptionToken"]


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "GetRecord"])
def test_cannot_disseminate_format(oai, item, verb):
    params = {"identifier": f"oai:kutubxona.uz:{item.pk}"} if verb == "GetRecord" else {}
    assert errors(oai(verb=verb, metadataPrefix="no_such_format", **params)) == ["cannotDisseminateFormat"]


@pytest.mark.parametrize(
    "identifier", ["oai:does-not-exist.invalid:0000000", "oai:kutubxona.uz:999999999", "oai:kutubxona.uz:x1", "1"]
)
@pytest.mark.parametrize("verb", ["GetRecord", "ListMetadataFormats"])
def test_id_does_not_exist(oai, item, verb, identifier):
    params = {"metadataPrefix": "oai_dc"} if verb == "GetRecord" else {}
    document = oai(verb=verb, identifier=identifier, **params)
    assert errors(document) == ["idDoesNotExist"]
    assert request_element(document).get("identifier") == identifier


@pytest.mark.parametrize("params", [{"from": "2999-01-01"}, {"set": "collection:999999"}, {"set": "no-such-set"}])
@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_no_records_match(oai, item, verb, params):
    assert errors(oai(verb=verb, metadataPrefix="oai_dc", **params)) == ["noRecordsMatch"]


def test_no_set_hierarchy_without_collections(oai, library):
    ItemFactory(title="Loose item")
    for page in CollectionPage.objects.all():
        page.unpublish()
    assert errors(oai(verb="ListSets")) == ["noSetHierarchy"]
    for verb in ("ListRecords", "ListIdentifiers"):
        assert errors(oai(verb=verb, metadataPrefix="oai_dc", set="collection:1")) == ["noSetHierarchy"]
    # The records themselves are still harvestable.
    assert len(identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))) == 1


def test_no_metadata_formats_cannot_happen(oai, item):
    """Every record is offered in both formats: noMetadataFormats is never returned."""
    document = oai(verb="ListMetadataFormats", identifier=f"oai:kutubxona.uz:{item.pk}")
    assert errors(document) == []


def test_other_methods_are_refused(client):
    assert client.put("/oai/?verb=Identify").status_code == 405
