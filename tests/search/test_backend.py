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
