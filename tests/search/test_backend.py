"""search.backend writes the index entries itself (one statement of SQL text per batch): they must
be exactly the rows modelsearch's own PostgreSQL index writes, for items, vocabulary records and pages."""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from catalogue.factories import AgentFactory, ItemFactory, PlaceFactory, SubjectFactory
from catalogue.models import Agent, Item, ItemIdentifier, ItemPlace, Language, Subject

pytestmark = pytest.mark.django_db


def entries(model):
    from django.contrib.contenttypes.models import ContentType

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT object_id, title::text, autocomplete::text, body::text, title_text, body_text
               FROM wagtailsearch_indexentry WHERE content_type_id = %s ORDER BY object_id""",
            [ContentType.objects.get_for_model(model).pk],
        )
        return cursor.fetchall()


@pytest.mark.parametrize("model", [Item, Agent, Subject, Page])
def test_index_entries_are_those_modelsearch_writes(library, model):
    uzbek, english = Language.objects.get(code="uzb"), Language.objects.get(code="eng")
    navoiy = AgentFactory(name="Alisher Navoiy", dates="1441-1501")
    xamsa = ItemFactory(
        title="Xamsa: Hayrat ul-abror",
        description="<p>Besh dostondan iborat. Тошкентда кўчирилган.</p><p>Second paragraph, the stems of words.</p>",
        creators=[navoiy, AgentFactory(name="Sultonali Mashhadiy")],
        subjects=[SubjectFactory(label="Mumtoz adabiyot"), SubjectFactory(label="Poetry -- Persian")],
        collections=[library.navoiy],
    )
    xamsa.place_links.add(ItemPlace(place=PlaceFactory(name="Hirot")))
    xamsa.languages = [uzbek, english]
    xamsa.save()
    item = ItemFactory(title="Ўзбекистон тарихи", description="", collections=[library.navoiy])
    ItemIdentifier.objects.create(item=item, scheme="isbn", value="9789943012345")
    ItemFactory(title="   ", description="  ")  # nothing to index but the title field
    backend = get_search_backend()
    if model is Page:  # the library's pages as Wagtail indexes them: each with its own fields
        objects = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("pk")]
    else:
        objects = list(model.get_indexed_objects().order_by("pk"))
    assert objects

    PostgresIndex(backend).add_items(model, objects)
    theirs = entries(model)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wagtailsearch_indexentry")
    backend.get_index_for_model(model).add_items(model, objects)
    ours = entries(model)

    assert type(backend.get_index_for_model(model)) is not PostgresIndex  # the bulk writer is in use
    assert ours == theirs
    assert any(row[3] for row in ours)  # bodies were written


def test_saving_an_object_sets_the_title_norm_of_its_own_entry_only(library):
    """modelsearch rewrote every entry whose norm was still 1.0, reading the whole index at each
    save; the norm of the saved object's entry is set, and no other row is written."""
    from django.contrib.contenttypes.models import ContentType

    first = ItemFactory(title="Boburnoma", collections=[library.navoiy])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailsearch_indexentry SET title_norm = 1.0")
    second = ItemFactory(title="Temur tuzuklari va boshqa asarlar", collections=[library.navoiy])
    content_type = ContentType.objects.get_for_model(Item).pk
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT object_id, title_norm,
                      (SELECT avg(length(title)) FROM wagtailsearch_indexentry WHERE length(title) > 0)
                      / length(title)
               FROM wagtailsearch_indexentry WHERE content_type_id = %s AND object_id IN (%s, %s)""",
            [content_type, str(first.pk), str(second.pk)],
        )
        norms = {object_id: (norm, float(expected)) for object_id, norm, expected in cursor.fetchall()}
    assert norms[str(first.pk)][0] == 1.0
    norm, expected = norms[str(second.pk)]
    assert norm == pytest.approx(expected)
    assert norm != 1.0


def test_a_large_index_reads_its_average_title_length_from_a_sample(library, monkeypatch):
    from search import backend

    for n in range(30):
        ItemFactory(title=f"Kitob {n} " + "soʻz " * (n % 5), collections=[library.navoiy])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        exact = backend.average_title_length(cursor, "wagtailsearch_indexentry")
        cursor.execute("SELECT avg(length(title)) FROM wagtailsearch_indexentry WHERE length(title) > 0")
        assert exact == pytest.approx(float(cursor.fetchone()[0]))
        statements = []
        monkeypatch.setattr(backend, "EXACT_AVERAGE_BELOW", 0)
        with connection.execute_wrapper(lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)):
            sampled = backend.average_title_length(cursor, "wagtailsearch_indexentry")
    assert any("TABLESAMPLE" in sql for sql in statements)
    assert sampled > 0  # from the sample, or from every row when the sample held none
