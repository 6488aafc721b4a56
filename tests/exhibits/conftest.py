"""Fixtures of the exhibit tests: a library with an exhibits index, items with scans, images, places, media."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import timezone

from catalogue.factories import AgentFactory, ItemFactory, PlaceFactory
from exhibits.models import ExhibitIndexPage, ExhibitPage, ExhibitSectionPage
from media_library.factories import CustomImageFactory, make_image_file
from media_library.models import CustomMedia

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def no_derivatives(settings):
    """Item images get no tiles or OCR here: the exhibit tests need neither, and they are slow."""
    settings.KUTUBXONA_IMAGE_DERIVATIVES = []


@pytest.fixture
def index(library):
    page = ExhibitIndexPage(title="Koʻrgazmalar", slug="exhibits")
    library.home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def agent():
    return AgentFactory(name="Alisher Navoiy")


def make_image(**kwargs):
    n = next(_numbers)
    kwargs.setdefault("title", f"Varaq {n}")
    kwargs.setdefault("alt_text", f"Qoʻlyozma varagʻi {n}, nastaʼliq xatida")
    kwargs.setdefault("caption", f"Varaq {n}")
    kwargs.setdefault("credit", "Oʻzbekiston Milliy kutubxonasi")
    kwargs.setdefault("file", make_image_file(f"varaq-{n}.png", size=(320, 400)))
    return CustomImageFactory(**kwargs)


def make_item(title=None, pages=1, creators=(), **kwargs):
    """A published item with `pages` page scans (the first is its thumbnail)."""
    item = ItemFactory(title=title or f"Qoʻlyozma {next(_numbers)}", creators=list(creators), **kwargs)
    for i in range(pages):
        item.files.create(kind="scan", image=make_image(), is_representative=i == 0, sort_order=i, label=f"f. {i + 1}")
    if pages:
        item.save()
        if item.live:
            item.save_revision().publish()
    return item


def make_media(kind="video", captions=True, transcript="Matn."):
    media = CustomMedia(
        title=f"Yozuv {next(_numbers)}",
        type=kind,
        duration=3.0,
        transcript=transcript,
        captions_language="uz-Latn",
        file=ContentFile(b"not really a recording", name="yozuv.ogg" if kind == "audio" else "yozuv.mp4"),
    )
    if captions:
        media.captions.save("yozuv.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nSalom\n"), save=False)
    media.save()
    return media


def make_exhibit(index, body=(), sections=(), **fields):
    today = timezone.localdate()
    n = next(_numbers)
    fields.setdefault("title", f"Koʻrgazma {n}")
    fields.setdefault("slug", f"korgazma-{n}")
    fields.setdefault("start_date", today - datetime.timedelta(days=10))
    fields.setdefault("end_date", today + datetime.timedelta(days=60))
    fields.setdefault("venue", "Koʻrgazmalar zali")
    fields.setdefault("summary", "Koʻrgazma haqida qisqacha.")
    page = ExhibitPage(body=list(body), **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    for title in sections:
        section = ExhibitSectionPage(title=title, body=[{"type": "paragraph", "value": f"<p>{title}</p>"}])
        page.add_child(instance=section)
        section.save_revision().publish()
    return page


@pytest.fixture
def request_factory():
    return RequestFactory()


@pytest.fixture
def visitor_request(rf, library):
    request = rf.get("/")
    request.user = AnonymousUser()
    return request


@pytest.fixture
def place():
    return PlaceFactory(name="Hirot", latitude="34.352900", longitude="62.204000")


def make_place_entries(*places):
    return [{"place": place.pk, "note": ""} for place in places]
