"""Uzbek Cyrillic ⇄ Latin (1995 alphabet) transliteration and the cross-script search key.

Only for text tagged ``uz`` / ``uz-Latn`` / ``uz-Cyrl``. Never apply these functions to Russian (``ru``) fields:
Russian keeps its own rules, and е, ц, ъ, ь would come out wrong. Letters outside the Uzbek table (щ, ы, digits,
punctuation, Latin letters in Cyrillic text) pass through unchanged, so mixed text does not fail.

Every function takes an optional ``table`` (an :class:`alphabet.table.Alphabet` from
:func:`alphabet.table.load_table`); the 1995 table is used by default.

Known limits of the Latin → Cyrillic direction, where the Latin spelling has lost information:

- ``ts`` stays тс (it is т + с in verb forms such as *aytsa*), except in the endings ``tsiya``/``tsion`` → ция/цион;
  ``s`` is always с, so *konsert* gives консерт, not концерт.
- ь is dropped by the 1995 rules and cannot be restored (*kompyuter* → компютер).
- ``ye`` after a consonant becomes ье, or ъе after the prefixes ob-, sub-, pod-, s-, in- (*obyekt* → объект).
"""

import re
import unicodedata

from .table import APOSTROPHE, load_table

_LIGATURE_PAIR = re.compile(r"([^\W\d_])[\u0361\ufe20]([^\W\d_])\ufe21?")
_WORD = re.compile(r"[\w\u0300-\u036f\ufe20-\ufe2f]+")
_KEY_WORD = re.compile(r"[^\W_]+")


def cyrillic_to_latin(text, *, table=None):
    """Transliterate Uzbek Cyrillic into the official 1995 Latin alphabet.

    Applies the positional rules for е, ц, ъ, ь and сҳ and the word exceptions (сентябр → sentabr), writes
    oʻ/gʻ with U+02BB and the tutuq belgisi with U+02BC, and keeps the case of each word: "Ўзбекистон" →
    "Oʻzbekiston", "ЎЗБЕКИСТОН" → "OʻZBEKISTON", "Ш" → "Sh".
    """
    table = table or load_table()
    text = unicodedata.normalize("NFC", text)
    view = _lower_view(text)
    in_word = [_is_word_char(c) for c in text]
    return table.cyrillic_to_latin.apply(text, view, in_word)


def latin_to_cyrillic(text, *, table=None):
    """Transliterate official Uzbek Latin into Cyrillic.

    Accepts every apostrophe variant (' ‘ ` ’ ʼ ʻ ʹ ´) for oʻ, gʻ and the tutuq belgisi: o/g + apostrophe →
    ў/ғ, s + apostrophe + h → сҳ, any other apostrophe inside a word → ъ. A word-final apostrophe counts only
    after g (bogʻ) or when it is U+02BB/U+02BC; otherwise it is a closing quote and is kept. Word-initial e and
    e after a vowel → э, other e → е. See the module docstring for what cannot be restored.
    """
    table = table or load_table()
    text = unicodedata.normalize("NFC", text)
    view, in_word = _latin_view(text, table)
    return table.latin_to_cyrillic.apply(text, view, in_word)


def ala_lc_to_cyrillic(text, *, table=None):
    """Read ALA-LC romanised Uzbek (Library of Congress records) back into Cyrillic.

    ALA-LC is reversible: ŭ, gh, ḣ, kh, zh, ë, ĭ, i͡u, i͡a, ė, t͡s, ʺ, ʹ name single Cyrillic letters. Ligatures may
    be written with U+0361 or with the half marks U+FE20/U+FE21; stray marks are dropped.
    """
    table = table or load_table()
    text = _normalise_ligatures(unicodedata.normalize("NFC", text))
    view = _lower_view(text)
    in_word = [_is_word_char(c) for c in text]
    result = table.ala_lc_to_cyrillic.apply(text, view, in_word)
    return "".join(c for c in result if c not in table.ligature_marks)


def ala_lc_to_latin(text, *, table=None):
    """Convert ALA-LC romanised Uzbek into the official Latin alphabet, with all the positional rules
    ("Ŭzbekistonda" → "Oʻzbekistonda", "Er" → "Yer", "Isḣoq" → "Isʼhoq")."""
    return cyrillic_to_latin(ala_lc_to_cyrillic(text, table=table), table=table)


def fold_apostrophes(text, *, table=None):
    """Fold every apostrophe variant into the single search-key mark, U+02BC.

    An apostrophe that belongs to a word (between two letters; word-final after g; or U+02BB/U+02BC after a
    letter) becomes U+02BC. Any other apostrophe is a quotation mark and is removed, so that "‘Toshkent’" and
    "'Toshkent'" fold like "Toshkent".
    """
    table = table or load_table()
    apos = table.apostrophes
    return "".join(
        (apos.key_mark if _is_letter_apostrophe(text, i, apos) else "") if c in apos.variants else c
        for i, c in enumerate(text)
    )


def canonical_key(text, *, ala_lc=False, table=None):
    """The cross-script search key of an Uzbek text (Cyrillic, official Latin or ALA-LC).

    Steps: NFC; ``str.lower()`` (no Turkish dotless-i rules); words that carry an ALA-LC mark (ŭ ḣ ë ĭ ė ʺ or a
    ligature mark) are read back into Cyrillic; Cyrillic → Latin with the 1995 rules; the folds kh → x,
    gh → gʻ, zh → j; every apostrophe → U+02BC (:func:`fold_apostrophes`).

    Apostrophes are kept as one mark rather than dropped, so that oʻt ≠ ot, oʻn ≠ on and Isʼhoq (Исҳоқ) ≠ Ishoq
    (Ишоқ). U+02BC is a letter (category Lm), so tokenisers keep "oʼzbekiston" in one piece.

    The kh/gh/zh folds apply to every text, which makes "Khorazm" find "Xorazm". Official Latin has these
    sequences only where z/k/g meets h across a morpheme (mazhab, izhor); those fold the same way from every
    script, so the cost is a rare merge with a j/x/gʻ spelling.

    Pass ``ala_lc=True`` for text known to be ALA-LC (imported MARC): then every word is read as ALA-LC, so
    unmarked words get the positional rules too ("Er" → "yer", "poezd" → "poyezd"), and ʹ is the soft sign.
    Without it, ʹ (U+02B9) in an unmarked word is treated as a tutuq variant (C.3 of the spec).
    """
    table = table or load_table()
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())
    if ala_lc:
        text = ala_lc_to_cyrillic(text, table=table)
    else:
        markers = table.ala_lc_markers
        text = _WORD.sub(
            lambda m: ala_lc_to_cyrillic(m[0], table=table) if markers.intersection(m[0]) else m[0],
            text,
        )
    text = cyrillic_to_latin(text, table=table)
    for source, target in table.key_folds:
        text = text.replace(source, target)
    return fold_apostrophes(text, table=table)


def canonical_words(text, *, ala_lc=False, table=None):
    """The key of ``text`` split into word tokens (letters, digits and the U+02BC mark), for a search index."""
    return _KEY_WORD.findall(canonical_key(text, ala_lc=ala_lc, table=table))


def _lower_view(text):
    return "".join(_lower(c) for c in text)


def _lower(c):
    low = c.lower()
    return low if len(low) == 1 else c


def _is_word_char(c):
    return c.isalpha() or unicodedata.category(c) == "Mn"


def _is_letter(c, apos):
    return c.isalpha() and c not in apos.variants


def _is_letter_apostrophe(text, i, apos):
    """Whether the apostrophe variant at ``text[i]`` is part of a word (oʻ, gʻ, tutuq) rather than a quote."""
    if i == 0 or not _is_letter(text[i - 1], apos):
        return False
    if i + 1 < len(text) and _is_letter(text[i + 1], apos):
        return True
    return text[i] in apos.modifier_letters or _lower(text[i - 1]) in apos.word_final_after


def _latin_view(text, table):
    """Matching view of Latin text: lower case, word apostrophes as "'", quote apostrophes as NUL."""
    apos = table.apostrophes
    view, in_word = [], []
    for i, c in enumerate(text):
        if c in apos.variants:
            letter = _is_letter_apostrophe(text, i, apos)
            view.append(APOSTROPHE if letter else "\0")
            in_word.append(letter)
        else:
            view.append(_lower(c))
            in_word.append(_is_word_char(c))
    return "".join(view), in_word


def _normalise_ligatures(text):
    """Write every ALA-LC ligature as letter + U+0361 + letter (the half-mark form uses U+FE20 … U+FE21)."""
    return _LIGATURE_PAIR.sub("\\1\u0361\\2", text)
