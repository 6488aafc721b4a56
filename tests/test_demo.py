"""`manage.py load_demo` builds a convincing library through the configured storage, and is idempotent."""

import pytest
from django.conf import settings
from django.core.management import call_command

from catalogue.models import AccessLevel, Agent, CollectionPage, Item
from media_library.models import CustomImage

pytestmark = pytest.mark.django_db(transaction=False)


def counts():
    return {
        "items": Item.objects.count(),
        "public": Item.objects.public().count(),
        "collections": CollectionPage.objects.count(),
        "agents": Agent.objects.count(),
        "images": CustomImage.objects.count(),
    }


def test_load_demo_twice_builds_the_library_once(client, s3_client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = counts()
    assert first["items"] >= 40 and first["collections"] >= 4
    # One of each access level, an embargo and a draft, as the issue asks.
    assert Item.objects.filter(access_level=AccessLevel.READING_ROOM).exists()
    assert Item.objects.filter(access_level=AccessLevel.STAFF).exists()
    assert Item.objects.filter(embargo_until__isnull=False).exists()
    assert Item.objects.filter(live=False).exists()
    assert first["public"] < first["items"]
    # Images went through the storage: they are objects in the bucket.
    image = CustomImage.objects.first()
    s3_client.head_object(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Key=f"media/{image.file.name}")

    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first

    home = client.get("/")
    assert home.status_code == 200
    public_item = Item.objects.public().first()
    assert public_item.title in client.get(public_item.get_url()).content.decode()
    assert client.get("/collections/").status_code == 200
