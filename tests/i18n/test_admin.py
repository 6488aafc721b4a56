"""Editors translate items from the item listing (wagtail-localize), at a fixed number of queries per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.factories import ItemFactory

from .helpers import translate_item

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/catalogue/item/"


def translate_url(item):
    return reverse("wagtail_localize:submit_snippet_translation", args=["catalogue", "item", item.pk])


def test_item_listing_offers_translation_until_every_language_has_one(client, library, superuser):
    client.force_login(superuser)
    xamsa = ItemFactory(title="Xamsa")
    complete = ItemFactory(title="Boburnoma")
    for code in ["uz-cyrl", "ru", "en"]:
        translate_item(complete, code)

    page = client.get(LIST_URL).content.decode()
    assert translate_url(xamsa) in page
    assert translate_url(complete) not in page
    assert client.get(translate_url(xamsa)).status_code == 200


def test_item_listing_queries_do_not_grow_with_translations(client, library, superuser):
    client.force_login(superuser)
    for i in range(3):
        ItemFactory(title=f"A{i}")
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for i in range(20):
        translate_item(ItemFactory(title=f"B{i}"), "ru")
    with CaptureQueriesContext(connection) as many:
        client.get(LIST_URL)
    assert len(many.captured_queries) <= len(few.captured_queries) + 2
