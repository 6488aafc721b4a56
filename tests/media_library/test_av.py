"""Audio and video: refused when ffmpeg cannot read them; duration, poster and captions when attached to an item."""

import json
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue.factories import ItemFactory
from media_library.models import CustomMedia, Derivative

from ..conftest import english_admin

pytestmark = pytest.mark.django_db

CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:01.500\nAssalomu alaykum, aziz tinglovchilar.\n"


@pytest.fixture
def superuser(superuser):
    """The superuser, with the admin in English: the tests read why an upload is refused, not its translation."""
    return english_admin(superuser)


def ffmpeg(tmp_path, name, *args):
    out = tmp_path / name
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args, str(out)], check=True, timeout=60)
    return out.read_bytes()


@pytest.fixture
def video(tmp_path):
    return ffmpeg(
        tmp_path, "clip.mp4", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10", "-pix_fmt", "yuv420p"
    )


@pytest.fixture
def audio(tmp_path):
    return ffmpeg(tmp_path, "song.ogg", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "libvorbis")


def upload(client, media_type, name, content, **extra):
    return client.post(
        f"/admin/media/{media_type}/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1, **extra},
    )


def test_a_video_uploaded_in_the_admin_gets_duration_poster_and_captions_in_the_manifest(
    client, superuser, library, video
):
    client.force_login(superuser)
    response = upload(
        client,
        "video",
        "clip.mp4",
        video,
        captions=SimpleUploadedFile("clip.vtt", CAPTIONS),
        captions_language="uz-Latn",
    )
    assert response.status_code == 302, response.context["form"].errors
    media = CustomMedia.objects.get()
    assert media.sha256
    item = ItemFactory(title="Toshkent, 1937 (kinoxronika)", dcmi_type="MovingImage")
    item.files.create(kind="video", media=media, label="Kinoxronika")
    item.save_revision().publish()
    derivative = Derivative.objects.get(media=media, kind="av")
    assert derivative.status == "done", derivative.error
    media.refresh_from_db()
    assert media.duration == pytest.approx(2.0, abs=0.2)
    assert (media.width, media.height) == (320, 240)
    assert media.thumbnail  # poster frame

    client.logout()
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    [canvas] = manifest["items"]
    assert canvas["duration"] == pytest.approx(2.0, abs=0.2)
    body = canvas["items"][0]["items"][0]["body"]
    assert body["type"] == "Video" and body["format"] == "video/mp4"
    captions = canvas["annotations"][0]["items"][0]
    assert captions["motivation"] == "supplementing" and captions["body"]["format"] == "text/vtt"


def test_audio_is_probed(library, audio):
    media = CustomMedia(title="Maqom", type="audio", file=SimpleUploadedFile("maqom.ogg", audio))
    media.full_clean(exclude=["collection"])
    media.save()
    item = ItemFactory(title="Shashmaqom", dcmi_type="Sound")
    item.files.create(kind="audio", media=media, label="Side A")
    item.save()
    media.refresh_from_db()
    assert media.duration == pytest.approx(3.0, abs=0.2)
    assert not media.thumbnail


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.mp3", b"ID3 this is not really audio" * 10, "ffmpeg could not read it"),
    ],
)
def test_audio_that_ffmpeg_cannot_read_is_refused_with_its_name(client, superuser, name, content, expected):
    client.force_login(superuser)
    response = upload(client, "audio", name, content)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert name in errors and expected in errors
    assert not CustomMedia.objects.exists()


def test_an_empty_recording_is_refused(client, superuser):
    client.force_login(superuser)
    response = upload(client, "audio", "empty.mp3", b"")
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == "empty"
    assert not CustomMedia.objects.exists()


def test_captions_must_be_webvtt(client, superuser, audio):
    client.force_login(superuser)
    response = upload(
        client, "audio", "song.ogg", audio, captions=SimpleUploadedFile("song.vtt", b"1\n00:00:01,000 --> x")
    )
    assert response.status_code == 200
    assert "WEBVTT" in " ".join(response.context["form"].errors["captions"])


def test_the_item_page_plays_recordings_with_captions(client, library, video):
    media = CustomMedia(
        title="Kinoxronika",
        type="video",
        file=SimpleUploadedFile("clip.mp4", video),
        captions=SimpleUploadedFile("clip.vtt", CAPTIONS),
        captions_language="uz-Latn",
        transcript="Assalomu alaykum, aziz tinglovchilar.",
    )
    media.save()
    item = ItemFactory(title="Toshkent, 1937", dcmi_type="MovingImage")
    item.files.create(kind="video", media=media, label="Kinoxronika")
    item.save_revision().publish()
    media.refresh_from_db()
    body = client.get(item.get_url()).content.decode()
    assert "<video" in body and f'src="{media.url}"' in body
    assert '<track kind="captions"' in body and 'srclang="uz-Latn"' in body
    assert "Assalomu alaykum" in body
