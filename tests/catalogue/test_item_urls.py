"""Each item has one canonical URL, /items/<id>/<slug>/, whatever collections show it."""

import pytest

from catalogue.factories import ItemFactory

pytestmark = pytest.mark.django_db


def test_item_url_is_canonical_and_independent_of_collections(client, library):
    item = ItemFactory(title="Xamsa", collections=[library.navoiy, library.photographs])
    assert item.get_url() == f"/items/{item.pk}/xamsa/"
    response = client.get(item.get_url())
    assert response.status_code == 200
    assert f'rel="canonical" href="http://testserver{item.get_url()}"' in response.content.decode()


def test_a_changed_slug_redirects_permanently(client, library):
    item = ItemFactory(title="Xamsa")
    old_url = item.get_url()
    item.slug = "xamsa-navoiy"
    item.save_revision().publish()
    item.refresh_from_db()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/items/{item.pk}/xamsa-navoiy/"


def test_the_id_alone_redirects_to_the_canonical_url(client, library):
    item = ItemFactory(title="Boburnoma")
    response = client.get(f"/items/{item.pk}/")
    assert response.status_code == 301
    assert response["Location"] == item.get_url()


def test_unicode_titles_get_readable_slugs(client, library):
    item = ItemFactory(title="Ўтган кунлар")
    assert item.slug == "ўтган-кунлар"
    assert client.get(item.get_url()).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/items/999999/anything/",
        "/items/abc/",
        "/items/-5/x/",
        "/items/12abc/x/",
        "/items/99999999999999999999999999/x/",
        "/items/9223372036854775808/",
        "/items/1/x/extra/",
        "/agents/99999999999999999999999999/x/",
        "/subjects/abc/",
    ],
)
def test_unknown_or_malformed_ids_answer_404_not_500(client, library, path):
    assert client.get(path).status_code == 404
