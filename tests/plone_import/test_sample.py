"""The whole development sample export (../shared/plone-sample) imported end to end."""

import json
import urllib.request
from collections import Counter
from urllib.parse import urlparse

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision, WorkflowState

from catalogue.models import CollectionPage, Item
from home.models import StandardPage
from plone_import.models import PloneComment, PloneObject

from .conftest import run_import, sample_dir

SAMPLE = sample_dir()
pytestmark = pytest.mark.skipif(
    SAMPLE is None,
    reason="the Plone sample export is absent: set KUTUBXONA_PLONE_SAMPLE, or put it at "
    "../shared/plone-sample beside the repository or at /tmp/shared/plone-sample",
)
SITE_URL = "http://127.0.0.1:18080/Library2"


def exported():
    return json.loads((SAMPLE / "Library2.json").read_text(encoding="utf-8"))


def old_path(obj):
    return obj["@id"][len(SITE_URL) :] or "/"


def public_in_plone(obj, by_uid):
    """Published (or without workflow), inside published folders, and not expired."""
    expires = parse_datetime(obj["expires"]) if obj.get("expires") else None
    if expires and expires <= timezone.now():
        return False
    while obj is not None and obj["@type"] != "Plone Site":
        if obj.get("review_state") not in (None, "published"):
            return False
        obj = by_uid.get((obj.get("parent") or {}).get("UID"))
    return True


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Redirect, Item, get_image_model(), get_document_model(), GroupPagePermission)
    } | {"workflows": WorkflowState.objects.count(), "comments": PloneComment.objects.count()}


def rich_texts():
    for page in StandardPage.objects.all():
        yield page.url_path, json.dumps(list(page.body.raw_data))
    for page in CollectionPage.objects.all():
        yield page.url_path, page.description
    for item in Item.objects.all():
        yield item.title, item.description
    for revision in Revision.objects.all():
        yield f"revision {revision.pk}", json.dumps(revision.content)


def fetch(client, url):
    """Status and body at `url`: the site through the test client, files on the test's S3 server."""
    for _ in range(5):
        if not url.startswith("/"):
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the test's own S3 server
                return response.status, response.read()
        response = client.get(url)
        if response.status_code not in (301, 302):
            return response.status_code, b"".join(response) if response.streaming else response.content
        url = response["Location"]
    raise AssertionError(f"too many redirects at {url}")


@pytest.mark.django_db
def test_import_whole_sample(plone_site, client):
    objects = exported()
    by_uid = {o["UID"]: o for o in objects}
    ok, output = run_import(SAMPLE)
    assert ok, output

    # The report accounts for every object of the export, per type.
    table = {line.split()[0]: line.split()[1:] for line in output.splitlines() if line[:1].isupper()}
    expected = Counter(o["@type"] for o in objects)
    for kind, count in expected.items():
        row = [line for line in output.splitlines() if line.startswith(f"{kind} ") and line.split()[-1].isdigit()]
        assert row, f"{kind} missing from the report:\n{output}"
        numbers = [int(n) for n in row[0][len(kind) :].split()]
        assert sum(numbers[:4]) == numbers[4] == count, row[0]
    assert f"{len(objects)} objects" in output
    assert table["Total"][3] == "0", output  # nothing failed
    assert "Discussion comments archived" in output
    assert PloneComment.objects.count() == 4

    # No Plone UID link survives in any rich text.
    for where, text in rich_texts():
        assert "resolveuid" not in text.lower(), where

    # Every old address of a public object leads to a page that answers 200 (or to its file).
    public = [o for o in objects if o["@type"] != "Plone Site" and public_in_plone(o, by_uid)]
    assert len(public) > 40
    for obj in public:
        for suffix in ("", "/view", f"/../resolveuid/{obj['UID']}"):
            path = old_path(obj) + suffix if "resolveuid" not in suffix else f"/resolveuid/{obj['UID']}"
            if obj["@type"] in ("Image", "File"):
                response = client.get(path)
                assert response.status_code == 301, path
                status, body = fetch(client, response["Location"])
                assert status == 200 and body, path
            elif obj["@type"] == "Link" and not obj["remoteUrl"].startswith(SITE_URL):
                response = client.get(path)
                assert response.status_code == 301 and response["Location"] == obj["remoteUrl"], path
            else:
                response = client.get(path, follow=True)
                assert response.status_code == 200, f"{path} → {response.redirect_chain}"
    image = next(o for o in objects if o["@type"] == "Image")
    response = client.get(old_path(image) + "/@@images/image/preview")
    assert response.status_code == 301
    assert fetch(client, response["Location"])[0] == 200
    file = next(o for o in objects if o["@type"] == "File")
    assert client.get(old_path(file) + "/@@download/file").status_code == 301

    # Private, pending and expired objects are not public, at their old or new address.
    hidden = [
        o for o in objects if o["@type"] in ("Document", "News Item", "Folder") and not public_in_plone(o, by_uid)
    ]
    assert {o["review_state"] for o in hidden} >= {"private", "pending"}
    public_items = set(Item.objects.public().values_list("pk", flat=True))
    for obj in hidden:
        ref = PloneObject.objects.get(uid=obj["UID"])
        target = ref.target
        if isinstance(target, Item):
            assert target.pk not in public_items, obj["@id"]
        else:
            assert not target.live, obj["@id"]
        assert client.get(old_path(obj), follow=True).status_code == 404, obj["@id"]
        url = target.get_url() if isinstance(target, Item) else target.url
        if url:
            assert client.get(urlparse(url).path).status_code == 404, obj["@id"]
        if obj["review_state"] == "pending":
            assert target.workflow_in_progress, f"{obj['@id']} is pending but not in moderation"

    # A second run changes nothing.
    before = snapshot()
    ok, second = run_import(SAMPLE)
    assert ok, second
    assert snapshot() == before
    total = next(line for line in second.splitlines() if line.startswith("Total"))
    assert total.split()[1:] == ["0", "0", str(len(objects)), "0", str(len(objects))], second
    assert ContentType.objects.get_for_model(Item)  # the key table points at real objects
    assert PloneObject.objects.exclude(object_id=None).count() >= len(objects) - 3


@pytest.mark.django_db
def test_sample_with_blob_paths(plone_site):
    ok, output = run_import(SAMPLE, "--content", str(SAMPLE / "Library2-blobpaths.json"))
    assert ok, output
    assert get_image_model().objects.filter(file_size__gt=0).count() >= 8
    assert get_document_model().objects.count() == 3


@pytest.mark.django_db
def test_sample_with_revisions_and_blob_urls(plone_site):
    """Blob URLs need the Plone server: without it every blob is reported, the rest imported."""
    ok, output = run_import(SAMPLE, "--content", str(SAMPLE / "Library2-with-revisions.json"))
    assert not ok
    failed = [line for line in output.splitlines() if "the blob could not be downloaded from http" in line]
    assert len(failed) == 8 + 3 + 2  # images, files, news items with a lead image
    guide = PloneObject.objects.get(path="/learning/guides/citing-digitised-manuscripts").target
    assert guide.revisions.count() == 3
