"""The lexicon of "did you mean" corrections, with a trigram index on PostgreSQL.

The corrections replace trigram similarity over whole index entries (0001), which read every
entry on each misspelt query (about 4 s at 100,000 items); those two indexes are dropped.
"""

import sys

from django.db import DatabaseError, migrations, models, transaction


def trigram_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS search_lexiconword_trgm ON search_lexiconword USING gin (word gin_trgm_ops)"
            )
            for column in ("title_text", "body_text"):
                cursor.execute(f"DROP INDEX IF EXISTS kutubxona_search_{column}_trgm")
    except DatabaseError as exc:
        sys.stderr.write(f"\nSpelling corrections stay off (pg_trgm): {exc}\n")


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_lexiconword_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_trigram_fuzzy_search")]

    operations = [
        migrations.CreateModel(
            name="LexiconWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True, verbose_name="word")),
                ("documents", models.PositiveIntegerField(default=0, verbose_name="documents")),
            ],
            options={"verbose_name": "lexicon word", "verbose_name_plural": "lexicon words"},
        ),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
