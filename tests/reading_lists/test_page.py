"""The reading list page: every entry, links to items and the viewer, print, and what visitors may see."""

import datetime
import html

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from catalogue.models import AccessLevel
from reading_lists.models import Audience

from .builders import add_reading_list, external_entry, item_entry, page_text, section

pytestmark = pytest.mark.django_db


def in_uzbek(message):
    """`message` as the pages of the Uzbek tree (unprefixed URLs, the default language) show it."""
    with translation.override("uz"):
        return translation.gettext(message)


@pytest.fixture
def lesson(reading_lists, make_item, uzbek, poetry):
    xamsa = make_item("Xamsa", date="XVI asr")
    mahbub = make_item("Mahbub ul-qulub", date="1834")
    draft = make_item("Zafarnoma (qoralama)", live=False)
    body = [
        section(
            "1-dars: Xamsa",
            [
                item_entry(
                    xamsa,
                    annotation="Sarlavha qanday bezatilgan?",
                    reading_range="ff. 1r–2r",
                    canvas=3,
                    key_passage="Odamiy ersang, demagil odamiy",
                ),
                item_entry(draft, annotation="Hali eʼlon qilinmagan nusxa."),
                external_entry(
                    "Alisher Navoiy",
                    url="https://uz.wikipedia.org/wiki/Alisher_Navoiy",
                    annotation="Darsdan oldin oʻqing.",
                ),
            ],
            intro="<p>Qoʻlyozmani koʻrib chiqing.</p>",
        ),
        section(
            "2-dars: Axloq",
            [
                item_entry(mahbub, annotation="Muqaddimani oʻqing.", reading_range="pp. 1–12"),
                external_entry(
                    "Navoiy va zamondoshlari",
                    author="A. Hayitmetov; B. Valixoʻjayev",
                    year="1985",
                    isbn="978-0-306-40615-7",
                    annotation="Qoʻshimcha oʻqish uchun.",
                ),
            ],
        ),
    ]
    page = add_reading_list(
        reading_lists,
        "Alisher Navoiy merosi",
        body,
        audience=Audience.MIDDLE,
        age_from=14,
        age_to=15,
        language=uzbek,
        subjects=[poetry],
        introduction="<p>9-sinf uchun.</p>",
        learning_goals="<ul><li>Besh dostonni nomlash.</li></ul>",
    )
    return {"page": page, "xamsa": xamsa, "mahbub": mahbub, "draft": draft}


def test_the_page_shows_every_entry_with_its_notes(client, lesson):
    text = html.unescape(page_text(client.get(lesson["page"].url)))
    for expected in [
        "Alisher Navoiy merosi",
        f"{in_uzbek('School (grades 5–9)')}, {in_uzbek('ages %(start)s–%(end)s') % {'start': 14, 'end': 15}}",
        "Sheʼriyat",
        "Besh dostonni nomlash.",
        "1-dars: Xamsa",
        "Qoʻlyozmani koʻrib chiqing.",
        "Xamsa",
        "Sarlavha qanday bezatilgan?",
        "ff. 1r–2r",
        "Odamiy ersang, demagil odamiy",
        "Alisher Navoiy",
        "Darsdan oldin oʻqing.",
        "2-dars: Axloq",
        "Mahbub ul-qulub",
        "Muqaddimani oʻqing.",
        "pp. 1–12",
        "Navoiy va zamondoshlari",
        "A. Hayitmetov; B. Valixoʻjayev",
        "ISBN 978-0-306-40615-7",
        "Qoʻshimcha oʻqish uchun.",
    ]:
        assert expected in text, expected
    # In reading order.
    order = [text.index(t) for t in ["Sarlavha qanday", "Darsdan oldin", "Muqaddimani", "Qoʻshimcha oʻqish"]]
    assert order == sorted(order)


def test_entries_link_to_the_item_and_to_the_viewer_at_the_given_image(client, lesson):
    text = page_text(client.get(lesson["page"].url))
    xamsa_url = "http://testserver" + lesson["xamsa"].get_url()
    assert f'href="{xamsa_url}"' in text
    assert f'href="{xamsa_url}?page=3#item-viewer"' in text
    assert in_uzbek("Open the viewer at image %(number)s") % {"number": 3} in text
    # No canvas given: no viewer link for that entry.
    assert lesson["mahbub"].get_url() + "?page=" not in text
    assert 'href="https://uz.wikipedia.org/wiki/Alisher_Navoiy"' in text
    assert client.get(lesson["xamsa"].get_url() + "?page=3").status_code == 200


def test_the_page_is_ready_for_print(client, lesson):
    """The "print view" is the page itself with its print stylesheet: it holds every entry visitors may see."""
    text = html.unescape(page_text(client.get(lesson["page"].url)))
    assert 'href="/static/css/reading-lists.css"' in text
    assert "data-print" in text and "window.print()" in text
    assert "Ctrl+P" in text  # the note for readers without JavaScript
    for title in ["Xamsa", "Alisher Navoiy", "Mahbub ul-qulub", "Navoiy va zamondoshlari"]:
        assert f">{title}<" in text or f">{title}<span" in text, title
    assert text.count('class="rl-entry rl-entry--') == 4
    with open("static/css/reading-lists.css", encoding="utf-8") as css:
        stylesheet = css.read()
    print_rules = stylesheet[stylesheet.index("@media print") :]
    for hidden in [".reading-list__actions", ".filters", ".pagination"]:
        assert hidden in print_rules
    assert 'content: " <" attr(data-print-url) ">"' in print_rules


def test_an_entry_for_a_non_public_item_is_left_out_for_visitors(client, lesson, superuser):
    for viewer in [None, superuser]:  # even staff see the live page as visitors do
        if viewer:
            client.force_login(viewer)
        text = page_text(client.get(lesson["page"].url))
        assert "Zafarnoma" not in text
        assert "Hali eʼlon qilinmagan nusxa." not in html.unescape(text)
        assert in_uzbek("Not public:") not in html.unescape(text)
        assert text.count('class="rl-entry rl-entry--') == 4


@pytest.mark.parametrize(
    "restriction",
    [
        {"access_level": AccessLevel.READING_ROOM},
        {"access_level": AccessLevel.STAFF},
        {"embargo_until": timezone.localdate() + datetime.timedelta(days=30)},
    ],
)
def test_restricted_items_are_left_out_too(client, reading_lists, make_item, restriction):
    item = make_item("Boburnoma", **restriction)
    page = add_reading_list(reading_lists, "Boburnoma", [section("Bobur", [item_entry(item)])])
    text = page_text(client.get(page.url))
    assert "Boburnoma</a>" not in text
    assert in_uzbek("No entries in this section yet.") in text


def test_editors_see_the_non_public_entry_flagged_in_preview(client, lesson, superuser):
    client.force_login(superuser)
    page = lesson["page"]
    # The preview is the page as it will be served at its (Uzbek) address.
    text = html.unescape(page_text(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))))
    assert "Zafarnoma (qoralama)" in text
    assert in_uzbek("Not public:") in text
    assert in_uzbek("the item is not published") in text
    assert "Hali eʼlon qilinmagan nusxa." in text
    assert text.count('class="rl-entry rl-entry--') == 5


def test_serve_preview_flags_the_entry(lesson, superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    request.is_preview = True
    with translation.override("en"):  # no middleware here: the flag is the subject, not the language
        response = lesson["page"].serve_preview(request, "")
        text = html.unescape(response.render().content.decode())
    assert "Not public:" in text and "Zafarnoma (qoralama)" in text


def test_a_deleted_item_does_not_break_the_page(client, reading_lists, make_item):
    item = make_item("Chor devon")
    page = add_reading_list(reading_lists, "Devonlar", [section("Devonlar", [item_entry(item)])])
    item.delete()
    text = page_text(client.get(page.url))
    assert "Chor devon" not in text
    assert page_text(client.get(page.url + "export/csv/")).count("\n") == 1


def test_the_list_language_marks_its_text(client, lesson):
    text = page_text(client.get(lesson["page"].url))
    assert '<h2 class="rl-section__heading" lang="uz">1-dars: Xamsa</h2>' in text


def test_printed_links_show_readable_addresses(client, reading_lists, make_item):
    item = make_item("Sadoi Fargʻona")
    page = add_reading_list(reading_lists, "Gazetalar", [section("S", [item_entry(item, canvas=1)])])
    text = page_text(client.get(page.url))
    assert "farg%CA%BBona" in item.get_url()
    assert 'data-print-url="http://testserver/items/' in text
    assert "sadoi-fargʻona/?page=1#item-viewer" in text
