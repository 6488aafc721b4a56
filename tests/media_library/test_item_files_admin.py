"""Staff upload many page images onto an item at once and reorder its files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalogue.factories import ItemFactory
from catalogue.models import Item

from ..conftest import english_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(superuser):
    """The superuser, with the admin in English: the tests read why an upload is refused, not its translation."""
    return english_admin(superuser)


def png(name, colour=(200, 180, 150)):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_multi_upload_adds_good_files_in_natural_order_and_names_the_bad_ones(client, library, superuser):
    item = ItemFactory(title="Oyina")
    client.force_login(superuser)
    url = f"/admin/catalogue/item/{item.pk}/files/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "action": "upload",
            "labels": "page",
            "files": [png("10.png"), png("2.png"), SimpleUploadedFile("bad.jpg", b"not an image"), png("1.png")],
        },
        follow=True,
    )
    body = response.content.decode()
    assert "bad.jpg was refused" in body
    item = Item.objects.get(pk=item.pk)
    files = list(item.files.order_by("sort_order"))
    assert [f.label for f in files] == ["p. 1", "p. 2", "p. 3"]
    assert [f.image.file.name.rsplit("/", 1)[1].split(".")[0].split("_")[0] for f in files] == ["1", "2", "10"]
    assert not item.has_unpublished_changes  # the live item was republished with its pages


def test_reordering_files_is_saved_as_a_revision(client, library, superuser):
    item = ItemFactory(title="Oyina")
    client.force_login(superuser)
    url = f"/admin/catalogue/item/{item.pk}/files/"
    client.post(url, {"action": "upload", "labels": "filename", "files": [png("a.png"), png("b.png"), png("c.png")]})
    ids = list(Item.objects.get(pk=item.pk).files.order_by("sort_order").values_list("pk", flat=True))
    revisions_before = Item.objects.get(pk=item.pk).revisions.count()
    client.post(url, {"action": "reorder", "order": [ids[2], ids[0], ids[1]]})
    item = Item.objects.get(pk=item.pk)
    assert [f.label for f in item.files.order_by("sort_order")] == ["c", "a", "b"]
    assert item.revisions.count() == revisions_before + 1


def test_people_without_rights_on_items_are_refused(client, library, reader):
    item = ItemFactory(title="Oyina")
    client.force_login(reader)
    response = client.get(f"/admin/catalogue/item/{item.pk}/files/")
    assert response.status_code in (302, 403)
