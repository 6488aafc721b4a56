"""Fuzzy matching for misspelt queries: PostgreSQL's pg_trgm and trigram indexes on the search index.

The search falls back to trigram similarity when nothing matches exactly (search/engine.py).
Creating an extension needs the CREATE privilege on the database (pg_trgm is a trusted extension
since PostgreSQL 13); where it is refused the migration says so and the search simply has no
fuzzy fallback until a DBA runs `CREATE EXTENSION pg_trgm;` and then
`manage.py migrate search zero && manage.py migrate search`. Other databases need nothing.
"""

import sys

from django.db import DatabaseError, migrations, transaction


def enable_trigram(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for column in ("title_text", "body_text"):
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS kutubxona_search_{column}_trgm ON {table} "
                    f"USING gin ({column} gin_trgm_ops)"
                )
    except DatabaseError as exc:
        sys.stderr.write(f"\nFuzzy search stays off (pg_trgm): {exc}\n")


def disable_trigram(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for column in ("title_text", "body_text"):
            cursor.execute(f"DROP INDEX IF EXISTS kutubxona_search_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(enable_trigram, disable_trigram)]
