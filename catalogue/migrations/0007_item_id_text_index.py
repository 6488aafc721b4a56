"""An index on the item id as text, the form the search index refers to items by.

Wagtail's search index (wagtailsearch_indexentry) names its objects by `object_id`, a varchar, and
joins to items on `object_id = id::varchar(50)`. Without an index on that expression PostgreSQL
reads the whole item table for every search (about 60 ms at 100,000 items, even for one match);
with it, a search that matches few items reads only those. Other databases need nothing.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS catalogue_item_id_varchar ON catalogue_item (((id)::varchar(50)))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalogue_item_id_varchar")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0006_item_file_section")]

    operations = [migrations.RunPython(create, drop)]
