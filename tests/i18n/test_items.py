"""Catalogue items in other languages: their URL under the language's item index, and the switcher."""

import pytest
from django.utils.translation import gettext, override

from catalogue.factories import ItemFactory

from .helpers import alternates, soup, switcher, translate_item, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_tree(library):
    """The home page and the item index in Russian."""
    translate_page(library.home, "ru", title="Библиотека")
    return translate_page(library.items, "ru", title="Записи каталога")


def test_a_translated_item_has_its_url_in_that_language(client, library, russian_tree):
    item = ItemFactory(title="Xamsa")
    russian = translate_item(item, "ru", title="Хамса", slug="hamsa")

    assert russian.get_url() == f"/ru/items/{russian.pk}/hamsa/"
    response = client.get(russian.get_url())
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "ru"
    assert html.h1.get_text(strip=True) == "Хамса"
    assert html.main.get("lang") is None  # content and interface are both Russian
    # The original keeps its unprefixed address.
    assert item.get_url() == f"/items/{item.pk}/xamsa/"


def test_switcher_on_an_item_leads_to_the_translated_item(client, library, russian_tree):
    item = ItemFactory(title="Xamsa")
    russian = translate_item(item, "ru", title="Хамса", slug="hamsa")

    response = client.get(item.get_url())
    links = switcher(response)
    assert links["ru"]["href"] == russian.get_url()
    assert "is-untranslated" not in links["ru"]["class"]
    assert links["en"]["href"] == "/en/"
    assert "is-untranslated" in links["en"]["class"]
    assert alternates(response) == {
        "uz": f"http://testserver{item.get_url()}",
        "ru": f"http://testserver{russian.get_url()}",
        "x-default": f"http://testserver{item.get_url()}",
    }

    links = switcher(client.get(russian.get_url()))
    assert links["uz"]["href"] == item.get_url()


def test_switcher_on_an_untranslated_item_goes_to_the_language_home(client, library, russian_tree):
    item = ItemFactory(title="Boburnoma")
    links = switcher(client.get(item.get_url()))
    assert links["ru"]["href"] == "/ru/"
    # The note is in the language the link leads to, as the Russian catalogue words it.
    with override("ru"):
        not_translated = gettext("not translated yet")
    assert not_translated != "not translated yet"
    assert f"({not_translated})" in links["ru"].get_text()


def test_a_restricted_translation_is_not_offered(client, library, russian_tree):
    item = ItemFactory(title="Xamsa")
    translate_item(item, "ru", title="Хамса", access_level="staff")
    response = client.get(item.get_url())
    assert switcher(response)["ru"]["href"] == "/ru/"
    assert "ru" not in alternates(response)


def test_listings_show_each_item_once_in_the_visitors_language(client, library, russian_tree):
    xamsa = ItemFactory(title="Xamsa", collections=[library.navoiy])
    ItemFactory(title="Boburnoma", collections=[library.navoiy])
    translate_item(xamsa, "ru", title="Хамса (русская запись)")

    uzbek = client.get("/items/").content.decode()
    assert "Xamsa" in uzbek and "Boburnoma" in uzbek
    assert "Хамса (русская запись)" not in uzbek
    # In Russian: the translated record, and the untranslated one in Uzbek rather than nothing.
    russian = client.get("/ru/items/").content.decode()
    assert "Хамса (русская запись)" in russian and "Boburnoma" in russian
    assert ">Xamsa<" not in russian

    # A collection of the synchronised Russian tree (an alias) lists the Uzbek collection's members.
    alias = library.navoiy.copy_for_translation(russian_tree.locale, copy_parents=True, alias=True)
    response = client.get(alias.get_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Хамса (русская запись)" in page and "Boburnoma" in page
    uzbek_collection = client.get(library.navoiy.get_url()).content.decode()
    assert "Xamsa" in uzbek_collection and "Хамса (русская запись)" not in uzbek_collection


def test_an_untranslated_record_stays_in_the_visitors_language(client, library, russian_tree):
    item = ItemFactory(title="Boburnoma", collections=[library.navoiy])
    in_russian = f"/ru/items/{item.pk}/{item.slug}/"

    # The Russian catalogue links to it under /ru/, so the interface stays Russian…
    listing = soup(client.get("/ru/items/"))
    assert listing.select_one(f'a[href="{in_russian}"]') is not None
    response = client.get(in_russian)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "ru"
    assert html.main["lang"] == "uz"  # …while the record is read as Uzbek
    # …and search engines are told the record's own address.
    assert html.select_one('link[rel="canonical"]')["href"] == f"http://testserver{item.get_url()}"
    assert item.get_canonical_url() == f"/items/{item.pk}/boburnoma/"


def test_an_item_asked_for_in_another_language_goes_to_its_translation(client, library, russian_tree):
    item = ItemFactory(title="Xamsa")
    russian = translate_item(item, "ru", title="Хамса", slug="hamsa")

    response = client.get(f"/ru/items/{item.pk}/{item.slug}/")
    assert response.status_code == 302
    assert response["Location"] == russian.get_url()

    # The Russian record under the Uzbek index: its Uzbek original.
    response = client.get(f"/items/{russian.pk}/hamsa/")
    assert response.status_code == 302
    assert response["Location"] == item.get_url()

    # A Russian record with no Uzbek version has one address, its own.
    russian_only = ItemFactory(title="Записки", slug="zapiski", locale=russian.locale)
    response = client.get(f"/items/{russian_only.pk}/zapiski/")
    assert response.status_code == 301
    assert response["Location"] == f"/ru/items/{russian_only.pk}/zapiski/"


def test_a_translation_the_visitor_may_not_see_is_not_a_redirect(client, library, russian_tree):
    item = ItemFactory(title="Xamsa")
    translate_item(item, "ru", title="Хамса", access_level="staff")

    response = client.get(f"/ru/items/{item.pk}/{item.slug}/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Xamsa"
