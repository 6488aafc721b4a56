"""Restricted files live in private storage and are handed out only after a permission check."""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings

from catalogue.factories import ItemFactory
from catalogue.models import AccessLevel
from media_library.factories import CustomImageFactory, make_image_file

pytestmark = pytest.mark.django_db


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def item_with_scan(**kwargs):
    item = ItemFactory(title="Zafarnoma", **kwargs)
    image = CustomImageFactory(title="f. 1r", file=make_image_file("folio.png", size=(700, 900), text="f. 1r"))
    item.files.create(kind="scan", image=image, label="f. 1r")
    item.save()
    image.refresh_from_db()
    return item, image


def public_url_of(name):
    return f"{settings.AWS_S3_ENDPOINT_URL}/{settings.AWS_STORAGE_BUCKET_NAME}/media/{name}"


def test_open_scans_have_permanent_public_urls(library, s3_client):
    _item, image = item_with_scan()
    assert not image.is_private
    url = image.file.url
    assert "X-Amz-Signature" not in url and "Expires" not in url
    assert status_of(url) == 200


@pytest.mark.parametrize("level", [AccessLevel.STAFF, AccessLevel.READING_ROOM])
def test_a_restricted_scan_is_refused_to_anonymous_visitors(client, library, s3_client, level):
    _item, image = item_with_scan(access_level=level)
    assert image.is_private
    inner = image.file.name.removeprefix("private/")
    # The site's URL for it asks who is asking ...
    assert client.get(image.file.url).status_code == 404
    # ... and guessing object-storage URLs gets nothing: not in the public bucket, private bucket unsigned.
    assert status_of(public_url_of(inner)) in (403, 404)
    private_bucket_url = f"{settings.AWS_S3_ENDPOINT_URL}/{settings.AWS_PRIVATE_STORAGE_BUCKET_NAME}/private/{inner}"
    assert status_of(private_bucket_url) == 403


def test_staff_get_a_short_lived_signed_url(client, library, s3_client, superuser):
    _item, image = item_with_scan(access_level=AccessLevel.STAFF)
    client.force_login(superuser)
    response = client.get(image.file.url)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    query = parse_qs(urlparse(signed).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]  # SigV4
    assert query["X-Amz-Expires"] == ["300"]  # expires after five minutes
    assert status_of(signed) == 200


def test_reading_room_scans_open_for_signed_in_readers_only(client, library, s3_client, reader):
    _item, image = item_with_scan(access_level=AccessLevel.READING_ROOM)
    assert client.get(image.file.url).status_code == 404
    client.force_login(reader)
    assert client.get(image.file.url).status_code == 302


def test_restricting_and_reopening_moves_original_renditions_and_tiles(client, library, s3_client):
    item, image = item_with_scan()
    public_name = image.file.name
    rendition = image.get_rendition("max-100x100")
    assert status_of(public_url_of(rendition.file.name)) == 200
    item.access_level = AccessLevel.STAFF
    item.save_revision().publish()
    image.refresh_from_db()
    assert image.is_private
    assert status_of(public_url_of(public_name)) in (403, 404)
    assert status_of(public_url_of(rendition.file.name)) in (403, 404)
    assert status_of(public_url_of(f"iiif/{image.pk}/info.json")) in (403, 404)
    item.access_level = AccessLevel.OPEN
    item.save_revision().publish()
    image.refresh_from_db()
    assert not image.is_private
    assert status_of(image.file.url) == 200
    assert status_of(public_url_of(f"iiif/{image.pk}/info.json")) == 200


def test_unpublishing_takes_the_files_private(library, s3_client):
    item, image = item_with_scan()
    item.unpublish()
    image.refresh_from_db()
    assert image.is_private


def test_images_not_attached_to_items_stay_public(library, s3_client):
    image = CustomImageFactory()
    assert not image.is_private
