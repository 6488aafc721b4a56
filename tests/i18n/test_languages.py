"""Four languages: Uzbek (Latin, default, unprefixed URLs), Uzbek (Cyrillic), Russian and English."""

import pytest
from django.utils.translation import gettext, override
from wagtail.models import Locale

from home.factories import StandardPageFactory
from home.i18n import bcp47

from .helpers import alternates, locale, soup, switcher, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(library):
    """The library's home page published in every language."""
    return {
        "uz": library.home,
        "uz-cyrl": translate_page(library.home, "uz-cyrl", title="Кутубхона"),
        "ru": translate_page(library.home, "ru", title="Библиотека"),
        "en": translate_page(library.home, "en", title="Library"),
    }


def test_the_four_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"uz", "uz-cyrl", "ru", "en"}
    assert Locale.get_default().language_code == "uz"


@pytest.mark.parametrize(
    ("url", "lang", "title"),
    [
        ("/", "uz", "Kutubxona"),
        ("/uz-cyrl/", "uz-Cyrl", "Кутубхона"),
        ("/ru/", "ru", "Библиотека"),
        ("/en/", "en", "Library"),
    ],
)
def test_each_language_has_its_home_page(client, homes, url, lang, title):
    response = client.get(url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    assert html.title.string.startswith(title)


def test_the_default_language_keeps_unprefixed_urls(client, homes, library):
    assert client.get("/uz/").status_code == 404
    assert library.items.get_url() == "/items/"
    # An unprefixed address is Uzbek whatever the browser prefers.
    response = client.get("/", headers={"accept-language": "ru"})
    assert soup(response).html["lang"] == "uz"


def test_switcher_links_to_the_translated_page(client, homes, library):
    about = StandardPageFactory(parent=library.home, title="Biz haqimizda", slug="about")
    translate_page(about, "ru", title="О библиотеке", slug="o-biblioteke")

    links = switcher(client.get("/about/"))
    assert links["ru"]["href"] == "/ru/o-biblioteke/"
    assert "is-untranslated" not in links["ru"]["class"]
    assert links["uz"]["aria-current"] == "true"
    assert links["uz"].get_text(strip=True) == "Oʻzbekcha"
    assert links["ru"].get_text(strip=True) == "Русский"

    # And back from the Russian page.
    links = switcher(client.get("/ru/o-biblioteke/"))
    assert links["uz"]["href"] == "/about/"
    assert links["ru"]["aria-current"] == "true"


def test_switcher_says_when_a_page_is_not_translated(client, homes, library):
    StandardPageFactory(parent=library.home, title="Tashrif", slug="visit")

    links = switcher(client.get("/visit/"))
    assert links["ru"]["href"] == "/ru/"
    assert "is-untranslated" in links["ru"]["class"]
    # The note and the link's title are in the language the link leads to, as its catalogue words them.
    with override("ru"):
        not_translated = gettext("not translated yet")
        title = gettext("Not translated yet: this link goes to the home page")
    assert not_translated != "not translated yet"
    assert title != "Not translated yet: this link goes to the home page"
    assert f"({not_translated})" in links["ru"].get_text()
    assert links["ru"]["title"] == title
    assert links["en"]["href"] == "/en/"
    assert "(not translated yet)" in links["en"].get_text()  # English is the language of the msgids
    assert links["uz-Cyrl"]["href"] == "/uz-cyrl/"
    assert client.get(links["ru"]["href"]).status_code == 200


def test_hreflang_lists_exactly_the_existing_translations(client, homes, library):
    about = StandardPageFactory(parent=library.home, title="Biz haqimizda", slug="about")
    translate_page(about, "ru", slug="o-nas")
    # An alias (a synchronised tree's copy of the Uzbek text) and a draft are not translations.
    about.copy_for_translation(locale("en"), alias=True)
    about.copy_for_translation(locale("uz-cyrl"))

    assert alternates(client.get("/about/")) == {
        "uz": "http://testserver/about/",
        "ru": "http://testserver/ru/o-nas/",
        "x-default": "http://testserver/about/",
    }
    # The same set on every version, the alias included.
    assert alternates(client.get("/ru/o-nas/")) == alternates(client.get("/about/"))
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert alternates(response) == alternates(client.get("/about/"))
    # The alias shows the Uzbek text in the English interface, and says so.
    assert soup(response).html["lang"] == "en"
    assert soup(response).main["lang"] == "uz"
    assert "is-untranslated" in switcher(response)["en"]["class"]


def test_home_alternates_cover_every_language(client, homes):
    assert alternates(client.get("/ru/")) == {
        "uz": "http://testserver/",
        "uz-Cyrl": "http://testserver/uz-cyrl/",
        "ru": "http://testserver/ru/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/",
    }


def test_search_keeps_the_language(client, homes):
    response = client.get("/ru/search/", {"q": "Navoiy"})
    assert response.status_code == 200
    assert soup(response).html["lang"] == "ru"
    links = switcher(response)
    assert links["uz"]["href"] == "/search/?q=Navoiy"
    assert links["en"]["href"] == "/en/search/?q=Navoiy"


@pytest.mark.parametrize(("code", "tag"), [("uz", "uz"), ("uz-cyrl", "uz-Cyrl"), ("ru", "ru"), ("en-gb", "en-GB")])
def test_bcp47(code, tag):
    assert bcp47(code) == tag
