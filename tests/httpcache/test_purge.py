"""What publishing an item purges from the proxy: its addresses in every language, its collections
(and their parents and translations), the lists and term pages it appears in."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory

from . import recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged():
    recording.PURGED.clear()
    with override_settings(WAGTAILFRONTENDCACHE=recording.SETTINGS):
        yield recording.PURGED
    recording.PURGED.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction to commit (the purges), as a real commit would."""
    return django_capture_on_commit_callbacks


def translate(page, language_code):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code), copy_parents=True)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def russian(library):
    """The Russian edition of the tree: its own item index and a copy of the manuscripts collection."""
    return {
        "items": translate(library.items, "ru"),
        "manuscripts": translate(library.manuscripts, "ru"),
        "navoiy": translate(library.navoiy, "ru"),
    }


def paths(urls):
    return {url.removeprefix("http://localhost") for url in urls}


def test_publishing_an_item_purges_its_pages_and_lists(library, russian, purged, commit):
    creator = AgentFactory(name="Zahiriddin Muhammad Bobur")
    subject = SubjectFactory(label="Memuarlar")
    item = ItemFactory(title="Boburnoma", collections=[library.navoiy], creators=[creator], subjects=[subject])
    purged.clear()

    item.title = "Boburnoma (Haydarobod nusxasi)"
    with commit(execute=True):
        item.save_revision().publish()

    got = paths(purged)
    assert russian["items"].url.startswith("/ru/")
    expected = {
        # The record in Uzbek and under the Russian index (untranslated records are shown there).
        f"/items/{item.pk}/{item.slug}/",
        russian["items"].url + f"{item.pk}/{item.slug}/",
        f"/items/{item.pk}/",
        # Its collection, the parent collection (which lists sub-collection items), in both languages.
        library.navoiy.url,
        library.manuscripts.url,
        russian["navoiy"].url,
        russian["manuscripts"].url,
        # The browse-all lists, the home page, the creator's and subject's pages, machine records.
        library.items.url,
        russian["items"].url,
        library.home.url,
        creator.get_url(),
        subject.get_url(),
        f"/iiif/{item.pk}/manifest",
        f"/records/{item.pk}/dc.xml",
    }
    assert expected <= got, expected - got
    # Collections the item is not in are left alone.
    assert library.photographs.url not in got


def test_moving_an_item_purges_the_collection_it_left(library, purged, commit):
    item = ItemFactory(title="Devon", collections=[library.photographs])
    purged.clear()
    item.collections = [library.navoiy]
    item.primary_collection = library.navoiy
    with commit(execute=True):
        item.save_revision().publish()
    got = paths(purged)
    assert library.photographs.url in got
    assert library.navoiy.url in got


def test_unpublishing_and_deleting_purge(library, purged, commit):
    item = ItemFactory(title="Xamsa", collections=[library.navoiy])
    url = item.get_url()
    purged.clear()
    with commit(execute=True):
        item.unpublish()
    assert url in paths(purged)
    assert library.navoiy.url in paths(purged)
    # The machine outputs that listed it, so no cached copy keeps a withdrawn record: harvesting,
    # the API, the sitemap, the feeds of every language, its record and citation downloads.
    assert {
        "/oai/",
        "/api/v2/items/",
        f"/api/v2/items/{item.pk}/",
        "/sitemap.xml",
        "/sitemap-items.xml",
        "/feeds/items.rss",
        "/ru/feeds/items.atom",
        "/uz-cyrl/feeds/items.rss",
        f"/records/{item.pk}/dc.json",
        f"/records/{item.pk}/cite.ris",
    } <= paths(purged)
    purged.clear()
    with commit(execute=True):
        item.delete()
    assert url in paths(purged)


def test_drafts_purge_nothing(library, purged, commit):
    item = ItemFactory(title="Xamsa", collections=[library.navoiy])
    purged.clear()
    item.title = "Xamsa (draft)"
    with commit(execute=True):
        item.save_revision()
    assert purged == []


def test_publishing_a_collection_purges_its_parent(library, purged, commit):
    library.navoiy.title = "Alisher Navoiy manuscripts"
    with commit(execute=True):
        library.navoiy.save_revision().publish()
    got = paths(purged)
    assert library.navoiy.url in got  # Wagtail's own purge
    assert library.manuscripts.url in got  # the parent lists it
