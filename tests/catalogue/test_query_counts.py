"""Cost stays flat: queries per page do not grow with items, creators or subjects."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from media_library.factories import CustomImageFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_items(library, n, image):
    agent = AgentFactory()
    for i in range(n):
        item = ItemFactory(title=f"Item {i:03d}", collections=[library.photographs], creators=[agent])
        item.files.create(kind="image", image=image, is_representative=True)
        item.save()


def test_collection_page_queries_do_not_grow_with_items(client, library, settings):
    settings.KUTUBXONA_ITEMS_PER_PAGE = 100
    image = CustomImageFactory()
    add_items(library, 10, image)
    with_10 = count_queries(client, library.photographs.url)
    add_items(library, 90, image)
    with_100 = count_queries(client, library.photographs.url)
    assert with_100 == with_10


def test_item_page_queries_do_not_grow_with_creators_and_subjects(client, library):
    one = ItemFactory(title="One", creators=[AgentFactory()], subjects=[SubjectFactory()], collections=[library.navoiy])
    many = ItemFactory(
        title="Many",
        creators=[AgentFactory() for _ in range(10)],
        subjects=[SubjectFactory() for _ in range(10)],
        collections=[library.navoiy],
    )
    assert count_queries(client, one.get_url()) == count_queries(client, many.get_url())


def test_item_page_queries_do_not_grow_with_its_scans(client, library):
    """A book's page shows a thumbnail of every scan: their renditions come in one query."""

    def book(title, pages):
        item = ItemFactory(title=title, collections=[library.navoiy])
        for n in range(pages):
            item.files.create(kind="image", image=CustomImageFactory(), label=str(n + 1))
        item.save()
        return item

    def cold_count(url):
        client.get(url)  # makes the renditions
        cache.clear()  # as after a restart or an eviction: nothing comes from the rendition cache
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    short, long = book("Short", 2), book("Long", 12)
    assert cold_count(short.get_url()) == cold_count(long.get_url())
