"""The demo reading lists: two lists for different audiences, built once however often it runs."""

import html
import io

import pytest

from catalogue.factories import SubjectFactory
from catalogue.models import DCMIType
from reading_lists.demo import load_reading_list_demo
from reading_lists.models import Audience, ReadingListIndexPage, ReadingListPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_catalogue(library, make_item, uzbek):
    for label in ["Mumtoz adabiyot", "Sheʼriyat", "Axloq", "Jadidchilik", "Matbuot", "Gazetalar"]:
        SubjectFactory(label=label)
    titles = [
        "Xamsa",
        "Mahbub ul-qulub",
        "Muhokamat ul-lugʻatayn",
        "Oyina",
        "Oyina. 1913, № 1",
        "Oyina. 1914, № 12",
        "Sadoi Turkiston. 1914, № 1",
        "Sadoi Fargʻona. 1914, № 3",
    ]
    items = {title: make_item(title, dcmi_type=DCMIType.TEXT) for title in titles}
    items["draft"] = make_item("Turkiston viloyatining gazeti. 1913, № 40", live=False)
    return items


def test_the_demo_builds_two_lists_once(client, demo_catalogue):
    out = io.StringIO()
    assert load_reading_list_demo(out) == 3
    assert load_reading_list_demo(out) == 0
    assert "already loaded" in out.getvalue()

    index = ReadingListIndexPage.objects.get(slug="reading-lists")
    assert index.title == "Oʻquv roʻyxatlari" and index.live
    lists = {page.slug: page for page in ReadingListPage.objects.child_of(index).live()}
    assert set(lists) == {"alisher-navoiy-merosi-9-sinf", "jadid-matbuoti-seminar"}
    assert {page.audience for page in lists.values()} == {Audience.MIDDLE, Audience.UNIVERSITY}

    navoiy = lists["alisher-navoiy-merosi-9-sinf"]
    text = html.unescape(client.get(navoiy.url).content.decode())
    assert "Xamsa" in text and "Mahbub ul-qulub" in text and "uz.wikipedia.org" in text
    assert demo_catalogue["Xamsa"].get_url() + "?page=3#item-viewer" in text
    assert "Dilnoza Karimova" in text

    seminar = lists["jadid-matbuoti-seminar"]
    text = html.unescape(client.get(seminar.url).content.decode())
    assert "Sadoi Turkiston. 1914, № 1" in text
    # The draft newspaper issue is in the list, but visitors do not see it.
    assert "Turkiston viloyatining gazeti. 1913, № 40" not in text
    assert "Rasmiy gazetaning shu yilgi sonini" not in text
    assert client.get(index.url).status_code == 200


def test_the_demo_without_a_home_page_does_nothing(db):
    from wagtail.models import Page

    Page.objects.filter(depth=2).delete()
    out = io.StringIO()
    assert load_reading_list_demo(out) == 0
    assert "run load_demo first" in out.getvalue()
