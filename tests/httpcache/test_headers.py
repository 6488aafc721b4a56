"""Who may get a cached copy: Cache-Control, Vary and validators of public and private answers."""

import pytest
from django.test import override_settings

from catalogue.factories import ItemFactory
from catalogue.models import AccessLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(library):
    return ItemFactory(title="Boburnoma", collections=[library.manuscripts])


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def assert_never_stored(response):
    assert {"private", "no-store"} <= directives(response), response.get("Cache-Control")
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")


@override_settings(CACHE_MAX_AGE=42, CACHE_S_MAXAGE=4200)
def test_anonymous_public_pages_are_cacheable(client, library, item):
    urls = [library.home.url, library.manuscripts.url, library.items.url, item.get_url(), "/ru" + item.get_url()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) == {"public", "max-age=42", "s-maxage=4200"}, url
        assert response.has_header("ETag"), url
        assert not response.cookies, url
        # The language comes from the URL only: no copy per Accept-Language; no cookie is sent
        # by anonymous visitors once the proxy has dropped the others.
        assert "accept-language" not in vary(response), url
        assert "cookie" in vary(response), url


def test_item_page_has_last_modified(client, item):
    response = client.get(item.get_url())
    assert response.has_header("Last-Modified")


def test_matching_etag_gets_304(client, item):
    first = client.get(item.get_url())
    again = client.get(item.get_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    item.title = "Boburnoma (facsimile)"
    item.save_revision().publish()
    changed = client.get(item.get_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Boburnoma (facsimile)" in changed.content.decode()


def test_matching_last_modified_gets_304(client, item):
    first = client.get(item.get_url())
    again = client.get(item.get_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_signed_in_users_get_private_answers(client, reader, item, library):
    client.force_login(reader)
    for url in (library.home.url, item.get_url(), library.items.url):
        response = client.get(url)
        assert response.status_code == 200
        assert_never_stored(response)


@pytest.mark.parametrize("level", [AccessLevel.READING_ROOM, AccessLevel.STAFF])
def test_restricted_item_is_never_stored(client, reader, library, level):
    restricted = ItemFactory(title="Reading room copy", access_level=level)
    url = restricted.get_canonical_url()
    anonymous = client.get(url)
    assert anonymous.status_code == 404
    assert_never_stored(anonymous)
    client.force_login(reader)
    signed_in = client.get(url)
    assert signed_in.status_code == (200 if level == AccessLevel.READING_ROOM else 404)
    assert_never_stored(signed_in)


def test_draft_item_is_never_stored(client, library):
    draft = ItemFactory(title="Not yet", live=False)
    response = client.get(draft.get_canonical_url())
    assert response.status_code == 404
    assert_never_stored(response)


def test_admin_and_preview_are_never_stored(client, superuser, item):
    assert_never_stored(client.get("/admin/login/"))
    client.force_login(superuser)
    assert_never_stored(client.get("/admin/"))
    preview = client.get(f"/admin/snippets/catalogue/item/preview/{item.pk}/")
    assert preview.status_code == 200, preview.status_code
    assert_never_stored(preview)


def test_private_files_are_never_stored(client):
    assert_never_stored(client.get("/files/private/original_images/missing.png"))


def test_answers_that_set_a_cookie_are_never_stored(client, library):
    # The sign-in form sets the CSRF cookie.
    response = client.get("/admin/login/")
    assert response.cookies
    assert_never_stored(response)


def test_search_keeps_its_own_short_lifetime(client, library):
    response = client.get("/search/?q=bobur")
    assert response.status_code == 200
    assert "public" in directives(response)
    assert not response.cookies
