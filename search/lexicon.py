"""The lexicon of the public catalogue and "did you mean" corrections of misspelt queries.

A query that finds nothing is often misspelt (`Samarkand tarihi`, `kutubxnoa`). Each word of it
that is not a word of the catalogue is replaced by the closest word that is (trigram similarity,
PostgreSQL's pg_trgm, answered from an index in milliseconds), and the corrected query is run
instead; the page says so and links to the original.

The lexicon holds the words of public items and pages only, as search keys
(alphabet.canonical_key), with the number of records they occur in. `manage.py rebuild_lexicon`
rebuilds it from the search index (nightly, see docs/search.md). A correction is shown only when
the corrected query finds something the visitor may see, so a word of a record that became
restricted since the last rebuild is never revealed.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page, get_page_models

from alphabet import canonical_words, cyrillic_to_latin, latin_to_cyrillic

from .models import LexiconWord

MIN_LENGTH = 3
MAX_WORDS = 6  # words of a query looked up (one query each)
SIMILARITY = 0.35  # pg_trgm similarity a correction needs
CANDIDATES = 10  # closest words by trigrams, re-ranked by edit distance
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_available = None


def available():
    """Corrections need PostgreSQL with pg_trgm and the lexicon's trigram index (search 0002)."""
    global _available
    if _available is None:
        _available = False
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_lexiconword_trgm'")
                _available = cursor.fetchone() is not None
    return _available


def _entries_sql():
    """SQL selecting the words of the index entries of public items and live public pages."""
    from catalogue.models import Item

    sources = [
        ([ContentType.objects.get_for_model(Item).pk], Item.objects.public().values("pk")),
        (
            [ct.pk for ct in ContentType.objects.get_for_models(*get_page_models()).values()],
            Page.objects.live().public().values("pk"),
        ),
    ]
    selects = []
    with connection.cursor() as cursor:
        for types, ids in sources:
            sql, params = ids.query.sql_with_params()
            inner = cursor.mogrify(sql, params)
            inner = inner.decode() if isinstance(inner, bytes) else inner
            type_list = ",".join(str(pk) for pk in types)
            selects.append(
                "SELECT to_tsvector('simple', e.title_text || ' ' || e.body_text) FROM wagtailsearch_indexentry e "
                f"WHERE e.content_type_id IN ({type_list}) AND e.object_id IN (SELECT (pk)::varchar FROM ({inner}) AS ids)"
            )
    # One SELECT per source: joined with OR, the two IN (…) could not be planned as joins, and
    # the public items were read again for every index entry once they outgrew work_mem (hours
    # at 250,000 records instead of seconds).
    return " UNION ALL ".join(selects)


def rebuild():
    """Replace the lexicon with the words of the public catalogue now. Returns the number of words."""
    if connection.vendor != "postgresql":
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {LexiconWord._meta.db_table}")
        cursor.execute(
            f"INSERT INTO {LexiconWord._meta.db_table} (word, documents) "
            "SELECT word, ndoc FROM ts_stat(%s) "
            "WHERE char_length(word) BETWEEN %s AND 100 AND word !~ '[0-9]'",
            [_entries_sql(), MIN_LENGTH],
        )
        return cursor.rowcount


def closest_word(word):
    """The lexicon word most like `word` (a search key), or None.

    The trigram index proposes the CANDIDATES most similar words; the fewest edits (Levenshtein)
    then decide, and among equals the word found in more records: `navoy` becomes `navoiy`
    (one letter added, a common name) rather than `navo` (one letter removed, a rare word).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, documents FROM {LexiconWord._meta.db_table} "
            "WHERE word %% %s AND similarity(word, %s) >= %s "
            "ORDER BY similarity(word, %s) DESC LIMIT %s",
            [word, word, SIMILARITY, word, CANDIDATES],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    return min(rows, key=lambda row: (edit_distance(word, row[0]), -row[1], row[0]))[0]


def edit_distance(a, b):
    """Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def correct(text):
    """The query with its unknown words replaced by the closest known ones, or None if none changed.

    Written in the visitor's script: Cyrillic if the query was, else Latin with the proper
    apostrophes (the keys fold them).
    """
    if not available():
        return None
    words = canonical_words(text)[:MAX_WORDS]
    candidates = [w for w in words if len(w) >= MIN_LENGTH and not any(c.isdigit() for c in w)]
    if not candidates:
        return None
    known = set(LexiconWord.objects.filter(word__in=candidates).values_list("word", flat=True))
    corrected, changed = [], False
    for word in words:
        replacement = None if word in known or word not in candidates else closest_word(word)
        if replacement and replacement != word:
            corrected.append(replacement)
            changed = True
        else:
            corrected.append(word)
    if not changed:
        return None
    cyrillic = latin_to_cyrillic(" ".join(corrected))
    shown = (cyrillic if _CYRILLIC.search(text) else cyrillic_to_latin(cyrillic)).split()
    typed = text.split()
    if len(typed) == len(shown):  # the visitor's capitals: "Navoy" → "Navoiy"
        shown = [s[:1].upper() + s[1:] if t[:1].isupper() else s for t, s in zip(typed, shown, strict=True)]
    return " ".join(shown)
