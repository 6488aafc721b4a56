"""Exhibit pages: the index groups and filters, sections navigate, JSON-LD describes the exhibit."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from catalogue.factories import AgentFactory
from exhibits.models import ExhibitCurator, ExhibitPage, Theme
from home.models import LibrarySettings

from .conftest import make_exhibit, make_image, make_item, make_place_entries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def in_uzbek(message):
    """`message` as the pages of the Uzbek tree (unprefixed URLs, the default language) show it."""
    with translation.override("uz"):
        return translation.gettext(message)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


# --- JSON-LD --------------------------------------------------------------------------------------


def test_an_exhibit_describes_itself_as_an_exhibition_event(client, library, index):
    LibrarySettings.objects.update_or_create(
        site=library.home.get_site(),
        defaults={"library_name": "Milliy kutubxona", "address": "Navoiy koʻchasi 1\nToshkent"},
    )
    hero = make_image(alt_text="Xamsa unvoni, oltin hal bilan bezatilgan")
    exhibit = make_exhibit(
        index,
        title="Navoiy: soʻz mulkining sultoni",
        summary="Qoʻlyozmalar koʻrgazmasi.",
        hero_image=hero,
        start_date=days(-5),
        end_date=days(40),
        venue="Koʻrgazmalar zali",
    )
    ExhibitCurator.objects.create(page=exhibit, agent=AgentFactory(name="Dilnoza Karimova"), sort_order=0)
    html = client.get(exhibit.url).content.decode()
    [data] = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == "Navoiy: soʻz mulkining sultoni"
    assert data["description"] == "Qoʻlyozmalar koʻrgazmasi."
    assert data["startDate"] == days(-5).isoformat()
    assert data["endDate"] == days(40).isoformat()
    assert data["url"] == "http://localhost" + exhibit.url
    assert data["location"] == {"@type": "Place", "name": "Koʻrgazmalar zali", "address": "Navoiy koʻchasi 1, Toshkent"}
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["organizer"]["@type"] == "Library" and data["organizer"]["name"] == "Milliy kutubxona"
    assert data["image"][0].startswith("http")
    assert data["contributor"] == [{"@type": "Person", "name": "Dilnoza Karimova"}]
    # The share image and the page's description for link previews.
    assert f'<meta property="og:image" content="{data["image"][0]}">' in html
    assert '<meta name="description" content="Qoʻlyozmalar koʻrgazmasi.">' in html


def test_an_online_exhibit_is_a_virtual_location(client, index):
    exhibit = make_exhibit(index, online_only=True, venue="", end_date=None)
    [data] = json_ld(client.get(exhibit.url).content.decode())
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert "endDate" not in data


def test_json_ld_cannot_break_out_of_its_script(client, index):
    exhibit = make_exhibit(index, summary="</script><script>alert(1)</script>")
    html = client.get(exhibit.url).content.decode()
    [data] = json_ld(html)
    assert data["description"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


# --- Sections ------------------------------------------------------------------------------------


def test_sections_have_a_table_of_contents_and_previous_next_links(client, index):
    exhibit = make_exhibit(index, sections=["Xamsa", "Devonlar", "Meros"])
    first, second, third = exhibit.get_children().specific()

    html = client.get(exhibit.url).content.decode()
    toc = html.split('class="exhibit-toc"', 1)[1].split("</nav>", 1)[0]
    assert [t for t in ("Xamsa", "Devonlar", "Meros") if t in toc] == ["Xamsa", "Devonlar", "Meros"]
    assert f'href="{first.url}" rel="next"' in html
    assert 'rel="prev"' not in html

    html = client.get(second.url).content.decode()
    assert f'href="{first.url}" rel="prev"' in html
    assert f'href="{third.url}" rel="next"' in html
    assert f'href="{second.url}" aria-current="page"' in html
    assert exhibit.title in html  # the exhibit's name above the section title

    html = client.get(third.url).content.decode()
    assert f'href="{second.url}" rel="prev"' in html
    assert 'rel="next"' not in html


def test_headings_keep_their_order(client, index, library):
    """h1 for the page, then h2s, with cards and entries as h3 under them: no level is skipped."""
    item = make_item("Xamsa")
    exhibit = make_exhibit(
        index,
        sections=["Xamsa"],
        body=[
            {"type": "item_showcase", "value": {"items": [item.pk]}},
            {"type": "timeline", "value": {"entries": [{"date": "1441", "title": "Tugʻildi"}]}},
            {"type": "footnotes", "value": {"notes": ["<p>Manba.</p>"]}},
        ],
    )
    html = client.get(exhibit.url).content.decode()
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", main)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


# --- Scripts only where needed -----------------------------------------------------------------


def test_viewer_and_map_scripts_load_only_when_needed(client, index, place, settings):
    item = make_item("Xamsa", pages=2)
    plain = make_exhibit(index)
    html = client.get(plain.url).content.decode()
    assert "mirador.min.js" not in html and "leaflet" not in html

    viewer = make_exhibit(index, body=[{"type": "iiif_viewer", "value": {"item": item.pk}}])
    assert "vendor/mirador/mirador.min.js" in client.get(viewer.url).content.decode()

    settings.KUTUBXONA_MAP_TILE_URL = ""
    mapped = make_exhibit(index, body=[{"type": "map", "value": {"places": make_place_entries(place)}}])
    html = client.get(mapped.url).content.decode()
    assert "leaflet" not in html and "Hirot" in html
    settings.KUTUBXONA_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = client.get(mapped.url).content.decode()
    assert "vendor/leaflet/leaflet.js" in html and "vendor/leaflet/leaflet.css" in html


def test_a_viewer_of_a_hidden_item_is_left_out_for_visitors(client, index, superuser):
    hidden = make_item("Xodimlar nusxasi", pages=1, access_level="staff")
    exhibit = make_exhibit(index, body=[{"type": "iiif_viewer", "value": {"item": hidden.pk, "heading": "Varaqlang"}}])
    html = client.get(exhibit.url).content.decode()
    assert "data-iiif-viewer" not in html and "Xodimlar nusxasi" not in html
    client.force_login(superuser)
    html = client.get(exhibit.url).content.decode()
    assert "data-iiif-viewer" in html and in_uzbek("Visitors do not see this item.") in html


# --- Validation ----------------------------------------------------------------------------------


def test_the_hero_image_needs_alt_text(index):
    exhibit = make_exhibit(index)
    exhibit.hero_image = make_image(alt_text="")
    with pytest.raises(ValidationError) as error:
        exhibit.full_clean()
    assert "hero_image" in error.value.message_dict


def test_the_editor_refuses_a_gallery_image_without_alt_text(index):
    """The page form's body field cleans with the exhibit blocks, so the editor shows the error on the image."""
    form_class = ExhibitPage.get_edit_handler().get_form_class()
    field = form_class.base_fields["body"]
    bare = make_image(alt_text="")
    value = field.block.to_python([{"type": "gallery", "value": {"images": [{"image": bare.pk}]}}])
    with translation.override("en"):  # the message is the subject, not its language
        with pytest.raises(ValidationError) as error:
            field.clean(value)
        gallery_error = error.value.block_errors[0]
        assert "alt text" in str(gallery_error.block_errors["images"].block_errors[0].block_errors["image"])


def test_an_exhibit_is_somewhere_and_ends_after_it_starts(index):
    exhibit = make_exhibit(index)
    exhibit.venue, exhibit.online_only = "", False
    exhibit.end_date = exhibit.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        exhibit.full_clean()
    assert set(error.value.message_dict) >= {"venue", "end_date"}
    exhibit.online_only, exhibit.end_date = True, None
    exhibit.full_clean()


# --- The index ----------------------------------------------------------------------------------


@pytest.fixture
def season(index):
    return {
        "current": make_exhibit(
            index, title="Joriy Navoiy", start_date=days(-10), end_date=days(10), theme=Theme.LITERATURE
        ),
        "permanent": make_exhibit(
            index, title="Doimiy xazina", start_date=datetime.date(2018, 1, 1), end_date=None, theme=Theme.MANUSCRIPTS
        ),
        "upcoming": make_exhibit(
            index, title="Boʻlajak xaritalar", start_date=days(30), end_date=days(90), theme=Theme.MAPS
        ),
        "past": make_exhibit(
            index,
            title="Oʻtgan fotosuratlar",
            start_date=datetime.date(2019, 3, 1),
            end_date=datetime.date(2019, 6, 1),
            theme=Theme.PHOTOGRAPHY,
        ),
        "online": make_exhibit(
            index,
            title="Onlayn gazetalar",
            start_date=days(-3),
            end_date=None,
            online_only=True,
            venue="",
            theme=Theme.PRESS,
        ),
    }


def group(html, heading_id):
    if f'id="{heading_id}"' not in html:
        return ""
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_the_index_groups_current_upcoming_and_past(client, index, season):
    html = client.get(index.url).content.decode()
    current, upcoming, past = (group(html, f"exhibits-{g}") for g in ("current", "upcoming", "past"))
    assert "Joriy Navoiy" in current and "Doimiy xazina" in current and "Onlayn gazetalar" in current
    assert "Boʻlajak xaritalar" in upcoming and "Boʻlajak xaritalar" not in current
    assert "Oʻtgan fotosuratlar" in past and "Oʻtgan fotosuratlar" not in current
    assert in_uzbek("Online only") in current
    # Draft exhibits are not listed.
    season["current"].unpublish()
    assert "Joriy Navoiy" not in client.get(index.url).content.decode()


def test_the_index_filters_by_year(client, index, season):
    html = client.get(index.url, {"year": "2019"}).content.decode()
    assert "Oʻtgan fotosuratlar" in html
    assert "Doimiy xazina" in html  # open since before 2019
    assert "Joriy Navoiy" not in html and "Boʻlajak xaritalar" not in html and "Onlayn gazetalar" not in html
    assert '<option value="2019" selected>' in html


def test_the_index_filters_by_theme(client, index, season):
    html = client.get(index.url, {"theme": Theme.MAPS}).content.decode()
    assert "Boʻlajak xaritalar" in html
    assert "Joriy Navoiy" not in html and "Oʻtgan fotosuratlar" not in html
    html = client.get(index.url, {"theme": Theme.MAPS, "year": "2019"}).content.decode()
    assert in_uzbek("No exhibit matches these filters.") in html


def test_the_index_ignores_nonsense_filters(client, index, season):
    for params in ({"year": "abc"}, {"year": "99999999999999999999"}, {"theme": "<b>"}, {"page": "x"}):
        response = client.get(index.url, params)
        assert response.status_code == 200
        assert "Joriy Navoiy" in response.content.decode()


def test_the_index_offers_only_years_and_themes_in_use(client, index, season):
    html = client.get(index.url).content.decode()
    assert '<option value="2018">' in html and f'<option value="{TODAY.year}">' in html
    assert '<option value="2017">' not in html
    assert f'value="{Theme.MAPS}"' in html and f'value="{Theme.MUSIC}"' not in html


def test_index_queries_do_not_grow_with_exhibits(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get(index.url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(index.url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        make_exhibit(index, hero_image=make_image())
    two = count()
    for _ in range(6):
        make_exhibit(index, hero_image=make_image())
    assert count() == two


def test_exhibit_pages_are_wagtail_pages(index):
    exhibit = make_exhibit(index)
    assert isinstance(exhibit, ExhibitPage)
    assert exhibit.get_parent().specific == index
