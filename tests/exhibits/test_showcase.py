"""Item showcases: visitors see only public items, editors see the others flagged; queries stay flat."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from catalogue.models import AccessLevel
from media_library.models import CustomRendition

from .conftest import make_exhibit, make_image, make_item, make_place_entries

pytestmark = pytest.mark.django_db


def in_uzbek(message):
    """`message` as the pages of the Uzbek tree (unprefixed URLs, the default language) show it."""
    with translation.override("uz"):
        return translation.gettext(message)


def showcase(items, heading="Tanlangan asarlar"):
    return {"type": "item_showcase", "value": {"heading": heading, "intro": "", "items": [i.pk for i in items]}}


@pytest.fixture
def mixed(library, agent):
    """One public item and one of each kind visitors may not see."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return {
        "public": make_item("Ochiq Xamsa", creators=[agent]),
        "draft": make_item("Qoralama devon", live=False),
        "reading_room": make_item("Oʻqish zali nusxasi", access_level=AccessLevel.READING_ROOM),
        "staff": make_item("Xodimlar nusxasi", access_level=AccessLevel.STAFF),
        "embargoed": make_item("Embargodagi qoʻlyozma", embargo_until=tomorrow),
    }


def test_visitors_see_only_public_items(client, index, mixed):
    exhibit = make_exhibit(index, body=[showcase(mixed.values())])
    html = client.get(exhibit.url).content.decode()
    assert "Ochiq Xamsa" in html
    for key in ("draft", "reading_room", "staff", "embargoed"):
        assert mixed[key].title not in html, key
    assert in_uzbek("Not public") not in html


def test_signed_in_readers_are_visitors_too(client, index, mixed, reader):
    client.force_login(reader)
    exhibit = make_exhibit(index, body=[showcase(mixed.values())])
    html = client.get(exhibit.url).content.decode()
    assert mixed["reading_room"].title not in html


def test_a_showcase_of_only_hidden_items_disappears(client, index, mixed):
    exhibit = make_exhibit(index, body=[showcase([mixed["draft"], mixed["staff"]], heading="Yashirin")])
    assert "Yashirin" not in client.get(exhibit.url).content.decode()


def test_editors_see_hidden_items_flagged(client, index, mixed, superuser):
    client.force_login(superuser)
    exhibit = make_exhibit(index, body=[showcase(mixed.values())])
    html = client.get(exhibit.url).content.decode()
    for item in mixed.values():
        assert item.title in html
    assert html.count(in_uzbek("Visitors do not see this item.")) == 4
    not_public = in_uzbek("Not public")
    assert f"{not_public}: {in_uzbek('draft')}" in html
    assert f"{not_public}: {in_uzbek('reading room')}" in html
    assert f"{not_public}: {in_uzbek('staff only')}" in html
    with translation.override("uz"):
        until = date_format(mixed["embargoed"].embargo_until, "DATE_FORMAT")
    assert f"{not_public}: {in_uzbek('embargoed until %(date)s') % {'date': until}}" in html


def test_in_preview_hidden_items_are_flagged(index, mixed):
    exhibit = make_exhibit(index, body=[showcase(mixed.values())])
    response = exhibit.make_preview_request()  # a request for the page's own (Uzbek) address
    assert response.status_code == 200
    html = response.content.decode()
    for item in mixed.values():
        assert item.title in html
    assert html.count(in_uzbek("Visitors do not see this item.")) == 4


def test_the_preview_of_an_unsaved_change_flags_too(admin_client, index, mixed):
    exhibit = make_exhibit(index, body=[showcase([mixed["public"]])])
    exhibit.body = [showcase(mixed.values())]
    exhibit.save_revision()  # a draft: the live page still shows one item
    live = admin_client.get(exhibit.url).content.decode()
    assert mixed["draft"].title not in live
    # The preview is the page as it will be served at its (Uzbek) address.
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[exhibit.pk])).content.decode()
    assert mixed["draft"].title in preview
    assert in_uzbek("Visitors do not see this item.") in preview


# --- Cost ---------------------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm-up: per-process caches, and the renditions are made once here
    renditions = CustomRendition.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert CustomRendition.objects.count() == renditions, "a rendition was made on a later request"
    assert not [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("INSERT")]
    return len(ctx.captured_queries)


@pytest.fixture
def twenty_items(library, agent):
    return [make_item(f"Qoʻlyozma {i:02d}", creators=[agent]) for i in range(20)]


def other_blocks(place):
    """One of each other kind of block, so the pages are like real exhibits."""
    image = make_image()
    return [
        {"type": "heading", "value": {"text": "Boʻlim", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Matn.</p>"},
        {"type": "gallery", "value": {"images": [{"image": image.pk}]}},
        {"type": "timeline", "value": {"entries": [{"date": "1441", "title": "Tugʻildi"}]}},
        {"type": "map", "value": {"places": make_place_entries(place)}},
        {"type": "pull_quote", "value": {"text": "Soʻz"}},
        {"type": "footnotes", "value": {"notes": ["<p>Manba.</p>"]}},
    ]


def test_queries_do_not_grow_with_showcased_items(client, index, twenty_items, place):
    others = other_blocks(place)
    five = make_exhibit(index, body=[showcase(twenty_items[:5]), *others])
    twenty = make_exhibit(
        index, body=[showcase(twenty_items[i : i + 5], heading=f"Toʻplam {i}") for i in range(0, 20, 5)] + others
    )
    with_5 = count_queries(client, five.url)
    with_20 = count_queries(client, twenty.url)
    assert with_20 == with_5
    html = client.get(twenty.url).content.decode()
    assert all(item.title in html for item in twenty_items)


def test_a_page_of_fifty_blocks_with_twenty_showcases_renders_flat(client, index, twenty_items, place):
    def page(items_of_showcase):
        body = []
        for i in range(20):
            body.append(showcase([items_of_showcase(i)], heading=f"Asar {i}"))
        fillers = other_blocks(place)[:-1]  # one footnotes block per page at most
        while len(body) < 49:
            body.append(fillers[len(body) % len(fillers)])
        body.append({"type": "footnotes", "value": {"notes": ["<p>Manba.</p>"]}})
        assert len(body) == 50
        return make_exhibit(index, body=body)

    same_five = page(lambda i: twenty_items[i % 5])
    all_twenty = page(lambda i: twenty_items[i])
    assert count_queries(client, all_twenty.url) == count_queries(client, same_five.url)
    html = client.get(all_twenty.url).content.decode()
    assert html.count('class="card__title"') == 20
