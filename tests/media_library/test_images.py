"""Images are stored through the configured storage (S3 in the test run) and renditions land in the bucket."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from media_library.factories import CustomImageFactory, make_image_file
from media_library.models import CustomDocument, CustomImage

pytestmark = pytest.mark.django_db


def test_image_in_s3_renders_a_rendition_whose_object_exists(s3_client):
    image = CustomImageFactory(title="Registon")
    rendition = image.get_rendition("fill-200x150")
    bucket = settings.AWS_STORAGE_BUCKET_NAME
    key = f"media/{rendition.file.name}"
    head = s3_client.head_object(Bucket=bucket, Key=key)
    assert head["ContentLength"] > 0
    assert s3_client.head_object(Bucket=bucket, Key=f"media/{image.file.name}")
    # Public files get permanent URLs: no expiring signature in the query string.
    assert "X-Amz-Signature" not in image.file.url


def test_two_uploads_with_the_same_name_do_not_overwrite_each_other(s3_client):
    first = CustomImageFactory(file=make_image_file("scan.png", colour=(255, 0, 0)))
    second = CustomImageFactory(file=make_image_file("scan.png", colour=(0, 0, 255)))
    assert first.file.name != second.file.name
    second.file.delete(save=False)
    assert s3_client.head_object(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Key=f"media/{first.file.name}")


def test_images_and_documents_carry_a_sha256_checksum():
    import hashlib

    image = CustomImageFactory()
    with image.open_file() as f:
        assert image.sha256 == hashlib.sha256(f.read()).hexdigest()
    document = CustomDocument.objects.create(title="Finding aid", file=SimpleUploadedFile("aid.txt", b"Fond 1, opis 2"))
    assert document.sha256 == hashlib.sha256(b"Fond 1, opis 2").hexdigest()


def test_uploading_something_that_is_not_an_image_is_a_clear_form_error(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/images/add/",
        {"title": "Not an image", "file": SimpleUploadedFile("notes.png", b"this is text, not a picture")},
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code in {"invalid_image", "file_not_supported"} and error.messages[0]
    assert not CustomImage.objects.exists()


def test_the_image_form_offers_the_library_fields(client, superuser):
    client.force_login(superuser)
    body = client.get("/admin/images/add/").content.decode()
    for field in ["alt_text", "caption", "credit", "rights"]:
        assert f'name="{field}"' in body
