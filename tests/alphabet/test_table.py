"""The alphabet is data: the functions read it from a TOML table."""

import tomllib

from alphabet import canonical_key, cyrillic_to_latin, latin_to_cyrillic, load_table
from alphabet.table import DEFAULT_TABLE


def test_default_table_is_the_1995_alphabet_and_is_cached():
    table = load_table()
    assert table.code == "uz-latn-1995"
    assert table.path == DEFAULT_TABLE
    assert load_table(DEFAULT_TABLE) is table


def test_default_table_is_valid_toml_with_every_cyrillic_letter():
    with DEFAULT_TABLE.open("rb") as f:
        data = tomllib.load(f)
    letters = data["cyrillic_to_latin"]["letters"]
    assert set("абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ") <= set(letters)


def test_a_modified_table_changes_the_output(tmp_path):
    text = DEFAULT_TABLE.read_text(encoding="utf-8")
    text = text.replace('"ш" = "sh"', '"ш" = "ş"').replace('"sh" = "ш"', '"ş" = "ш"')
    text = text.replace('"сентябр" = "sentabr"', '"сентябр" = "sentyabr"')
    path = tmp_path / "uz-latn-reform.toml"
    path.write_text(text, encoding="utf-8")

    reform = load_table(path)

    assert reform.path == path
    assert cyrillic_to_latin("Тошкент", table=reform) == "Toşkent"
    assert cyrillic_to_latin("сентябр", table=reform) == "sentyabr"
    assert latin_to_cyrillic("Toşkent", table=reform) == "Тошкент"
    assert canonical_key("Тошкент", table=reform) == "toşkent"
    # The default table is untouched.
    assert cyrillic_to_latin("Тошкент") == "Toshkent"
