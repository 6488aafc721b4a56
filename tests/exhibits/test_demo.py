"""`load_exhibit_demo` builds one rich exhibit with sections using every exhibit block, once."""

import io

import pytest
from wagtail.models import Page

from catalogue.factories import AgentFactory, PlaceFactory
from catalogue.models import AccessLevel
from exhibits.blocks import ExhibitStreamBlock
from exhibits.demo import load_exhibit_demo
from exhibits.models import ExhibitIndexPage, ExhibitPage, ExhibitSectionPage
from media_library.models import CustomImage, CustomMedia

from .conftest import make_item

pytestmark = pytest.mark.django_db

# The shared embed block needs an outside service; the demo does without it.
EXHIBIT_BLOCKS = set(ExhibitStreamBlock.base_blocks) - {"embed"}


@pytest.fixture
def demo_library(library):
    navoiy = AgentFactory(name="Alisher Navoiy")
    make_item("Xamsa", pages=3, creators=[navoiy])
    make_item("Xazoyin ul-maoniy", pages=2, creators=[navoiy])
    make_item("Muhokamat ul-lugʻatayn", pages=1, creators=[navoiy])
    make_item("Boburnoma", pages=1)
    make_item("Oʻqish zali nusxasi", pages=1, access_level=AccessLevel.READING_ROOM)
    for name, lat, lon in (
        ("Hirot", "34.3529", "62.2040"),
        ("Samarqand", "39.6542", "66.9597"),
        ("Toshkent", "41.2995", "69.2401"),
    ):
        PlaceFactory(name=name, latitude=lat, longitude=lon)
    return library


def block_types(page):
    return {block["type"] for block in page.specific.body.raw_data}


def test_the_demo_exhibit_uses_every_block_and_loads_once(client, demo_library):
    out = io.StringIO()
    exhibit = load_exhibit_demo(out)
    assert isinstance(exhibit, ExhibitPage) and exhibit.live
    assert "Demo exhibit loaded" in out.getvalue()
    index = ExhibitIndexPage.objects.get()
    assert index.slug == "exhibits" and index.title == "Koʻrgazmalar"
    sections = list(ExhibitSectionPage.objects.child_of(exhibit).live())
    assert 2 <= len(sections) <= 3
    used = block_types(exhibit).union(*(block_types(s) for s in sections))
    assert used >= EXHIBIT_BLOCKS, EXHIBIT_BLOCKS - used
    assert exhibit.curators.count() == 1 and exhibit.hero_image.alt_text

    for page in (index, exhibit, *sections):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    html = client.get(sections[1].url).content.decode()
    assert "<audio" in html and '<track kind="captions"' in html

    counts = (Page.objects.count(), CustomImage.objects.count(), CustomMedia.objects.count())
    again = io.StringIO()
    assert load_exhibit_demo(again).pk == exhibit.pk
    assert "already loaded" in again.getvalue()
    assert (Page.objects.count(), CustomImage.objects.count(), CustomMedia.objects.count()) == counts


def test_without_ffmpeg_the_demo_has_no_audio_block(demo_library, monkeypatch):
    monkeypatch.setattr("exhibits.demo.shutil.which", lambda name: None)
    out = io.StringIO()
    exhibit = load_exhibit_demo(out)
    assert "ffmpeg is not installed" in out.getvalue()
    used = block_types(exhibit).union(*(block_types(s) for s in exhibit.get_children()))
    assert "audio_video" not in used
    assert used >= EXHIBIT_BLOCKS - {"audio_video"}


def test_without_a_library_the_demo_explains_itself(db):
    Page.objects.filter(depth__gt=1).delete()
    out = io.StringIO()
    assert load_exhibit_demo(out) is None
    assert "load_demo" in out.getvalue()
