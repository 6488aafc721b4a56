"""The public API: Wagtail's pages, images and documents, and catalogue items as Dublin Core.

Restricted material (unpublished, reading room, staff only, embargoed) and its files never
appear, whoever asks.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import ValidationError
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import AccessLevel, DCMIType, Item, ItemFile, ItemRelation, Language
from media_library.factories import CustomDocumentFactory, CustomImageFactory

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return {entry["id"] for entry in response.json()["items"]}


def with_file(item, **files):
    item = Item.objects.get(pk=item.pk)
    kind = "scan" if "image" in files else "pdf"
    item.files.add(ItemFile(kind=kind, **files))
    item.save_revision().publish()
    return item


RESTRICTIONS = [
    pytest.param({"live": False}, id="unpublished"),
    pytest.param({"access_level": AccessLevel.READING_ROOM}, id="reading-room"),
    pytest.param({"access_level": AccessLevel.STAFF}, id="staff-only"),
    pytest.param({"embargo_until": datetime.date.today() + datetime.timedelta(days=30)}, id="embargoed"),
]


@pytest.mark.parametrize("restriction", RESTRICTIONS)
def test_a_restricted_item_and_its_files_are_absent(client, superuser, library, restriction):
    public = ItemFactory(title="Boburnoma", collections=[library.navoiy])
    hidden = ItemFactory(title="Zafarnoma", collections=[library.navoiy], **restriction)
    public = with_file(public, image=CustomImageFactory(title="Boburnoma f. 1r"))
    hidden_image = CustomImageFactory(title="Zafarnoma f. 1r")
    hidden_document = CustomDocumentFactory(title="Zafarnoma PDF")
    if restriction.get("live") is False:
        hidden.files.add(ItemFile(kind="scan", image=hidden_image))
        hidden.files.add(ItemFile(kind="pdf", document=hidden_document))
        hidden.save()
    else:
        hidden = with_file(hidden, image=hidden_image)
        hidden = with_file(hidden, document=hidden_document)
    # Signed in as a superuser changes nothing: the API shows public data only.
    client.force_login(superuser)

    listed = client.get("/api/v2/items/")
    assert ids(listed) == {public.pk}
    assert "Zafarnoma" not in listed.content.decode()
    assert client.get(f"/api/v2/items/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v2/items/{public.pk}/").status_code == 200
    for query in (f"?collection={library.navoiy.pk}", "?type=Text", "?order=-modified"):
        assert ids(client.get("/api/v2/items/" + query)) == {public.pk}

    images = client.get("/api/v2/images/")
    assert hidden_image.pk not in ids(images)
    assert "Boburnoma f. 1r" in images.content.decode()
    assert client.get(f"/api/v2/images/{hidden_image.pk}/").status_code == 404
    assert hidden_document.pk not in ids(client.get("/api/v2/documents/"))
    assert client.get(f"/api/v2/documents/{hidden_document.pk}/").status_code == 404
    assert client.get("/api/v2/images/?search=Zafarnoma").status_code == 400


@pytest.mark.parametrize("restriction", RESTRICTIONS)
def test_a_link_to_a_restricted_item_is_left_out(client, library, restriction):
    hidden = ItemFactory(title="Zafarnoma", collections=[library.navoiy], **restriction)
    shown = ItemFactory(title="Temur tuzuklari", collections=[library.navoiy])
    item = ItemFactory(title="Boburnoma", collections=[library.navoiy])
    item.relations.add(ItemRelation(relation_type="references", target_item=hidden))
    item.relations.add(ItemRelation(relation_type="references", target_item=shown))
    item.relations.add(ItemRelation(relation_type="isPartOf", uri="https://example.org/series"))
    item.save()

    for data in (
        client.get(f"/api/v2/items/{item.pk}/").json(),
        next(e for e in client.get("/api/v2/items/").json()["items"] if e["id"] == item.pk),
    ):
        linked = [(r["item"], r["uri"]) for r in data["relation"]]
        assert [pk for pk, _uri in linked if pk] == [shown.pk]
        assert (None, "https://example.org/series") in linked


def test_a_restricted_file_of_a_public_item_is_absent(client, library):
    item = ItemFactory(title="Devon")
    open_image, closed_image = CustomImageFactory(title="open"), CustomImageFactory(title="closed")
    item = with_file(item, image=open_image)
    item.files.add(ItemFile(kind="scan", image=closed_image, access_level=AccessLevel.READING_ROOM))
    item.save_revision().publish()
    listed = ids(client.get("/api/v2/images/"))
    assert open_image.pk in listed
    assert closed_image.pk not in listed


def test_pages_endpoint_lists_live_public_pages_only(client, superuser, library):
    from wagtail.models import PageViewRestriction

    library.photographs.unpublish()
    PageViewRestriction.objects.create(page=library.navoiy, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(superuser)
    listed = ids(client.get("/api/v2/pages/?limit=100"))
    assert library.manuscripts.pk in listed
    assert library.photographs.pk not in listed
    assert library.navoiy.pk not in listed
    assert client.get(f"/api/v2/pages/{library.photographs.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{library.navoiy.pk}/").status_code == 404


def test_item_shows_dublin_core_and_iiif_manifest(client, library):
    uzbek = Language.objects.get(code="uzb")
    item = ItemFactory(
        title="Xamsa",
        title_language="uz-Latn",
        date="1492",
        publisher="Hirot",
        dcmi_type=DCMIType.TEXT,
        collections=[library.navoiy],
        creators=[AgentFactory(name="Alisher Navoiy")],
        subjects=[SubjectFactory(label="Sheʼriyat")],
    )
    item.languages.add(uzbek)
    item.save()
    data = client.get(f"/api/v2/items/{item.pk}/").json()
    assert data["title"] == {"value": "Xamsa", "language": "uz-Latn"}
    assert data["creator"][0]["name"] == "Alisher Navoiy"
    assert data["subject"] == ["Sheʼriyat"]
    assert data["language"] == ["uzb"]
    assert data["date"] == "1492"
    assert data["type"] == "Text"
    assert data["collections"] == [{"id": library.navoiy.pk, "title": "Navoiy manuscripts"}]
    assert data["iiif_manifest"].endswith(f"/iiif/{item.pk}/manifest")
    assert data["meta"]["html_url"].endswith(f"/items/{item.pk}/xamsa/")
    assert client.get(data["iiif_manifest"].split("//", 1)[1].split("/", 1)[1].join(["/", ""])).status_code == 200


def test_item_filters(client, library):
    uzbek, russian = Language.objects.get(code="uzb"), Language.objects.get(code="rus")
    book = ItemFactory(title="Kitob", collections=[library.navoiy])
    book.languages.add(uzbek)
    book.save()
    photo = ItemFactory(title="Surat", dcmi_type=DCMIType.STILL_IMAGE, collections=[library.photographs])
    photo.languages.add(russian)
    photo.save()
    assert ids(client.get(f"/api/v2/items/?collection={library.navoiy.pk}")) == {book.pk}
    # A collection lists the items of its sub-collections.
    assert ids(client.get(f"/api/v2/items/?collection={library.manuscripts.pk}")) == {book.pk}
    assert ids(client.get("/api/v2/items/?type=StillImage")) == {photo.pk}
    assert ids(client.get("/api/v2/items/?language=uzb")) == {book.pk}
    assert ids(client.get("/api/v2/items/?language=ru")) == {photo.pk}
    assert ids(client.get("/api/v2/items/?locale=uz")) == {book.pk, photo.pk}
    Item.objects.filter(pk=book.pk).update(updated_at=timezone.now() - datetime.timedelta(days=10))
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    assert ids(client.get(f"/api/v2/items/?modified_since={since}")) == {photo.pk}
    titles = [e["title"]["value"] for e in client.get("/api/v2/items/?order=-title").json()["items"]]
    assert titles == ["Surat", "Kitob"]


@pytest.mark.parametrize(
    "query, named",
    [
        ("type=Book", "type"),
        ("modified_since=yesterday", "modified_since"),
        ("collection=abc", "collection"),
        ("order=colour", "order"),
        ("colour=red", "colour"),
        ("limit=1000", "limit"),
    ],
)
def test_bad_parameters_get_a_message_naming_them(client, library, query, named):
    response = client.get("/api/v2/items/?" + query)
    assert response.status_code == 400
    assert named in response.json()["message"]


def test_item_listing_queries_do_not_grow_with_items(client, library):
    def make(n):
        for i in range(n):
            item = ItemFactory(
                title=f"Item {i}",
                collections=[library.navoiy],
                creators=[AgentFactory()],
                subjects=[SubjectFactory()],
            )
            item.languages.add(Language.objects.get(code="uzb"))
            item.save()

    make(2)
    client.get("/api/v2/items/")  # the site and locales are cached after the first request
    with CaptureQueriesContext(connection) as few:
        assert len(ids(client.get("/api/v2/items/?limit=100"))) == 2
    make(10)
    with CaptureQueriesContext(connection) as many:
        assert len(ids(client.get("/api/v2/items/?limit=100"))) == 12
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 20


def test_cors_for_the_api_only(client, library):
    response = client.get("/api/v2/items/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v2/items/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://example.org")
    assert client.post("/api/v2/items/").status_code == 405


def test_openapi_description_is_valid_and_lists_the_endpoints(client, library):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert {"/items/", "/items/{id}/", "/pages/", "/images/", "/documents/"} <= set(spec["paths"])
    filters = {p["name"] for p in spec["paths"]["/items/"]["get"]["parameters"] if "name" in p}
    assert {"collection", "type", "language", "modified_since", "locale", "order"} <= filters
    # What the items endpoint returns matches its description, key by key.
    item = ItemFactory(title="Described", collections=[library.navoiy], creators=[AgentFactory()])
    item.relations.add(ItemRelation(uri="https://example.org/other"))
    item.save()
    listing = client.get("/api/v2/items/").json()
    entry = listing["items"][0]
    assert set(entry) <= set(spec["components"]["schemas"]["Item"]["properties"])
    item_schema = {"$ref": "#/components/schemas/Item", "components": spec["components"]}
    OAS30Validator(item_schema).validate(entry)
    listing_schema = spec["paths"]["/items/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    OAS30Validator({**listing_schema, "components": spec["components"]}).validate(listing)
    with pytest.raises(ValidationError):
        OAS30Validator(item_schema).validate({**entry, "title": "a plain string"})


def test_collection_pages_carry_their_introduction(client, library):
    response = client.get(
        f"/api/v2/pages/?type=catalogue.CollectionPage&fields=introduction,description&child_of={library.manuscripts.pk}"
    )
    assert response.status_code == 200, response.content
    (entry,) = response.json()["items"]
    assert entry["title"] == "Navoiy manuscripts"
    assert entry["introduction"] == library.navoiy.introduction
    # Items are reached through the items endpoint, by collection.
    assert client.get(f"/api/v2/items/?collection={entry['id']}").status_code == 200


@pytest.mark.parametrize("endpoint, factory", [("images", CustomImageFactory), ("documents", CustomDocumentFactory)])
def test_file_listing_queries_do_not_grow_with_files(client, library, endpoint, factory):
    item = ItemFactory(title="Scans")
    for _i in range(2):
        item = with_file(item, **{endpoint[:-1]: factory()})
    tagged = factory()
    tagged.tags.add("folio", "binding")
    item = with_file(item, **{endpoint[:-1]: tagged})
    client.get(f"/api/v2/{endpoint}/")
    with CaptureQueriesContext(connection) as few:
        listed = client.get(f"/api/v2/{endpoint}/?limit=100")
        assert len(ids(listed)) == 3
    assert [e["meta"]["tags"] for e in listed.json()["items"]][-1] == ["binding", "folio"]
    for _i in range(6):
        item = with_file(item, **{endpoint[:-1]: factory()})
    with CaptureQueriesContext(connection) as many:
        assert len(ids(client.get(f"/api/v2/{endpoint}/?limit=100"))) == 9
    assert len(many.captured_queries) == len(few.captured_queries)
