"""Staff see the state of background work on files and can retry a failure."""

import pytest
from django.core.files.base import ContentFile

from media_library.factories import CustomImageFactory
from media_library.models import CustomImage, Derivative
from media_library.tasks import run_derivative

pytestmark = pytest.mark.django_db


def test_a_failure_is_recorded_listed_and_retried_without_touching_the_file(client, superuser):
    image = CustomImageFactory(title="Folio")
    with image.open_file() as f:
        good_bytes = f.read()
    name = image.file.name
    # The stored bytes become unreadable (as after a bad copy): tiling fails.
    image.file.storage.delete(name)
    image.file.storage.save_exact(name, ContentFile(b"not an image any more"))
    image = CustomImage.objects.get(pk=image.pk)
    assert run_derivative(image, "tiles") is False
    derivative = Derivative.objects.get(image=image, kind="tiles")
    assert derivative.status == "failed" and derivative.error
    assert CustomImage.objects.filter(pk=image.pk).exists()

    client.force_login(superuser)
    listing = client.get("/admin/derivatives/", {"status": "failed"})
    assert listing.status_code == 200 and "Folio" in listing.content.decode()

    image.file.storage.delete(name)
    image.file.storage.save_exact(name, ContentFile(good_bytes))  # the master is restored
    retry_url = f"/admin/derivatives/retry/{derivative.pk}/"
    assert client.get(retry_url).status_code == 200
    assert client.post(retry_url).status_code == 302
    derivative.refresh_from_db()
    assert derivative.status == "done" and derivative.attempts == 2
