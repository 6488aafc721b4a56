"""The wagtail-localize machine translator that transliterates uz ⇄ uz-Cyrl."""

from types import SimpleNamespace

import pytest
from wagtail_localize.strings import StringValue

from alphabet.translator import UzbekTransliterator


def locale(code):
    return SimpleNamespace(language_code=code)


@pytest.fixture
def translator():
    return UzbekTransliterator({})


@pytest.mark.parametrize(
    ("source", "target"),
    [("uz", "uz-Cyrl"), ("uz-Latn", "uz-Cyrl"), ("uz-latn", "UZ-CYRL"), ("uz-Cyrl", "uz"), ("uz-cyrl", "uz-Latn")],
)
def test_can_translate_between_the_uzbek_scripts(translator, source, target):
    assert translator.can_translate(locale(source), locale(target))


@pytest.mark.parametrize(
    ("source", "target"),
    [("uz", "uz"), ("uz-Cyrl", "uz-Cyrl"), ("uz", "ru"), ("ru", "uz-Cyrl"), ("en", "uz"), ("uz-Cyrl", "en")],
)
def test_cannot_translate_other_pairs(translator, source, target):
    assert not translator.can_translate(locale(source), locale(target))


def test_latin_to_cyrillic_keeps_markup_and_link_attributes(translator):
    source, attrs = StringValue.from_source_html(
        '<b>Toshkent</b> shahri <a href="https://example.org/navoiy">Alisher Navoiy</a>'
    )
    result = translator.translate(locale("uz"), locale("uz-Cyrl"), [source])[source]
    assert result.data == '<b>Тошкент</b> шаҳри <a id="a1">Алишер Навоий</a>'
    assert result.render_html(attrs) == '<b>Тошкент</b> шаҳри <a href="https://example.org/navoiy">Алишер Навоий</a>'


def test_cyrillic_to_latin(translator):
    strings = [
        StringValue('<b>Тошкент</b> шаҳри <a id="a1">Алишер Навоий</a>'),
        StringValue.from_plaintext("Ўзбекистон & Қўқон\nИсҳоқ"),
    ]
    result = translator.translate(locale("uz-Cyrl"), locale("uz"), strings)
    assert result[strings[0]].data == '<b>Toshkent</b> shahri <a id="a1">Alisher Navoiy</a>'
    assert result[strings[1]].render_text() == "Oʻzbekiston & Qoʻqon\nIsʼhoq"


def test_unsupported_pair_raises(translator):
    with pytest.raises(ValueError):
        translator.translate(locale("uz"), locale("ru"), [StringValue("Toshkent")])


def test_display_name_and_options():
    assert UzbekTransliterator({}).display_name == "Transliteration (Oʻzbekcha ⇄ Ўзбекча)"
    custom = UzbekTransliterator({"LATIN_CODES": ["uz-latn-uz"], "CYRILLIC_CODES": ["uz-cyrl-uz"]})
    assert custom.can_translate(locale("uz-Latn-UZ"), locale("uz-Cyrl-UZ"))
    assert not custom.can_translate(locale("uz"), locale("uz-Cyrl"))
