"""schema.org JSON-LD on item, collection, exhibit and reading list pages, read as RDF by pyld."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from pyld import jsonld

from catalogue.factories import AgentFactory, ItemFactory
from exhibits.models import ExhibitIndexPage, ExhibitPage
from reading_lists.models import ReadingListIndexPage
from tests.reading_lists.builders import add_reading_list, external_entry, item_entry, section

from .conftest import restricted_item

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# The tests run offline: the context document of https://schema.org is given to pyld here in
# its essential form (every term is a schema.org term), instead of being downloaded.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA, "id": "@id", "type": "@type"}}


def offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise jsonld.JsonLdError(f"No network in the tests: {url}", "loading document failed")


def json_ld(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, "one JSON-LD description per page"
    return json.loads(scripts[0].string)


def triples(data):
    dataset = jsonld.to_rdf(data, {"documentLoader": offline_loader})
    return [
        # Language tags are case-insensitive (BCP 47); pyld gives them in lower case.
        (t["subject"]["value"], t["predicate"]["value"], t["object"]["value"], (t["object"].get("language") or None))
        for t in dataset["@default"]
    ]


def types_of(rdf, subject):
    return {o for s, p, o, _ in rdf if s == subject and p == RDF_TYPE}


def test_item_is_a_book_with_its_name_language_author_and_isbn(client, boburnoma):
    data = json_ld(client.get(boburnoma.get_url()))
    rdf = triples(data)
    url = f"http://testserver{boburnoma.get_canonical_url()}"
    assert types_of(rdf, url) == {SCHEMA + "Book"}
    assert (url, SCHEMA + "name", "Boburnoma", "uz-latn") in rdf
    assert (url, SCHEMA + "isbn", "9780306406157", None) in rdf
    assert (url, SCHEMA + "datePublished", "1960", None) in rdf
    assert (url, SCHEMA + "inLanguage", "uz", None) in rdf
    authors = [o for s, p, o, _ in rdf if s == url and p == SCHEMA + "author"]
    assert len(authors) == 1
    assert (authors[0], SCHEMA + "name", "Zahiriddin Muhammad Bobur", None) in rdf
    assert (authors[0], SCHEMA + "sameAs", "https://www.wikidata.org/wiki/Q44360", None) in rdf
    parts_of = [o for s, p, o, _ in rdf if s == url and p == SCHEMA + "isPartOf"]
    assert any(SCHEMA + "Collection" in types_of(rdf, node) for node in parts_of)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"format": "paper, ink; manuscript"}, "Manuscript"),
        ({"dcmi_type": "StillImage", "format": "photograph, gelatin silver print"}, "Photograph"),
        ({"dcmi_type": "StillImage", "format": "xarita"}, "Map"),
        ({"dcmi_type": "Sound"}, "AudioObject"),
        ({"dcmi_type": "MovingImage"}, "VideoObject"),
        ({"dcmi_type": "PhysicalObject"}, "CreativeWork"),
    ],
)
def test_item_type_follows_what_the_item_is(client, library, fields, expected):
    item = ItemFactory(title="Namuna", creators=[AgentFactory()], **fields)
    rdf = triples(json_ld(client.get(item.get_url())))
    assert types_of(rdf, f"http://testserver{item.get_canonical_url()}") == {SCHEMA + expected}


def test_markup_in_a_title_cannot_close_the_script(client, library):
    item = ItemFactory(title="</script><script>alert(1)</script>")
    response = client.get(item.get_url())
    assert "</script><script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"]["@value"] == item.title


def test_collection_page_is_a_collection_of_its_public_items(client, library):
    shown = ItemFactory(title="Xamsa", collections=[library.manuscripts])
    hidden = restricted_item(library, "draft")
    data = json_ld(client.get(library.manuscripts.url))
    rdf = triples(data)
    url = library.manuscripts.full_url
    assert types_of(rdf, url) == {SCHEMA + "Collection"}
    assert (url, SCHEMA + "name", "Manuscripts", None) in rdf
    parts = {o for s, p, o, _ in rdf if s == url and p == SCHEMA + "hasPart"}
    names = {o for s, p, o, _ in rdf if s in parts and p == SCHEMA + "name"}
    assert "Xamsa" in names
    assert "Navoiy manuscripts" in names  # the sub-collection
    assert hidden.title not in json.dumps(data, ensure_ascii=False)
    assert shown.title in json.dumps(data, ensure_ascii=False)
    assert data["collectionSize"] == 1


def test_reading_list_is_an_item_list_without_hidden_entries(client, library):
    index = ReadingListIndexPage(title="Oʻquv roʻyxatlari", slug="reading-lists")
    library.home.add_child(instance=index)
    index.save_revision().publish()
    first = ItemFactory(title="Boburnoma")
    hidden = restricted_item(library, "staff only")
    page = add_reading_list(
        index,
        "Temuriylar davri",
        body=[
            section(
                "Manbalar",
                [item_entry(first), item_entry(hidden), external_entry("Temur tuzuklari", isbn="9780306406157")],
            )
        ],
    )
    data = json_ld(client.get(page.url))
    rdf = triples(data)
    url = page.full_url
    assert types_of(rdf, url) == {SCHEMA + "ItemList"}
    elements = {o for s, p, o, _ in rdf if s == url and p == SCHEMA + "itemListElement"}
    positions = {}
    for node in elements:
        assert SCHEMA + "ListItem" in types_of(rdf, node)
        position = next(o for s, p, o, _ in rdf if s == node and p == SCHEMA + "position")
        thing = next(o for s, p, o, _ in rdf if s == node and p == SCHEMA + "item")
        positions[int(position)] = next(o for s, p, o, _ in rdf if s == thing and p == SCHEMA + "name")
    assert positions == {1: "Boburnoma", 2: "Temur tuzuklari"}
    assert hidden.title not in json.dumps(data, ensure_ascii=False)


def test_exhibit_is_an_exhibition_event(client, library):
    index = ExhibitIndexPage(title="Koʻrgazmalar", slug="exhibits")
    library.home.add_child(instance=index)
    index.save_revision().publish()
    exhibit = ExhibitPage(
        title="Navoiy olami", slug="navoiy-olami", start_date=datetime.date(2026, 2, 9), venue="Milliy kutubxona"
    )
    index.add_child(instance=exhibit)
    exhibit.save_revision().publish()
    exhibit.refresh_from_db()
    rdf = triples(json_ld(client.get(exhibit.url)))
    url = exhibit.full_url
    events = [s for s, p, o, _ in rdf if p == RDF_TYPE and o == SCHEMA + "ExhibitionEvent"]
    assert len(events) == 1
    assert (events[0], SCHEMA + "name", "Navoiy olami", None) in rdf
    assert (events[0], SCHEMA + "url", url, None) in rdf
    assert (events[0], SCHEMA + "startDate", "2026-02-09", None) in rdf
