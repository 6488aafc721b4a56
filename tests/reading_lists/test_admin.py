"""Editing a reading list in the admin: the form, ISBN validation, and the live preview."""

import html

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from reading_lists.models import Audience, ReadingListPage

from ..conftest import english_admin
from .builders import add_reading_list, external_entry, item_entry, section

pytestmark = pytest.mark.django_db


def edit_form_data(page, entries):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": rich_text("<p>Kirish.</p>"),
            "audience": Audience.UNIVERSITY,
            "age_from": "",
            "age_to": "",
            "language": "",
            "learning_goals": rich_text(""),
            "subject_links": inline_formset([]),
            "educators": inline_formset([{"user": "", "name": "Bahodir Rahimov"}]),
            "body": streamfield(
                [("section", {"heading": "Manbalar", "intro": rich_text(""), "entries": streamfield(entries)})]
            ),
            "comments": inline_formset([]),
            "listing_summary": "",
            "social_text": "",
            "seo_title": "",
            "search_description": "",
        }
    )


@pytest.fixture
def editor(superuser):
    """The superuser with the admin in English, the language of the messages (tests/i18n checks the catalogues)."""
    return english_admin(superuser)


def in_uzbek(message):
    """`message` as the pages of the Uzbek tree (unprefixed URLs, the default language) show it."""
    with translation.override("uz"):
        return translation.gettext(message)


def external(**values):
    data = {
        "title": "Kitob",
        "author": "",
        "year": "",
        "url": "",
        "isbn": "",
        "annotation": "",
        "reading_range": "",
        "key_passage": "",
    }
    data.update(values)
    return ("external_entry", data)


def test_the_edit_form_opens_with_entries(client, reading_lists, make_item, superuser):
    item = make_item("Xamsa")
    page = add_reading_list(
        reading_lists, "Navoiy", [section("S", [item_entry(item, canvas=2), external_entry("W", url="https://x.org")])]
    )
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


def test_an_invalid_isbn_is_refused_in_the_admin(client, reading_lists, editor):
    page = add_reading_list(reading_lists, "Kitoblar", [])
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, [external(isbn="978-0-306-40615-8")]))
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    # The block errors reach the StreamField editor as JSON, on the ISBN field.
    assert '"isbn": {"messages": ["\\u201c978-0-306-40615-8\\u201d is not valid' in text
    assert "Expected an ISBN-10 or ISBN-13 with a correct check digit" in text

    response = client.post(url, edit_form_data(page, [external(isbn="978-0-306-40615-7")]))
    assert response.status_code == 302
    saved = ReadingListPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    entry = saved.body[0].value["entries"][0].value
    assert entry["isbn"] == "9780306406157"


def test_the_live_preview_flags_a_non_public_item(client, reading_lists, make_item, editor):
    public, draft = make_item("Xamsa"), make_item("Zafarnoma", live=False)
    page = add_reading_list(reading_lists, "Temuriylar", [])
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    item_value = {"annotation": "", "reading_range": "", "canvas": "", "key_passage": ""}
    data = edit_form_data(
        page, [("item_entry", {"item": public.pk, **item_value}), ("item_entry", {"item": draft.pk, **item_value})]
    )
    posted = client.post(preview_url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    # The preview is the page as it will be served at its (Uzbek) address, whatever the admin's language.
    text = html.unescape(client.get(preview_url).content.decode())
    assert "Xamsa" in text
    assert in_uzbek("Not public:") in text and "Zafarnoma" in text
    # Visitors still see the published version, which has no entries at all.
    assert "Zafarnoma" not in client.get(page.url).content.decode()
