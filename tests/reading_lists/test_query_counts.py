"""Cost stays flat: a list of 12 item entries takes as many queries as a list of 3."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.factories import AgentFactory, SubjectFactory
from catalogue.models import ItemSubject
from reading_lists.models import Audience

from .builders import add_reading_list, external_entry, item_entry, section

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def build(reading_lists, make_item, n, tag):
    items = []
    for i in range(n):
        item = make_item(f"{tag} {i:02d}", creators=[AgentFactory(), AgentFactory()])
        item.subject_links.add(ItemSubject(subject=SubjectFactory()))
        item.save()
        items.append(item)
    half = n // 2
    body = [
        section(
            "A",
            [item_entry(item, annotation="a", canvas=1) for item in items[:half]]
            + [external_entry("X", url="https://example.org")],
        ),
        section("B", [item_entry(item, reading_range="pp. 1–2") for item in items[half:]]),
    ]
    return add_reading_list(reading_lists, f"List {tag}", body, slug=f"list-{tag.lower()}", audience=Audience.GENERAL)


@pytest.mark.parametrize("suffix", ["", "export/csv/", "export/ris/"])
def test_queries_do_not_grow_with_entries(client, reading_lists, make_item, suffix):
    small = build(reading_lists, make_item, 3, "Small")
    large = build(reading_lists, make_item, 12, "Large")
    assert count_queries(client, small.url + suffix) == count_queries(client, large.url + suffix)


def test_index_queries_do_not_grow_with_lists(client, reading_lists, uzbek):
    subject = SubjectFactory()
    for i in range(2):
        add_reading_list(reading_lists, f"Few {i}", language=uzbek, subjects=[subject])
    few = count_queries(client, reading_lists.url)
    for i in range(8):
        add_reading_list(reading_lists, f"Many {i}", language=uzbek, subjects=[subject, SubjectFactory()])
    assert count_queries(client, reading_lists.url) == few
