"""Wagtail's database search backend, with the full-text match done on the indexed columns.

On PostgreSQL, Wagtail's backend (modelsearch) matches a query against the concatenation of an
index entry's title and body vectors, an expression no index covers: every search reads the whole
index (about 0.9 s per query at 100,000 items on the development machine). Matching the title
OR the body instead gives the same rows, and PostgreSQL answers each side from its GIN index. The
ranking is unchanged (modelsearch's rank expression). Other databases get Wagtail's backend as is.

Adding objects to the index writes the same rows as modelsearch, built as SQL text: modelsearch
builds and compiles a Django expression for every text of every object, which was half the time of
an import that indexes as it goes (see `bulk_index_class`).

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
"""

import functools

from django.db import connection
from django.db.models import Q


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor != "postgresql":
        from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

        return DatabaseSearchBackend(params)
    return postgres_backend_class()(params)


@functools.cache
def postgres_backend_class():
    """Made once per process: Wagtail asks for a backend at every save of an indexed object."""
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import And, Or, Phrase, PlainText

    class IndexedQueryCompiler(PostgresSearchQueryCompiler):
        def search(self, config, start, stop, score_field=None, backend=None):
            # Only plain full-text queries over the whole index entry; everything else as Wagtail does it.
            if self.fields is not None or not isinstance(self.query, (PlainText, Phrase, And, Or)):
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.filter(Q(index_entries__title=search_query) | Q(index_entries__body=search_query))
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    class IndexedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = IndexedQueryCompiler
        index_class = bulk_index_class()

    return IndexedPostgresSearchBackend


def bulk_index_class():
    """modelsearch's PostgreSQL index, whose `add_items` writes the same index entries (the same
    texts, weights and search configurations, in the same order; tests/search/test_backend.py
    compares them) with one statement built as text. Each field's value is read once, not five
    times, and no expression tree is built per text."""
    from django.utils.encoding import force_str
    from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
    from modelsearch.index import AutocompleteField, SearchField
    from modelsearch.utils import get_content_type_pk

    def vector(texts, config):
        """A tsvector of (text, weight) pairs, as modelsearch's `as_vector` makes it."""
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return "''::tsvector", []
        to_tsvector = "to_tsvector(%s::regconfig, %s)" if config else "to_tsvector(%s)"
        sql = " || ".join(f"setweight({to_tsvector}, %s)" for _ in texts)
        params = []
        for text, weight in texts:
            params += [config, text, weight] if config else [text, weight]
        return f"({sql})", params

    class BulkIndex(PostgresIndex):
        def add_items(self, model, objs):
            if not model.get_search_fields() or not objs:
                return
            content_type_pk = get_content_type_pk(model)
            rows, params = [], []
            for obj in objs:
                indexer = ObjectIndexer(obj, self.backend)
                title, body, autocomplete = [], [], []
                for field in indexer.search_fields:
                    for current, weight, value in indexer.prepare_field(obj, field):
                        if isinstance(current, SearchField):
                            (title if current.field_name == "title" else body).append((value, weight))
                        elif isinstance(current, AutocompleteField):
                            autocomplete.append((value, weight))
                row_params = [content_type_pk, force_str(obj.pk)]
                columns = []
                for texts, config in (
                    (title, self.backend.config),
                    (autocomplete, self.backend.autocomplete_config),
                    (body, self.backend.config),
                ):
                    sql, vector_params = vector(texts, config)
                    columns.append(sql)
                    row_params += vector_params
                row_params.append(" ".join(text.strip() for text, _w in title if text.strip()))
                row_params.append(" ".join(text.strip() for text, _w in body if text.strip()))
                rows.append(f"(%s, %s, {columns[0]}, {columns[1]}, {columns[2]}, 1.0, %s, %s)")
                params += row_params
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"""
                    INSERT INTO {IndexEntry._meta.db_table}
                        (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                    VALUES {", ".join(rows)}
                    ON CONFLICT (content_type_id, object_id)
                    DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                                  body = EXCLUDED.body, title_text = EXCLUDED.title_text,
                                  body_text = EXCLUDED.body_text
                    """,  # noqa: S608 - the table name is the model's; every value is a parameter
                    params,
                )
                self._set_title_norms(cursor, content_type_pk, [force_str(obj.pk) for obj in objs])

        def _set_title_norms(self, cursor, content_type_pk, object_ids):
            """The title norm of the rows just written: the index's average title length over
            their own. modelsearch refreshes it for every row still at 1.0, which (like its average)
            reads the whole index: at a million entries, about a second for each object saved and
            for each batch of an import or `update_index`."""
            lavg = average_title_length(cursor, IndexEntry._meta.db_table)
            if lavg is None:
                return
            cursor.execute(
                f"""
                UPDATE {IndexEntry._meta.db_table} SET title_norm = %s / length(title)
                WHERE content_type_id = %s AND object_id = ANY(%s) AND length(title) > 0
                """,  # noqa: S608 - the table name is the model's; every value is a parameter
                [lavg, content_type_pk, object_ids],
            )

    return BulkIndex


EXACT_AVERAGE_BELOW = 50_000  # index entries; above, the average is read from a sample of the table


def average_title_length(cursor, table):
    """The mean length (in lexemes) of the non-empty titles of the index; None if there are none.

    A large index gives it from 1 % of its pages (the same pages each time while the table keeps its
    size): the figure moves by a fraction of a lexeme, and reading every entry took a second at a
    million entries."""
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
    (estimate,) = cursor.fetchone()
    average = f"SELECT avg(length(title)) FROM {table} {{}} WHERE length(title) > 0"  # noqa: S608 - the model's table
    if estimate >= EXACT_AVERAGE_BELOW:
        cursor.execute(average.format("TABLESAMPLE SYSTEM (1) REPEATABLE (0)"))
        (sampled,) = cursor.fetchone()
        if sampled is not None:
            return float(sampled)
    cursor.execute(average.format(""))
    (exact,) = cursor.fetchone()
    return None if exact is None else float(exact)
