"""The index of reading lists: live lists only, filtered by audience, subject and language, paginated."""

import html

import pytest
from django.utils import translation

from catalogue.factories import SubjectFactory
from reading_lists.models import Audience, ReadingListIndexPage

from .builders import add_reading_list, page_text

pytestmark = pytest.mark.django_db


def in_uzbek(message):
    """`message` as the pages of the Uzbek tree (unprefixed URLs, the default language) show it."""
    with translation.override("uz"):
        return translation.gettext(message)


@pytest.fixture
def lists(reading_lists, uzbek, russian):
    literature, history = SubjectFactory(label="Adabiyot"), SubjectFactory(label="Tarix")
    pages = {
        "navoiy": add_reading_list(
            reading_lists, "Navoiy 9-sinf", audience=Audience.MIDDLE, language=uzbek, subjects=[literature]
        ),
        "jadid": add_reading_list(
            reading_lists,
            "Jadid matbuoti seminari",
            audience=Audience.UNIVERSITY,
            language=uzbek,
            subjects=[history, literature],
        ),
        "russian": add_reading_list(
            reading_lists, "Туркестанский альбом", audience=Audience.UNIVERSITY, language=russian, subjects=[history]
        ),
    }
    draft = add_reading_list(reading_lists, "Qoralama roʻyxat", audience=Audience.MIDDLE, language=uzbek)
    draft.unpublish()
    return {"index": reading_lists, "literature": literature, "history": history, **pages}


def titles(client, url):
    text = html.unescape(page_text(client.get(url)))
    return {t for t in ["Navoiy 9-sinf", "Jadid matbuoti seminari", "Туркестанский альбом", "Qoralama"] if t in text}


def test_the_index_lists_live_lists(client, lists):
    assert titles(client, lists["index"].url) == {"Navoiy 9-sinf", "Jadid matbuoti seminari", "Туркестанский альбом"}


def test_filter_by_audience(client, lists):
    url = lists["index"].url
    assert titles(client, url + "?audience=university") == {"Jadid matbuoti seminari", "Туркестанский альбом"}
    assert titles(client, url + "?audience=grades_5_9") == {"Navoiy 9-sinf"}
    # An unknown value is ignored, not an error.
    assert len(titles(client, url + "?audience=nonsense")) == 3


def test_filter_by_subject(client, lists):
    url = lists["index"].url
    assert titles(client, f"{url}?subject={lists['literature'].pk}") == {"Navoiy 9-sinf", "Jadid matbuoti seminari"}
    assert titles(client, f"{url}?subject={lists['history'].pk}") == {"Jadid matbuoti seminari", "Туркестанский альбом"}
    assert titles(client, f"{url}?subject=99999999999999999999999") == titles(client, url)


def test_filter_by_language(client, lists):
    url = lists["index"].url
    assert titles(client, url + "?language=rus") == {"Туркестанский альбом"}
    assert titles(client, url + "?language=uzb&audience=university") == {"Jadid matbuoti seminari"}
    assert titles(client, url + "?language=uzb&audience=university&subject=" + str(lists["literature"].pk)) == {
        "Jadid matbuoti seminari"
    }


def test_filters_offer_only_what_is_there_with_counts(client, lists):
    text = html.unescape(page_text(client.get(lists["index"].url + "?audience=university")))
    assert f'<option value="university" selected>{in_uzbek("University")} (2)</option>' in text
    assert f'<option value="grades_5_9">{in_uzbek("School (grades 5–9)")} (1)</option>' in text
    assert in_uzbek("Primary school (grades 1–4)") not in text
    assert f'<option value="{lists["history"].pk}">Tarix (2)</option>' in text
    assert f'<option value="{lists["literature"].pk}">Adabiyot (1)</option>' in text
    assert '<label class="field__label" for="filter-audience">' in text
    assert in_uzbek("Clear filters") in text


def test_the_index_is_paginated_and_keeps_filters(client, reading_lists, uzbek):
    for i in range(ReadingListIndexPage.LISTS_PER_PAGE + 2):
        add_reading_list(reading_lists, f"Roʻyxat {i:02d}", audience=Audience.GENERAL, language=uzbek)
    text = page_text(client.get(reading_lists.url + "?audience=general"))
    assert text.count('class="rl-card"') == ReadingListIndexPage.LISTS_PER_PAGE
    assert 'href="?audience=general&amp;page=2"' in text
    second = page_text(client.get(reading_lists.url + "?audience=general&page=2"))
    assert second.count('class="rl-card"') == 2
