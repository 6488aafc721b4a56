"""The application's own caches (home/site_cache.py, catalogue/page_cache.py): fast pages that
never show anything out of date that matters — a change, a withdrawal, a restriction shows on
the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import AccessLevel, Item, ItemFile, ItemRelation
from home.models import LibrarySettings, StandardPage
from media_library.factories import CustomImageFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def republish(item, **changes):
    item = Item.objects.get(pk=item.pk)
    for name, value in changes.items():
        setattr(item, name, value)
    item.save_revision().publish()
    return item


@pytest.fixture
def pair(library):
    """A record that links another (a relation) and shares a subject with it (a related item)."""
    subject = SubjectFactory(label="Temuriylar")
    other = ItemFactory(title="Boburnoma nusxasi", collections=[library.navoiy], subjects=[subject])
    item = ItemFactory(
        title="Xamsa", collections=[library.navoiy], subjects=[subject], creators=[AgentFactory(name="Navoiy")]
    )
    item = Item.objects.get(pk=item.pk)
    item.relations.add(ItemRelation(relation_type="relation", target_item=other))
    item.save_revision().publish()
    return item, other


def test_a_cached_item_page_costs_two_queries(client, pair):
    item, _other = pair
    url = item.get_url()
    first = queries(client, url)
    assert queries(client, url) == 2  # the generation tokens, and the item's row
    assert first > 10  # the first visitor's request built it


def test_a_cached_item_page_is_sent_as_it_was_rendered(client, pair):
    """The second anonymous request gets the same page, headers and validators included,
    without rendering anything; another address of the record (a query string) is its own page."""
    from unittest import mock

    item, _other = pair
    url = item.get_url()
    first = client.get(url)
    with mock.patch("django.template.response.SimpleTemplateResponse.render") as render:
        second = client.get(url)
    assert not render.called
    assert second.content == first.content
    assert second["Last-Modified"] == first["Last-Modified"] and second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == first["Cache-Control"] and "public" in second["Cache-Control"]
    assert client.get(url, {"utm_source": "x"}).status_code == 200  # rendered for its own address
    item_page = Item.objects.get(pk=item.pk)
    item_page.unpublish()
    assert client.get(url).status_code == 404  # the row is checked before the stored page is sent


def test_an_edit_to_the_item_shows_at_once(client, pair):
    item, _other = pair
    assert "Xamsa" in text(client, item.get_url())
    republish(item, title="Xamsa (Navoiy)")
    assert "Xamsa (Navoiy)" in text(client, item.get_url())


@pytest.mark.parametrize(
    "withdraw",
    [
        lambda other: Item.objects.get(pk=other.pk).unpublish(),
        lambda other: republish(other, access_level=AccessLevel.STAFF),
        lambda other: republish(other, access_level=AccessLevel.READING_ROOM),
    ],
    ids=["unpublished", "staff-only", "reading-room"],
)
def test_a_withdrawn_record_leaves_the_cached_pages_that_linked_it(client, pair, withdraw):
    item, other = pair
    page = text(client, item.get_url())
    assert page.count("Boburnoma nusxasi") >= 2  # the relation and the related items
    withdraw(other)
    assert "Boburnoma nusxasi" not in text(client, item.get_url())


def test_a_deleted_record_leaves_the_cached_pages_that_linked_it(client, pair):
    item, other = pair
    assert "Boburnoma nusxasi" in text(client, item.get_url())
    Item.objects.get(pk=other.pk).delete()
    assert "Boburnoma nusxasi" not in text(client, item.get_url())


def test_a_renamed_creator_shows_at_once(client, pair):
    item, _other = pair
    assert "Navoiy" in text(client, item.get_url())
    agent = item.agent_links.first().agent
    agent.name = "Alisher Navoiy"
    agent.save()
    assert "Alisher Navoiy" in text(client, item.get_url())


def test_signed_in_readers_neither_read_nor_fill_the_visitors_cache(client, library, reader):
    item = ItemFactory(title="Devon", collections=[library.navoiy])
    item = Item.objects.get(pk=item.pk)
    item.files.add(ItemFile(kind="scan", image=CustomImageFactory(), label="Open folio"))
    item.files.add(
        ItemFile(kind="scan", image=CustomImageFactory(), label="Reading-room folio", access_level="reading_room")
    )
    item.save_revision().publish()

    client.force_login(reader)
    assert "Reading-room folio" in text(client, item.get_url())
    client.logout()
    anonymous = text(client, item.get_url())
    assert "Open folio" in anonymous and "Reading-room folio" not in anonymous
    client.force_login(reader)
    assert "Reading-room folio" in text(client, item.get_url())


def test_a_new_translation_is_linked_from_the_cached_record(client, library):
    from wagtail.models import Locale

    item = ItemFactory(title="Xamsa", collections=[library.navoiy])
    assert 'hreflang="ru"' not in text(client, item.get_url()).split("</head>")[0]
    russian = Locale.objects.get(language_code="ru")
    translation = item.copy_for_translation(russian)
    translation.title = "Хамса"
    translation.save()
    translation.save_revision().publish()
    head = text(client, item.get_url()).split("</head>")[0]
    assert 'hreflang="ru"' in head


# --- The site cache: menus, routing, settings, restrictions ------------------------------------


def test_a_page_published_or_unpublished_shows_in_the_menu_and_routing_at_once(client, library):
    assert "Biz haqimizda" not in text(client, library.home.url)
    page = StandardPage(title="Biz haqimizda", slug="about", show_in_menus=True)
    library.home.add_child(instance=page)
    page.save_revision().publish()
    assert "Biz haqimizda" in text(client, library.home.url)
    assert client.get("/about/").status_code == 200

    page.unpublish()
    assert "Biz haqimizda" not in text(client, library.home.url)
    assert client.get("/about/").status_code == 404


def test_a_page_moved_is_found_at_its_new_address(client, library):
    assert client.get(library.navoiy.url).status_code == 200
    old_url = library.navoiy.url
    library.navoiy.move(library.photographs, pos="last-child")
    library.navoiy.refresh_from_db()
    assert library.navoiy.url != old_url
    assert client.get(library.navoiy.url).status_code == 200
    # The old address is no longer the page's: it leads to the new one (Wagtail's redirect on move).
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == library.navoiy.url


def test_the_settings_show_at_once(client, library):
    assert "Milliy kutubxona" not in text(client, library.home.url)
    settings = LibrarySettings.for_site(library.home.get_site())
    settings.library_name = "Milliy kutubxona"
    settings.save()
    assert "Milliy kutubxona" in text(client, library.home.url)


def test_a_view_restriction_added_applies_at_once(client, library):
    assert client.get(library.photographs.url).status_code == 200
    PageViewRestriction.objects.create(page=library.photographs, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(library.photographs.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_change_made_by_another_process_is_seen(client, library):
    """Another server process has a cache of its own (no Redis) and its signals do not reach this
    one: what tells this process that its entries are old is the generation token in the
    database, read on every request."""
    from wagtail.models import Page

    from home.models import CacheGeneration

    assert "Kolleksiyalar" not in text(client, library.home.url)
    # The other process renames a page in the menu and replaces the token.
    Page.objects.filter(pk=library.collections.pk).update(title="Kolleksiyalar", show_in_menus=True)
    CacheGeneration.objects.update_or_create(name="structure", defaults={"token": "from-another-process"})
    assert "Kolleksiyalar" in text(client, library.home.url)


def test_cards_of_a_list_come_from_the_cache_and_follow_every_change(client, pair):
    """A collection page's item cards are rendered once: the next visitor's page loads none of
    its items, yet an edited title, a renamed creator and a withdrawn item show at once."""
    from django.test.utils import CaptureQueriesContext

    item, other = pair
    url = item.collections.first().get_url()
    first = text(client, url)
    assert "Xamsa" in first and "Navoiy" in first and "Boburnoma nusxasi" in first
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url).content.decode()
    assert again.count("card-grid__cell") == first.count("card-grid__cell")
    loads = [q["sql"] for q in ctx.captured_queries if '"catalogue_itemagent"' in q["sql"]]
    assert not loads, "the cards' creators were loaded again"

    republish(item, title="Xamsa (Navoiy)")
    assert "Xamsa (Navoiy)" in text(client, url)
    agent = item.agent_links.first().agent
    agent.name = "Alisher Navoiy"
    agent.save()
    assert "Alisher Navoiy" in text(client, url)
    Item.objects.get(pk=other.pk).unpublish()
    assert "Boburnoma nusxasi" not in text(client, url)


def test_the_home_page_newest_items_show_a_new_record_at_once(client, library):
    from home.models import HomePage

    home = HomePage.objects.live().first()
    text(client, home.get_url())
    ItemFactory(title="Yangi qo'lyozma", collections=[library.navoiy])
    assert "Yangi qo" in text(client, home.get_url())
