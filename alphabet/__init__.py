"""Uzbek alphabets: Cyrillic ⇄ Latin (1995) transliteration and the cross-script search key.

The alphabet itself is data (``alphabet/tables/*.toml``); see :mod:`alphabet.uzbek` for the functions.
"""

from .table import load_table
from .uzbek import (
    ala_lc_to_cyrillic,
    ala_lc_to_latin,
    canonical_key,
    canonical_words,
    cyrillic_to_latin,
    fold_apostrophes,
    latin_to_cyrillic,
)

__all__ = [
    "ala_lc_to_cyrillic",
    "ala_lc_to_latin",
    "canonical_key",
    "canonical_words",
    "cyrillic_to_latin",
    "fold_apostrophes",
    "latin_to_cyrillic",
    "load_table",
]
