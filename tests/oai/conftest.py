from pathlib import Path

import pytest
from lxml import etree

from oai.sync import rebuild_pending

XSD = Path(__file__).resolve().parents[2] / "var" / "schemas" / "OAI-PMH.xsd"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "marc": "http://www.loc.gov/MARC21/slim",
}


@pytest.fixture(scope="session")
def oai_schema():
    if not XSD.exists():
        pytest.fail("var/schemas/OAI-PMH.xsd is missing: run scripts/fetch-schemas.sh (scripts/test.sh does).")
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture
def oai(client, oai_schema):
    """Ask the endpoint (GET, or POST with post=True); every response is checked against OAI-PMH.xsd."""

    def request(post=False, **params):
        response = (client.post if post else client.get)("/oai/", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        document = etree.fromstring(response.content)
        oai_schema.assertValid(document)
        return document

    return request


def errors(document):
    return [e.get("code") for e in document.findall("oai:error", NS)]


def identifiers(document):
    return [e.text for e in document.iterfind(".//oai:header/oai:identifier", NS)]


def token(document):
    return document.find(".//oai:resumptionToken", NS)


@pytest.fixture
def synced():
    """Bring pending records up to date, as a commit does outside the test's transaction."""

    def sync():
        while rebuild_pending():
            pass

    return sync


@pytest.fixture(autouse=True)
def daily_checks_not_done():
    """The once-a-day look for ended embargoes (oai.sync.lift_embargoes_daily) is remembered in the
    cache; each test starts as if it had not run yet."""
    from django.core.cache import cache

    cache.clear()
