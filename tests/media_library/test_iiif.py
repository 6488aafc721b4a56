"""IIIF manifests validate against the official schema, tiles are served from storage, restricted files stay out."""

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import jsonschema
import pytest

from catalogue.factories import AgentFactory, ItemFactory
from catalogue.models import AccessLevel, Item, ItemFile, Language, RightsStatement
from media_library.factories import CustomImageFactory, make_image_file
from media_library.models import Derivative

pytestmark = pytest.mark.django_db

SCHEMA_PATH = Path(
    os.environ.get("IIIF_SCHEMA", Path(__file__).resolve().parents[3] / "shared" / "specs" / "iiif_3_0.json")
)


@pytest.fixture(scope="module")
def validator():
    """The official IIIF Presentation 3 validator's schema (shared/specs/iiif_3_0.json)."""
    return jsonschema.Draft7Validator(json.loads(SCHEMA_PATH.read_text()))


def assert_valid(validator, document):
    if validator.is_valid(document):
        return
    # The schema's top level is a oneOf; validate against the document's own class to say what is wrong.
    schema = dict(validator.schema, oneOf=[{"$ref": f"#/classes/{document['type'][0].lower()}{document['type'][1:]}"}])
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(document))
    leaves = [leaf for error in errors for leaf in (error.context or [error])]
    pytest.fail("\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in leaves[:15]))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def book(library, pages=3, **kwargs):
    item = ItemFactory(
        title="Boburnoma",
        collections=[library.manuscripts],
        creators=[AgentFactory(name="Zahiriddin Muhammad Bobur")],
        rights=RightsStatement.objects.get(short_label="PDM"),
        description="<p>Memoirs of the founder of the Mughal empire.</p>",
        **kwargs,
    )
    item.languages.add(Language.objects.get(code="chg"))
    for n in range(1, pages + 1):
        image = CustomImageFactory(
            title=f"f. {n}r", file=make_image_file(f"{n:03d}.png", size=(900, 1300), text=f"f. {n}r")
        )
        item.files.create(kind="scan", image=image, label=f"f. {n}r", sort_order=n)
    item.save_revision().publish()
    return item


def test_a_published_book_has_a_valid_manifest_with_level0_tiles(client, library, validator, s3_client):
    item = book(library)
    response = client.get(f"/iiif/{item.pk}/manifest")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/ld+json")
    manifest = json.loads(response.content)
    assert_valid(validator, manifest)
    assert manifest["behavior"] == ["paged"]
    assert manifest["rights"] == "http://creativecommons.org/publicdomain/mark/1.0/"  # IIIF asks for http
    assert [c["label"]["none"] for c in manifest["items"]] == [["f. 1r"], ["f. 2r"], ["f. 3r"]]
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    [service] = body["service"]
    assert service["type"] == "ImageService3" and service["profile"] == "level0"
    # The tiles are static files in the bucket: info.json and a tile answer without any image server.
    status, info = fetch(f"{service['id']}/info.json")
    assert status == 200
    info = json.loads(info)
    assert info["id"] == service["id"] and info["width"] == 900
    tile_status, tile = fetch(f"{service['id']}/0,0,512,512/512,512/0/default.jpg")
    assert tile_status == 200 and tile[:2] == b"\xff\xd8"
    assert Derivative.objects.filter(kind="tiles", status="done").count() == 3
    # Each canvas has a small whole-page thumbnail that exists among the static tiles.
    [thumbnail] = manifest["items"][0]["thumbnail"]
    assert fetch(thumbnail["id"])[0] == 200


def test_iiif_collection_lists_public_manifests(client, library, validator):
    public = book(library, pages=1)
    hidden = book(library, pages=1, access_level=AccessLevel.STAFF)
    response = client.get(f"/iiif/collection/{library.manuscripts.pk}")
    assert response.status_code == 200
    collection = json.loads(response.content)
    assert_valid(validator, collection)
    ids = [entry["id"] for entry in collection["items"]]
    assert any(i.endswith(f"/iiif/{public.pk}/manifest") for i in ids)
    assert not any(i.endswith(f"/iiif/{hidden.pk}/manifest") for i in ids)
    assert any(i.endswith(f"/iiif/collection/{library.navoiy.pk}") for i in ids)


def test_restricted_files_never_appear_in_a_public_manifest(client, library, validator):
    item = book(library, pages=2)
    item = Item.objects.get(pk=item.pk)
    files = list(item.files.order_by("sort_order"))
    restricted = files[-1]
    restricted.access_level = AccessLevel.STAFF
    item.files = files
    item.save_revision().publish()
    restricted = ItemFile.objects.get(item=item, label=restricted.label)
    assert restricted.image.is_private  # its original moved to private storage
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    assert_valid(validator, manifest)
    assert len(manifest["items"]) == 1
    assert str(restricted.image.file.name) not in json.dumps(manifest)


@pytest.mark.parametrize("kwargs", [{"access_level": AccessLevel.STAFF}, {"access_level": AccessLevel.READING_ROOM}])
def test_manifest_of_a_restricted_item_is_404(client, library, kwargs):
    item = book(library, pages=1, **kwargs)
    assert client.get(f"/iiif/{item.pk}/manifest").status_code == 404


def test_staff_see_restricted_files_in_their_manifest(client, library, superuser, validator):
    item = book(library, pages=1, access_level=AccessLevel.STAFF)
    client.force_login(superuser)
    response = client.get(f"/iiif/{item.pk}/manifest")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert_valid(validator, manifest)
    assert len(manifest["items"]) == 1


def test_signed_in_readers_get_the_manifest_of_a_reading_room_item(client, library, reader, validator):
    item = book(library, pages=2, access_level=AccessLevel.READING_ROOM)
    assert client.get(f"/iiif/{item.pk}/manifest").status_code == 404
    client.force_login(reader)
    response = client.get(f"/iiif/{item.pk}/manifest")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert_valid(validator, manifest)
    assert len(manifest["items"]) == 2
    # The images are private: the manifest points at the permission-checking URLs.
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    assert "/files/private/" in body["id"]


def test_the_item_page_can_open_the_viewer_at_a_page(client, library):
    item = book(library, pages=3)
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    third = manifest["items"][2]["id"]
    assert f'data-canvas="{third}"' in client.get(item.get_url(), {"page": 3}).content.decode()
    assert "data-canvas" not in client.get(item.get_url(), {"page": 99}).content.decode()


def test_sections_of_a_book_become_ranges(client, library, validator):
    item = book(library, pages=4)
    item = Item.objects.get(pk=item.pk)
    files = list(item.files.order_by("sort_order"))
    for f, section in zip(files, ["Hayrat ul-abror", "Hayrat ul-abror", "Farhod va Shirin", ""], strict=True):
        f.section = section
    item.files = files
    item.save_revision().publish()
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    assert_valid(validator, manifest)
    ranges = manifest["structures"]
    assert [r["label"] for r in ranges] == [{"uz-Latn": ["Hayrat ul-abror"]}, {"uz-Latn": ["Farhod va Shirin"]}]
    canvases = [c["id"] for c in manifest["items"]]
    assert [c["id"] for c in ranges[0]["items"]] == canvases[:2]
    assert [c["id"] for c in ranges[1]["items"]] == canvases[2:3]


def test_the_manifest_links_the_dublin_core_record(client, library, validator):
    from xml.etree import ElementTree as ET

    item = book(library, pages=1)
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    [see_also] = manifest["seeAlso"]
    assert see_also["profile"] == "http://www.openarchives.org/OAI/2.0/oai_dc/"
    response = client.get(see_also["id"].removeprefix("http://testserver"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    dc = "{http://purl.org/dc/elements/1.1/}"
    titles = root.findall(f"{dc}title")
    assert titles[0].text == "Boburnoma"
    assert titles[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "uz-Latn"
    assert [c.text for c in root.findall(f"{dc}creator")] == ["Zahiriddin Muhammad Bobur"]
    assert manifest["id"] in [i.text for i in root.findall(f"{dc}identifier")]
    assert [lang.text for lang in root.findall(f"{dc}language")] == ["chg"]
    restricted = book(library, pages=1, access_level=AccessLevel.STAFF)
    assert client.get(f"/records/{restricted.pk}/dc.xml").status_code == 404
