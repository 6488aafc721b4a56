"""Loading an alphabet table (TOML data) and the rule engine that applies one direction of it.

The table format is described at the top of ``tables/uz-latn-1995.toml``. The engine knows nothing
about Uzbek: letters, exceptions and positional rules all come from the data file.
"""

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

TABLES_DIR = Path(__file__).resolve().parent / "tables"
DEFAULT_TABLE = TABLES_DIR / "uz-latn-1995.toml"

# Stands for an apostrophe that is part of a word in the matching view of Latin text.
APOSTROPHE = "'"


@dataclass(frozen=True)
class Context:
    """Positional overrides for one source unit; see the table's header for the order."""

    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    after_word_start: dict[str, str] = field(default_factory=dict)
    word_initial: str | None = None
    after_vowel: str | None = None
    after_consonant: str | None = None

    def choose(self, default, *, next_char, prev_unit, word_so_far, vowels):
        if next_char in self.before:
            return self.before[next_char]
        if prev_unit in self.after:
            return self.after[prev_unit]
        if word_so_far in self.after_word_start:
            return self.after_word_start[word_so_far]
        if prev_unit is None:
            value = self.word_initial
        elif prev_unit in vowels:
            value = self.after_vowel
        else:
            value = self.after_consonant
        return default if value is None else value


@dataclass(frozen=True)
class Direction:
    """One direction of a table (e.g. Cyrillic to Latin), applied by :meth:`apply`."""

    letters: dict[str, str]
    stems: dict[str, str]
    vowels: frozenset[str]
    context: dict[str, Context]

    @classmethod
    def from_data(cls, data):
        context = {
            unit: Context(
                before=rules.get("before", {}),
                after=rules.get("after", {}),
                after_word_start=rules.get("after_word_start", {}),
                word_initial=rules.get("word_initial"),
                after_vowel=rules.get("after_vowel"),
                after_consonant=rules.get("after_consonant"),
            )
            for unit, rules in data.get("context", {}).items()
        }
        return cls(
            letters=dict(data["letters"]),
            stems=dict(data.get("stems", {})),
            vowels=frozenset(data.get("vowels", ())),
            context=context,
        )

    @cached_property
    def unit_lengths(self):
        return sorted({len(unit) for unit in self.letters}, reverse=True)

    @cached_property
    def stems_longest_first(self):
        return sorted(self.stems.items(), key=lambda item: -len(item[0]))

    def apply(self, text, view, in_word):
        """Transliterate ``text``.

        ``view`` has the same length as ``text`` and is what units are matched against (lower case,
        apostrophes normalised); ``in_word[i]`` tells whether ``text[i]`` belongs to a word.
        Characters that match no unit are copied unchanged.
        """
        lengths = self.unit_lengths
        stems = self.stems_longest_first
        caps = _all_caps_flags(text, in_word)
        out = []
        i, n = 0, len(text)
        prev_unit = None
        word_start = 0
        while i < n:
            if not in_word[i]:
                out.append(text[i])
                prev_unit = None
                i += 1
                continue
            if i == 0 or not in_word[i - 1]:
                word_start, prev_unit = i, None

            if prev_unit is None:
                stem = next((s for s in stems if view.startswith(s[0], i)), None)
                if stem:
                    unit, value = stem
                    out.append(_cased(value, text[i : i + len(unit)], caps[i]))
                    prev_unit = unit[-1]
                    i += len(unit)
                    continue

            for length in lengths:
                unit = view[i : i + length]
                if len(unit) == length and unit in self.letters and all(in_word[i : i + length]):
                    break
            else:
                out.append(text[i])
                prev_unit = view[i]
                i += 1
                continue

            value = self.letters[unit]
            rules = self.context.get(unit)
            if rules:
                end = i + len(unit)
                value = rules.choose(
                    value,
                    next_char=view[end] if end < n and in_word[end] else None,
                    prev_unit=prev_unit,
                    word_so_far=view[word_start:i],
                    vowels=self.vowels,
                )
            out.append(_cased(value, text[i : i + len(unit)], caps[i]))
            prev_unit = unit
            i += len(unit)
        return "".join(out)


@dataclass(frozen=True)
class Apostrophes:
    turned_comma: str
    tutuq: str
    variants: frozenset[str]
    modifier_letters: frozenset[str]
    word_final_after: frozenset[str]
    key_mark: str


@dataclass(frozen=True)
class Alphabet:
    """A loaded alphabet table: the three directions, apostrophe data and the search-key folds."""

    name: str
    code: str
    path: Path
    apostrophes: Apostrophes
    cyrillic_to_latin: Direction
    latin_to_cyrillic: Direction
    ala_lc_to_cyrillic: Direction
    ala_lc_markers: frozenset[str]
    ligature_marks: frozenset[str]
    key_folds: tuple[tuple[str, str], ...]


def load_table(path=None):
    """Load an alphabet table from a TOML file (the 1995 table by default).

    Results are cached per resolved path, so the file is read once per process.
    """
    if path is None:
        return _load_default()
    return _load(Path(path).resolve())


@lru_cache(maxsize=1)
def _load_default():
    return _load(DEFAULT_TABLE)


@lru_cache(maxsize=8)
def _load(path):
    with path.open("rb") as f:
        data = tomllib.load(f)
    apos = data["apostrophes"]
    ala_lc = data["ala_lc_to_cyrillic"]
    return Alphabet(
        name=data["meta"]["name"],
        code=data["meta"]["code"],
        path=path,
        apostrophes=Apostrophes(
            turned_comma=apos["turned_comma"],
            tutuq=apos["tutuq"],
            variants=frozenset(apos["variants"]),
            modifier_letters=frozenset(apos["modifier_letters"]),
            word_final_after=frozenset(apos["word_final_after"]),
            key_mark=apos["key_mark"],
        ),
        cyrillic_to_latin=Direction.from_data(data["cyrillic_to_latin"]),
        latin_to_cyrillic=Direction.from_data(data["latin_to_cyrillic"]),
        ala_lc_to_cyrillic=Direction.from_data(ala_lc),
        ala_lc_markers=frozenset(ala_lc.get("markers", ())),
        ligature_marks=frozenset(ala_lc.get("ligature_marks", ())),
        key_folds=tuple(tuple(pair) for pair in data.get("key", {}).get("folds", ())),
    )


def _all_caps_flags(text, in_word):
    """For each position, whether it lies in a word of two or more letters that are all upper case."""
    flags = [False] * len(text)
    i, n = 0, len(text)
    while i < n:
        if not in_word[i]:
            i += 1
            continue
        j = i
        while j < n and in_word[j]:
            j += 1
        cased = [c for c in text[i:j] if c.isupper() or c.islower()]
        caps = len(cased) >= 2 and all(c.isupper() for c in cased)
        flags[i:j] = [caps] * (j - i)
        i = j
    return flags


def _cased(value, source, all_caps):
    """Give ``value`` the case of the source unit: upper in an all-caps word, else capitalised or not."""
    if all_caps:
        return value.upper()
    if source[:1].isupper():
        return value[:1].upper() + value[1:]
    return value
