"""Citations, meta tags and JSON-LD add no database queries to the item page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue import views

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    cache.clear()  # references are cached per revision: count the work of making them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_citing_costs_the_item_page_no_queries(client, boburnoma, monkeypatch):
    with_citations, html = count_queries(client, boburnoma.get_url())
    assert "GOST R 7.0.100-2018" in html
    assert "application/ld+json" in html

    monkeypatch.setattr(views, "citing_context", lambda *args: {"references": [], "structured_data": None})
    without, html = count_queries(client, boburnoma.get_url())
    assert "GOST R 7.0.100-2018" not in html
    assert with_citations == without
