"""The sitemap (every language, with hreflang), the RSS and Atom feeds, and robots.txt.

A restricted item or exhibit is absent from all of them.
"""

import datetime
from xml.etree import ElementTree as ET

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from exhibits.models import ExhibitIndexPage, ExhibitPage
from tests.i18n.helpers import translate_item, translate_page

from .conftest import RESTRICTED, restricted_item

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    """{loc: {hreflang: href}} of every URL in every section of the sitemap index."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for section in index.findall("sm:sitemap/sm:loc", NS):
        response = client.get(section.text.replace("http://testserver", ""))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            loc = url.find("sm:loc", NS).text
            urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    return urls


@pytest.fixture
def russian(library):
    home = translate_page(library.home, "ru", title="Библиотека")
    items = translate_page(library.items, "ru", title="Записи каталога")
    return home, items


def test_sitemap_lists_pages_and_items_of_every_language_with_hreflang(client, library, russian):
    item = ItemFactory(title="Xamsa")
    translated = translate_item(item, "ru", title="Хамса", slug="hamsa")
    only_uzbek = ItemFactory(title="Boburnoma")
    urls = sitemap_urls(client)

    uz_item, ru_item = (
        f"http://testserver{item.get_canonical_url()}",
        f"http://testserver{translated.get_canonical_url()}",
    )
    assert ru_item.endswith(f"/ru/items/{translated.pk}/hamsa/")
    assert urls[uz_item] == {"uz": uz_item, "ru": ru_item, "x-default": uz_item}
    assert urls[ru_item] == urls[uz_item]
    assert urls[f"http://testserver{only_uzbek.get_canonical_url()}"] == {}

    home_ru = russian[0].full_url
    assert home_ru in urls  # the Russian tree, not only the default one
    assert urls[home_ru]["uz"] == library.home.full_url
    assert urls[home_ru]["ru"] == home_ru
    assert urls[library.home.full_url]["x-default"] == library.home.full_url
    assert library.collections.full_url in urls


def test_sitemap_leaves_out_pages_with_view_restrictions(client, library):
    PageViewRestriction.objects.create(page=library.photographs, restriction_type="login")
    urls = sitemap_urls(client)
    assert library.manuscripts.full_url in urls
    assert library.photographs.full_url not in urls


@pytest.mark.parametrize("case", RESTRICTED)
def test_restricted_item_is_absent_from_sitemap_and_feeds(client, library, case):
    shown = ItemFactory(title="Ochiq kitob")
    hidden = restricted_item(library, case)
    urls = sitemap_urls(client)
    assert f"http://testserver{shown.get_canonical_url()}" in urls
    assert not any(f"/items/{hidden.pk}/" in loc for loc in urls)
    for path in ("/feeds/items.rss", "/feeds/items.atom", "/ru/feeds/items.rss"):
        text = client.get(path).content.decode()
        assert shown.title in text
        assert hidden.title not in text
        assert f"/items/{hidden.pk}/" not in text


def test_items_feed_parses_as_rss_and_atom(client, library):
    older = ItemFactory(title="Boburnoma", creators=[AgentFactory(name="Zahiriddin Muhammad Bobur")])
    newer = ItemFactory(title="Xamsa", subjects=[SubjectFactory(label="Sheʼriyat")])
    type(older).objects.filter(pk=older.pk).update(
        first_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )
    type(newer).objects.filter(pk=newer.pk).update(
        first_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    for path, version in (("/feeds/items.rss", "rss20"), ("/feeds/items.atom", "atom10")):
        response = client.get(path)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == version
        assert [e.title for e in feed.entries] == ["Xamsa", "Boburnoma"]
        assert feed.entries[0].link == f"http://testserver{newer.get_url()}"
        assert feed.entries[1].author == "Zahiriddin Muhammad Bobur"
        assert [t.term for t in feed.entries[0].tags] == ["Sheʼriyat"]


def test_feeds_follow_the_language(client, library, russian):
    item = ItemFactory(title="Xamsa")
    translate_item(item, "ru", title="Хамса", slug="hamsa")
    untranslated = ItemFactory(title="Boburnoma")
    russian_titles = [e.title for e in feedparser.parse(client.get("/ru/feeds/items.rss").content).entries]
    assert sorted(russian_titles) == sorted(["Хамса", untranslated.title])
    uzbek_titles = [e.title for e in feedparser.parse(client.get("/feeds/items.rss").content).entries]
    assert sorted(uzbek_titles) == sorted(["Xamsa", "Boburnoma"])


def test_exhibits_feed_lists_published_public_exhibits(client, library):
    index = ExhibitIndexPage(title="Koʻrgazmalar", slug="exhibits")
    library.home.add_child(instance=index)
    index.save_revision().publish()

    def exhibit(title, publish=True):
        page = ExhibitPage(
            title=title, start_date=datetime.date(2026, 3, 1), venue="Zal 1", summary="Qisqacha", live=publish
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page

    shown = exhibit("Navoiy olami")
    exhibit("Tayyorlanmoqda", publish=False)
    private = exhibit("Yopiq koʻrgazma")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for path in ("/feeds/exhibits.rss", "/feeds/exhibits.atom"):
        feed = feedparser.parse(client.get(path).content)
        assert not feed.bozo
        assert [e.title for e in feed.entries] == [shown.title]


def test_pages_announce_their_feeds(client, library, russian):
    html = client.get(library.home.url).content.decode()
    assert 'type="application/rss+xml" href="/feeds/items.rss"' in html
    assert 'type="application/atom+xml" href="/feeds/exhibits.atom"' in html
    assert 'href="/ru/feeds/items.rss"' in client.get(russian[0].url).content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in ("/admin/", "/search/", "/ru/search/", "/uz-cyrl/search/", "/en/search/", "/files/private/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
