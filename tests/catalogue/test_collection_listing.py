"""Collection pages list their items (and their sub-collections' items) with filters, sorting and pages."""

import pytest
from django.test.utils import override_settings

from catalogue.factories import ItemFactory
from catalogue.models import DCMIType, Language

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items_page"].object_list]


@override_settings(KUTUBXONA_ITEMS_PER_PAGE=5)
def test_pagination_splits_the_list_and_keeps_filters(client, library):
    for n in range(12):
        ItemFactory(title=f"Gazeta {n:02d}", collections=[library.photographs], dcmi_type=DCMIType.TEXT)
    ItemFactory(title="Photo", collections=[library.photographs], dcmi_type=DCMIType.STILL_IMAGE)

    first = client.get(library.photographs.url, {"type": "Text"})
    assert titles(first) == [f"Gazeta {n:02d}" for n in range(5)]
    assert first.context["items_page"].paginator.count == 12
    third = client.get(library.photographs.url, {"type": "Text", "page": 3})
    assert titles(third) == ["Gazeta 10", "Gazeta 11"]
    assert "type=Text" in third.content.decode()  # page links keep the filter
    # Out-of-range and junk page numbers fall back instead of failing.
    assert titles(client.get(library.photographs.url, {"type": "Text", "page": 99})) == ["Gazeta 10", "Gazeta 11"]
    assert client.get(library.photographs.url, {"page": "x"}).status_code == 200


def test_filters_by_type_language_and_decade(client, library):
    uzbek = Language.objects.get(code="uzb")
    russian = Language.objects.get(code="rus")
    a = ItemFactory(title="Oyina", date="1914", dcmi_type=DCMIType.TEXT, collections=[library.photographs])
    a.languages.add(uzbek)
    a.save()
    b = ItemFactory(
        title="Turkestan album", date="1871", dcmi_type=DCMIType.STILL_IMAGE, collections=[library.photographs]
    )
    b.languages.add(russian)
    b.save()
    ItemFactory(title="Registan", date="1911", dcmi_type=DCMIType.STILL_IMAGE, collections=[library.photographs])

    url = library.photographs.url
    assert titles(client.get(url, {"type": "StillImage"})) == ["Registan", "Turkestan album"]
    assert titles(client.get(url, {"language": "uzb"})) == ["Oyina"]
    assert titles(client.get(url, {"decade": "1910"})) == ["Oyina", "Registan"]
    assert titles(client.get(url, {"decade": "1870", "type": "StillImage"})) == ["Turkestan album"]
    # Unknown filter values are ignored rather than failing.
    assert len(titles(client.get(url, {"type": "Bogus", "decade": "x"}))) == 3

    facets = client.get(url, {"type": "StillImage"}).context["facets"]
    assert {f["value"]: f["count"] for f in facets["types"]} == {"StillImage": 2, "Text": 1}
    assert {f["value"]: f["count"] for f in facets["decades"]} == {1870: 1, 1910: 1}


def test_sorting_by_date_and_title(client, library):
    for title, date in [("B", "1900"), ("A", "1850"), ("C", "")]:
        ItemFactory(title=title, date=date, collections=[library.photographs])
    url = library.photographs.url
    assert titles(client.get(url)) == ["A", "B", "C"]
    assert titles(client.get(url, {"sort": "-title"})) == ["C", "B", "A"]
    assert titles(client.get(url, {"sort": "date"})) == ["A", "B", "C"]  # undated last
    assert titles(client.get(url, {"sort": "-date"})) == ["B", "A", "C"]


def test_parent_collection_lists_items_of_sub_collections_once(client, library):
    ItemFactory(title="Xamsa", collections=[library.navoiy, library.manuscripts])
    ItemFactory(title="Photo", collections=[library.photographs])
    assert titles(client.get(library.manuscripts.url)) == ["Xamsa"]
