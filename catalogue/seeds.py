"""Seed data of the controlled vocabularies: ISO 639 languages and standard rights statements.

Used by a data migration (so every database has them) and by `manage.py
seed_vocabularies` (to add what a newer pycountry or data file brings).
Both take the model classes as arguments so the migration can pass its
historical models.
"""

import json
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parent / "data"

# Languages without an ISO 639-1 code that a Central Asian library's holdings use.
EXTRA_LANGUAGES = [
    "chg",
    "ota",
    "otk",
    "sog",
    "kaa",
    "peo",
    "pal",
    "xco",
    "syc",
    "arc",
    "san",
    "pli",
    "bua",
    "crh",
    "ary",
]


def language_rows(include_all=False):
    for lang in pycountry.languages:
        if include_all or hasattr(lang, "alpha_2") or lang.alpha_3 in EXTRA_LANGUAGES:
            yield {
                "code": lang.alpha_3,
                "iso639_1": getattr(lang, "alpha_2", ""),
                "iso639_2b": getattr(lang, "bibliographic", ""),
                "name": lang.name,
            }


def seed_languages(Language, include_all=False):
    existing = set(Language.objects.values_list("code", flat=True))
    new = [Language(**row) for row in language_rows(include_all) if row["code"] not in existing]
    Language.objects.bulk_create(new, batch_size=500)
    return len(new)


def seed_rights_statements(RightsStatement):
    rows = json.loads((DATA_DIR / "rights_statements.json").read_text(encoding="utf-8"))
    created = 0
    for row in rows:
        _obj, was_created = RightsStatement.objects.update_or_create(uri=row["uri"], defaults=row)
        created += was_created
    return created
