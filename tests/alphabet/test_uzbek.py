"""Uzbek Cyrillic ⇄ Latin transliteration and the cross-script search key (INTEROP.md, section C)."""

import pytest

from alphabet import (
    ala_lc_to_cyrillic,
    ala_lc_to_latin,
    canonical_key,
    canonical_words,
    cyrillic_to_latin,
    fold_apostrophes,
    latin_to_cyrillic,
)

# C.4 acceptance vectors: Cyrillic, the official Latin it transliterates to, and spellings found in the wild.
ACCEPTANCE = [
    ("Ўзбекистон", "Oʻzbekiston", ["O'zbekiston", "o‘zbekiston"]),
    ("Ғафур Ғулом", "Gʻafur Gʻulom", ["G'afur G'ulom"]),
    ("Тошкент", "Toshkent", ["Toshkent"]),
    ("Қўқон", "Qoʻqon", ["Qo'qon"]),
    ("ёзув", "yozuv", ["yozuv"]),
    ("маъно", "maʼno", ["ma'no"]),
    ("Исҳоқ", "Isʼhoq", ["Is'hoq"]),
    ("концерт", "konsert", ["konsert"]),
    ("милиция", "militsiya", ["militsiya"]),
    ("поезд", "poyezd", ["poyezd"]),
]

# C.2 examples of the positional rules and exceptions.
POSITIONAL = [
    ("Ер", "Yer"),
    ("поезд", "poyezd"),
    ("объект", "obyekt"),
    ("съезд", "syezd"),
    ("кеча", "kecha"),
    ("цирк", "sirk"),
    ("концерт", "konsert"),
    ("милиция", "militsiya"),
    ("лицей", "litsey"),
    ("ёзув", "yozuv"),
    ("бюджет", "byudjet"),
    ("дунё", "dunyo"),
    ("сентябр", "sentabr"),
    ("октябр", "oktabr"),
    ("маъно", "maʼno"),
    ("санъат", "sanʼat"),
    ("мўъжиза", "moʻjiza"),
    ("браконьер", "brakonyer"),
    ("Исҳоқ", "Isʼhoq"),
    ("эшик", "eshik"),
    ("шаҳар", "shahar"),
    ("хат", "xat"),
    ("тонг", "tong"),
]


@pytest.mark.parametrize(("cyrillic", "latin", "wild"), ACCEPTANCE)
def test_acceptance_vector_transliterates_to_official_latin(cyrillic, latin, wild):
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin", "wild"), ACCEPTANCE)
def test_acceptance_vector_keys_are_equal_in_both_directions(cyrillic, latin, wild):
    key = canonical_key(cyrillic)
    for spelling in [latin, *wild]:
        assert canonical_key(spelling) == key, spelling
        assert canonical_key(latin_to_cyrillic(spelling)) == key, spelling


@pytest.mark.parametrize(("cyrillic", "latin"), POSITIONAL)
def test_positional_rules(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


def test_official_apostrophe_code_points():
    assert cyrillic_to_latin("ўғ") == "o\u02bbg\u02bb"
    assert cyrillic_to_latin("маъно") == "ma\u02bcno"
    assert cyrillic_to_latin("сҳ") == "s\u02bch"


def test_exceptions_apply_to_inflected_and_capitalised_words():
    assert cyrillic_to_latin("1-сентябрда") == "1-sentabrda"
    assert cyrillic_to_latin("Октябрь") == "Oktabr"
    assert cyrillic_to_latin("ноябр") == "noyabr"


def test_e_after_hyphen_starts_a_word():
    assert cyrillic_to_latin("Ер-сув") == "Yer-suv"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ўзбекистон", "Oʻzbekiston"),
        ("ЎЗБЕКИСТОН", "OʻZBEKISTON"),
        ("ўзбекистон", "oʻzbekiston"),
        ("Ш", "Sh"),
        ("ШАҲАР", "SHAHAR"),
        ("Шаҳар", "Shahar"),
        ("Ш. Рашидов", "Sh. Rashidov"),
        ("ЧОРСУ", "CHORSU"),
        ("ИСҲОҚ", "ISʼHOQ"),
        ("ЕР", "YER"),
        ("ЎзМУ", "OʻzMU"),
        ("СЕНТЯБР", "SENTABR"),
    ],
)
def test_cyrillic_to_latin_keeps_case(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Oʻzbekiston", "Ўзбекистон"),
        ("OʻZBEKISTON", "ЎЗБЕКИСТОН"),
        ("Toshkent", "Тошкент"),
        ("Gʻafur Gʻulom", "Ғафур Ғулом"),
        ("maʼno", "маъно"),
        ("sanʼat", "санъат"),
        ("Isʼhoq", "Исҳоқ"),
        ("Ishoq", "Ишоқ"),
        ("shahar", "шаҳар"),
        ("xat", "хат"),
        ("Qoʻqon", "Қўқон"),
        ("yozuv", "ёзув"),
        ("poyezd", "поезд"),
        ("Yer", "Ер"),
        ("kecha", "кеча"),
        ("eshik", "эшик"),
        ("byudjet", "бюджет"),
        ("dunyo", "дунё"),
        ("sentabr", "сентябр"),
        ("oktabr", "октябр"),
        ("militsiya", "милиция"),
        ("chorsu", "чорсу"),
        ("tong", "тонг"),
        ("Sh", "Ш"),
        ("SHAHAR", "ШАҲАР"),
    ],
)
def test_latin_to_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("yoʻl", "йўл"),  # y + oʻ, not ё
        ("bogʻ", "боғ"),  # word-final gʻ
        ("bog'", "боғ"),
        ("poeziya", "поэзия"),  # e after a vowel was э
        ("aeroport", "аэропорт"),
        ("obyekt", "объект"),  # ye after a prefix: ъе
        ("syezd", "съезд"),
        ("brakonyer", "браконьер"),  # ye after another consonant: ье
        ("aytsa", "айтса"),  # ts is т + с
        ("jamʼ", "жамъ"),  # U+02BC is a letter even at the end of a word
    ],
)
def test_latin_to_cyrillic_ambiguities(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_latin_to_cyrillic_keeps_quotation_marks():
    assert latin_to_cyrillic("'Toshkent' va ‘Kino’") == "'Тошкент' ва ‘Кино’"


@pytest.mark.parametrize("mark", ["'", "‘", "`", "’", "ʼ", "ʻ", "ʹ", "´"])
def test_every_apostrophe_variant_is_read(mark):
    assert latin_to_cyrillic(f"O{mark}zbekiston") == "Ўзбекистон"
    assert latin_to_cyrillic(f"G{mark}afur") == "Ғафур"
    assert latin_to_cyrillic(f"ma{mark}no") == "маъно"
    assert latin_to_cyrillic(f"Is{mark}hoq") == "Исҳоқ"
    assert canonical_key(f"O{mark}zbekiston") == canonical_key("Ўзбекистон")
    assert canonical_key(f"ma{mark}no") == canonical_key("маъно")
    assert canonical_key(f"Is{mark}hoq") == canonical_key("Исҳоқ")
    assert fold_apostrophes(f"o{mark}zbek") == "o\u02bczbek"


@pytest.mark.parametrize(
    "cyrillic",
    ["Ўзбекистон", "Тошкент", "Ғафур Ғулом", "маъно", "Исҳоқ", "ёзув", "поезд", "кеча", "эшик", "ШАҲАР", "Қўқон"],
)
def test_round_trip_through_latin(cyrillic):
    assert latin_to_cyrillic(cyrillic_to_latin(cyrillic)) == cyrillic


def test_fold_apostrophes_drops_quotation_marks():
    assert fold_apostrophes("‘toshkent’ 'kino'") == "toshkent kino"
    assert fold_apostrophes("bog'") == "bog\u02bc"


def test_key_keeps_the_apostrophe_as_a_letter():
    assert canonical_key("Is'hoq") != canonical_key("Ishoq")
    assert canonical_key("Исҳоқ") != canonical_key("Ишоқ")
    assert canonical_key("o't") != canonical_key("ot")
    assert canonical_words("Oʻzbekiston Respublikasi") == ["o\u02bczbekiston", "respublikasi"]


def test_key_ignores_quotation_marks_and_case():
    assert canonical_key("‘TOSHKENT’") == canonical_key("Тошкент") == "toshkent"


def test_key_uses_plain_lower_case_not_turkish_rules():
    assert canonical_key("ISHONCH") == "ishonch"
    assert canonical_key("Ikki") == canonical_key("икки")


def test_key_normalises_unicode():
    decomposed = "У\u0306збекистон"  # у + combining breve
    assert canonical_key(decomposed) == canonical_key("Ўзбекистон")


def test_ala_lc_example_has_the_same_key():
    ala_lc = "Ŭzbekistonda oila demografii︠a︡si"
    assert canonical_key(ala_lc) == canonical_key("Oʻzbekistonda oila demografiyasi")
    assert canonical_key(ala_lc) == canonical_key("Ўзбекистонда оила демографияси")


@pytest.mark.parametrize(
    ("ala_lc", "latin"),
    [
        ("Ŭzbekistonda oila demografii︠a︡si", "Oʻzbekistonda oila demografiyasi"),
        ("Ghafur Ghulom", "Gʻafur Gʻulom"),
        ("Qŭqon", "Qoʻqon"),
        ("Isḣoq", "Isʼhoq"),
        ("Khorazm", "Xorazm"),
        ("zhurnal", "jurnal"),
        ("ëzuv", "yozuv"),
        ("lit͡seĭ", "litsey"),
        ("kont͡sert", "konsert"),
        ("milit͡sii\u0361a", "militsiya"),
        ("maʺno", "maʼno"),
        ("mŭʺjiza", "moʻjiza"),
        ("obʺekt", "obyekt"),
        ("brakonʹer", "brakonyer"),
        ("Ėrgash", "Ergash"),
        ("Er", "Yer"),
        ("poezd", "poyezd"),
        ("senti\ufe20a\ufe21br", "sentabr"),
    ],
)
def test_ala_lc_to_latin(ala_lc, latin):
    assert ala_lc_to_latin(ala_lc) == latin
    assert canonical_key(ala_lc, ala_lc=True) == canonical_key(latin)


def test_ala_lc_to_cyrillic():
    assert ala_lc_to_cyrillic("Ŭzbekistonda oila demografii︠a︡si") == "Ўзбекистонда оила демографияси"


def test_ala_lc_words_are_recognised_by_their_marks():
    for ala_lc, latin in [("Qŭqon", "Qoʻqon"), ("Isḣoq", "Isʼhoq"), ("kont͡sert", "konsert"), ("maʺno", "maʼno")]:
        assert canonical_key(ala_lc) == canonical_key(latin)


def test_key_folds_ala_lc_digraphs_in_unmarked_words():
    assert canonical_key("Khorazm") == canonical_key("Xorazm") == canonical_key("Хоразм")
    assert canonical_key("Ghafur") == canonical_key("Ғафур")
    assert canonical_key("zhurnal") == canonical_key("журнал")


def test_key_treats_modifier_prime_as_tutuq_unless_text_is_ala_lc():
    assert canonical_key("maʹno") == canonical_key("маъно")
    assert canonical_key("filʹm", ala_lc=True) == canonical_key("фильм") == "film"


def test_russian_letters_pass_through():
    assert cyrillic_to_latin("щи, ы") == "щi, ы"
    assert canonical_key("ЩЫ") == "щы"
    assert latin_to_cyrillic("щы") == "щы"


def test_other_characters_pass_through():
    text = "2024-yil, № 5 (Toshkent)!"
    assert cyrillic_to_latin(text) == text
    assert cyrillic_to_latin("Wagtail CMS") == "Wagtail CMS"


def test_empty_text():
    assert cyrillic_to_latin("") == latin_to_cyrillic("") == canonical_key("") == ""
    assert canonical_words("") == []
