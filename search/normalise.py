"""Search keys: what is indexed beside the text itself, and what a query is widened to.

Uzbek is written in Cyrillic, in the official Latin alphabet with any of half a dozen apostrophes,
and in the ALA-LC romanisation of library records. Its text is indexed under one canonical Latin
key (:func:`alphabet.canonical_words`) plus a light stem of each word (plural, case and possessive
endings), so `Ўзбекистон`, `O'zbekiston` and `oʻzbekiston` meet, and `kutubxonalar` finds
`kutubxona`. Russian and English text gets its own Snowball stems instead; the Uzbek rules are never
applied to it (INTEROP.md §C.4).

The search backend indexes the key as one more text field (`search_key` on items and pages); a query
is searched as itself OR its key, so nothing that matched before stops matching. The key field is
ordinary text to the backend, so an Elasticsearch/OpenSearch backend uses it the same way.
"""

import functools
import re
import tomllib
from pathlib import Path

import snowballstemmer
from django.utils.html import strip_tags

from alphabet import canonical_words

SUFFIXES_FILE = Path(__file__).with_name("uz-suffixes.toml")
_WORD = re.compile(r"[^\W_]+(?:[ʼ'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)

# Languages whose text gets the Uzbek key; codes as Wagtail locales, BCP 47 tags or ISO 639-3.
UZBEK = {"uz", "uz-latn", "uz-cyrl", "uzb", "uzn"}
SNOWBALL = {"ru": "russian", "rus": "russian", "en": "english", "eng": "english"}


@functools.cache
def _uzbek_suffixes():
    data = tomllib.loads(SUFFIXES_FILE.read_text(encoding="utf-8"))
    # Longest first, so "lari" is tried before "i".
    return data["min_stem"], sorted(data["suffixes"], key=len, reverse=True), data["max_strips"]


def uzbek_stem(word):
    """Strip inflectional endings from a canonical-key word: `kutubxonalarning` → `kutubxona`."""
    min_stem, suffixes, max_strips = _uzbek_suffixes()
    for _ in range(max_strips):
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@functools.cache
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=100_000)
def _snowball_stem(algorithm, word):
    """One word's Snowball stem, remembered: catalogue text repeats its words, and stemming them
    one by one in Python was a sixth of the time of indexing an item."""
    return _stemmer(algorithm).stemWord(word)


def language_family(code):
    """ "uz", "ru", "en" or "" for a locale code, BCP 47 tag or ISO 639-3 code."""
    code = (code or "").lower()
    if code in UZBEK or code.startswith("uz-"):
        return "uz"
    return {"russian": "ru", "english": "en"}.get(SNOWBALL.get(code.split("-")[0], ""), "")


def key_words(text, language):
    """The extra index words of `text` in `language` ("uz", "ru", "en"; anything else: none)."""
    if not text:
        return []
    if language == "uz":
        words = canonical_words(text)
        stems = [uzbek_stem(w) for w in words]
        return words + [s for s, w in zip(stems, words, strict=True) if s != w]
    algorithm = SNOWBALL.get(language)
    if algorithm:
        script = _CYRILLIC if language == "ru" else _LATIN
        words = [w.lower() for w in _WORD.findall(text) if script.search(w)]
        return [_snowball_stem(algorithm, word) for word in words]
    return []


def index_key(texts, languages):
    """One string for the `search_key` field: the key words of `texts` for each of `languages`.

    An item in Uzbek and Russian gets both; a record with no language is treated as Uzbek, the
    library's default (a Russian word then gains only a harmless extra key).
    """
    families = {language_family(code) for code in languages} - {""} or {"uz"}
    text = " ".join(strip_tags(t) for t in texts if t)
    seen, words = set(), []
    for family in sorted(families):
        for word in key_words(text, family):
            if word not in seen:
                seen.add(word)
                words.append(word)
    return " ".join(words)


def query_variants(query):
    """The forms a visitor's query is searched in, besides itself: its Uzbek key with stems, and
    its Russian and English stems. Empty variants and repeats are dropped."""
    variants = []
    uz = canonical_words(query)
    if uz:
        variants.append(" ".join(uz))
        stems = " ".join(uzbek_stem(w) for w in uz)
        variants.append(stems)
    for family in ("ru", "en"):
        variants.append(" ".join(key_words(query, family)))
    out = []
    for v in variants:
        if v and v != query and v not in out:
            out.append(v)
    return out


def highlight_terms(query):
    """Canonical key words (and their stems) of the query, for marking matches in snippets."""
    words = canonical_words(query)
    return set(words) | {uzbek_stem(w) for w in words}
