"""`manage.py load_demo` builds the library in all four languages."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from alphabet import latin_to_cyrillic
from catalogue.models import Item
from home.models import HomePage, StandardPage

from .helpers import soup, switcher

pytestmark = pytest.mark.django_db


def test_load_demo_builds_every_language(client, s3_client):
    call_command("load_demo", stdout=io.StringIO())

    uz = Locale.get_default()
    assert set(LocaleSynchronization.objects.values_list("locale__language_code", "sync_from")) == {
        ("uz-cyrl", uz.pk),
        ("ru", uz.pk),
        ("en", uz.pk),
    }
    # The home page is translated in every language.
    homes = HomePage.objects.filter(alias_of__isnull=True)
    assert {h.locale.language_code for h in homes} == {"uz", "uz-cyrl", "ru", "en"}
    for url, lang, title in [
        ("/", "uz", "Kutubxona"),
        ("/uz-cyrl/", "uz-Cyrl", "Кутубхона"),
        ("/ru/", "ru", "Кутубхона"),
        ("/en/", "en", "Kutubxona"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup(response).html["lang"] == lang
        assert soup(response).title.string.startswith(title)
    russian_home = client.get("/ru/").content.decode()
    assert "Национальная электронная библиотека" in russian_home
    # Its featured collections are those of the Russian tree; the newest records, untranslated, are listed too.
    assert 'href="/ru/collections/' in russian_home
    newest = Item.objects.public().filter(locale=uz).order_by("-last_published_at", "-pk").first()
    assert escape(newest.title) in russian_home

    # The standard pages are transliterated into Cyrillic; the others are aliases until translated.
    about = StandardPage.objects.get(locale=uz, slug="about")
    cyrillic_about = about.get_translation(Locale.objects.get(language_code="uz-cyrl"))
    assert cyrillic_about.alias_of_id is None and cyrillic_about.live
    assert cyrillic_about.title == "Кутубхона ҳақида"
    assert switcher(client.get(about.url))["uz-Cyrl"]["href"] == cyrillic_about.url

    russian_about = about.get_translation(Locale.objects.get(language_code="ru"))
    assert russian_about.alias_of_id == about.pk
    response = client.get(russian_about.url)
    assert response.status_code == 200
    assert "is-untranslated" in switcher(response)["ru"]["class"]
    assert "is-untranslated" in switcher(client.get(about.url))["ru"]["class"]

    # Every public record has its Cyrillic edition, listed in the Cyrillic catalogue.
    cyrl = Locale.objects.get(language_code="uz-cyrl")
    records = Item.objects.public().filter(locale=uz, title_language__in=["uz", "uz-Latn"])
    assert records.count() > 1
    assert Item.objects.public().filter(locale=cyrl).count() == records.count()
    record = records.order_by("pk").first()
    edition = record.get_translation(cyrl)
    assert edition.title == latin_to_cyrillic(record.title) and edition.title != record.title
    assert edition.title_language == "uz-Cyrl" and edition.date == record.date
    response = client.get(edition.get_url())
    assert response.status_code == 200 and soup(response).h1.get_text(strip=True) == edition.title
    assert switcher(client.get(record.get_url()))["uz-Cyrl"]["href"] == edition.get_url()
    # The Cyrillic catalogue lists the edition, not the Latin record, whatever page it is on.
    found = client.get("/uz-cyrl/search/", {"q": record.title}).content.decode()
    assert escape(edition.get_url()) in found and f'href="{escape(record.get_url())}"' not in found

    # Every page of the Uzbek tree exists in every language.
    assert (
        Page.objects.filter(locale__language_code="ru").count() == Page.objects.filter(locale=uz, depth__gt=1).count()
    )

    pages = Page.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Page.objects.count() == pages
    assert "nothing to do" in out.getvalue()
