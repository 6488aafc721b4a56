"""Ingest of a scanned volume: natural order, clear refusals, nothing half-made, fixity checks."""

import io
import socket

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save
from django.test.utils import override_settings
from PIL import Image

from catalogue.factories import ItemFactory
from catalogue.models import AccessLevel, Item, ItemIdentifier
from media_library.factories import CustomImageFactory, make_image_file
from media_library.models import CustomImage
from media_library.validation import FileRejected, check_scan

pytestmark = pytest.mark.django_db


def write_image(path, size=(300, 400), fmt=None, colour=(200, 180, 150)):
    Image.new("RGB", size, colour).save(path, fmt)
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest_scans", *map(str, args), stdout=out, stderr=err)
        error = None
    except CommandError as exc:
        error = str(exc)
    return out.getvalue(), err.getvalue(), error


def test_a_folder_is_added_in_natural_filename_order(tmp_path, library):
    item = ItemFactory(title="Devoni Foniy")
    for name in ["10.tif", "2.tif", "1.tif", "9.TIF", "03.tif"]:
        write_image(tmp_path / name, fmt="TIFF")
    out, err, error = run(item.pk, tmp_path, "--labels", "folio")
    assert error is None, err
    item = Item.objects.get(pk=item.pk)
    files = list(item.files.order_by("sort_order"))
    assert [f.image.title.split(" — ")[1] for f in files] == ["f. 1r", "f. 1v", "f. 2r", "f. 2v", "f. 3r"]
    # natural order of the source files: 1, 2, 03, 9, 10
    assert [f.image.file.name.rsplit("/", 1)[1].split(".")[0].split("_")[0] for f in files] == [
        "1",
        "2",
        "03",
        "9",
        "10",
    ]
    assert item.live and not item.has_unpublished_changes  # republished with its new pages
    assert "5 added" in out


def test_ingest_by_identifier_into_a_restricted_item_stores_privately(tmp_path, library):
    item = ItemFactory(title="Zafarnoma", access_level=AccessLevel.STAFF)
    ItemIdentifier.objects.create(item=item, scheme="shelfmark", value="InvNo 1234")
    write_image(tmp_path / "001.png")
    _out, err, error = run("InvNo 1234", tmp_path)
    assert error is None, err
    assert CustomImage.objects.get().is_private


BAD_FILES = {
    "renamed.jpg": (b"%PDF-1.4 this is a PDF, not a JPEG", "not a readable image"),
    "empty.png": (b"", "empty"),
    "drawing.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
}


def test_bad_files_are_refused_by_name_and_reason_and_the_good_ones_kept(tmp_path, library):
    item = ItemFactory(title="Kitob")
    write_image(tmp_path / "001.png")
    for name, (content, _reason) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
    # A truncated TIFF: a real one cut in half.
    write_image(tmp_path / "full.tif", size=(1200, 900), fmt="TIFF")
    data = (tmp_path / "full.tif").read_bytes()
    (tmp_path / "full.tif").unlink()
    (tmp_path / "truncated.tif").write_bytes(data[: len(data) // 2])

    out, err, error = run(item.pk, tmp_path)
    assert error == "4 file(s) were refused; the others were added.", err
    for name, (_content, reason) in BAD_FILES.items():
        assert f"refused {name}:" in err and reason in err.split(f"refused {name}:")[1].splitlines()[0]
    assert "refused truncated.tif:" in err
    assert CustomImage.objects.count() == 1  # nothing half-made
    assert Item.objects.get(pk=item.pk).files.count() == 1


def test_a_decompression_bomb_is_refused_with_a_clear_message(tmp_path, settings):
    settings.KUTUBXONA_MAX_IMAGE_PIXELS = 1_000_000
    path = write_image(tmp_path / "huge.png", size=(2000, 1000))
    with pytest.raises(FileRejected) as exc:
        check_scan(path)
    assert "decompression bomb" in exc.value.reason and "2000×1000" in exc.value.reason


def test_archival_masters_above_pillows_default_limit_are_accepted(tmp_path):
    # 190 megapixels: more than Pillow refuses by default (~179 MP), within the library's policy.
    import pyvips

    path = tmp_path / "master.tif"
    pyvips.Image.black(19000, 10000).write_to_file(str(path), compression="deflate")
    assert check_scan(path) == (19000, 10000)
    image = CustomImageFactory(file=make_image_file("x.png"))  # Pillow's limit is raised for header reads
    with open(path, "rb") as fh:
        from django.core.files import File

        image.file = File(fh, name="master.tif")
        image._set_image_file_metadata()
        image.save()
    assert (image.width, image.height) == (19000, 10000)
    assert image.colour_mode == "L"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_upload_failing_midway_leaves_no_row_without_its_file(tmp_path, library, s3_client):
    from moto.server import ThreadedMotoServer

    from tests.conftest import public_read_policy

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    import boto3

    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    for bucket in (settings.AWS_STORAGE_BUCKET_NAME, settings.AWS_PRIVATE_STORAGE_BUCKET_NAME):
        client.create_bucket(Bucket=bucket)
    import json

    client.put_bucket_policy(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Policy=json.dumps(public_read_policy()))

    item = ItemFactory(title="Oyina")
    for n in range(1, 5):
        write_image(tmp_path / f"{n:03d}.png")

    stored = []

    def stop_after_two(sender, instance, created, **kwargs):
        stored.append(instance.pk)
        if len(stored) == 2:
            server.stop()  # the object store goes away in the middle of the volume

    post_save.connect(stop_after_two, sender=CustomImage)
    try:
        with override_settings(AWS_S3_ENDPOINT_URL=endpoint, STORAGES=dict(settings.STORAGES)):
            _out, err, error = run(item.pk, tmp_path)
    finally:
        post_save.disconnect(stop_after_two, sender=CustomImage)
    assert error == "2 file(s) were refused; the others were added."
    assert "failed 003.png: could not be stored" in err and "failed 004.png" in err
    assert CustomImage.objects.count() == 2
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        for image in CustomImage.objects.all():
            key = f"media/{image.file.name}" if not image.is_private else image.file.name
            bucket = settings.AWS_PRIVATE_STORAGE_BUCKET_NAME if image.is_private else settings.AWS_STORAGE_BUCKET_NAME
            client.head_object(Bucket=bucket, Key=key)
    finally:
        server.stop()


def test_verify_fixity_reports_an_object_altered_in_the_bucket(s3_client):
    intact = CustomImageFactory(title="Intact")
    altered = CustomImageFactory(title="Altered")
    missing = CustomImageFactory(title="Missing")
    bucket = settings.AWS_STORAGE_BUCKET_NAME
    s3_client.put_object(Bucket=bucket, Key=f"media/{altered.file.name}", Body=b"bit rot")
    s3_client.delete_object(Bucket=bucket, Key=f"media/{missing.file.name}")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 missing, 1 changed"):
        call_command("verify_fixity", stdout=out, stderr=err)
    assert f"CHANGED  customimage {altered.pk}" in err.getvalue()
    assert f"MISSING  customimage {missing.pk}" in err.getvalue()
    assert f"customimage {intact.pk}" not in err.getvalue()
