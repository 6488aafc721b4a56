"""The interface in four languages: complete message catalogues, the generated Cyrillic one, formats."""

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.management import call_command
from django.utils import translation
from django.utils.formats import date_format

from alphabet import latin_to_cyrillic
from home.catalogues import transliterate_message

from .helpers import soup

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"


def catalogue(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


def test_every_string_of_the_interface_is_translated(tmp_path):
    """makemessages over the sources finds no message without an Uzbek and a Russian translation."""
    copy = tmp_path / "src"
    skip = {".git", ".venv", "node_modules", "var", "media", "private-media", "static_collected", "tests", "bench"}
    shutil.copytree(ROOT, copy, ignore=lambda d, names: [n for n in names if Path(d) == ROOT and n in skip])
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "uz", "-l", "ru", "--no-obsolete", "-v", "0"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    for code in ("uz", "ru"):
        po = polib.pofile(str(copy / "locale" / code / "LC_MESSAGES" / "django.po"))
        missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
        assert not missing, f"{code}: {len(missing)} messages without a translation, e.g. {missing[:5]}"
        assert len(po) > 500


@pytest.mark.parametrize("code", ["uz", "uz_Cyrl", "ru"])
def test_translations_keep_the_placeholders(code):
    """msgfmt checks that each translation has the placeholders of its message (%(count)s, {name})."""
    path = LOCALE / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr


def test_the_cyrillic_catalogue_is_the_transliteration_of_the_latin_one():
    call_command("transliterate_catalogue", "--check")  # raises when locale/uz_Cyrl is out of date
    latin = {e.msgid: e.msgstr for e in catalogue("uz").translated_entries() if not e.msgid_plural}
    cyrillic = {e.msgid: e.msgstr for e in catalogue("uz_Cyrl") if not e.msgid_plural}
    for msgid, text in latin.items():
        assert cyrillic[msgid] == transliterate_message(text)


def test_transliteration_keeps_placeholders_markup_and_codes():
    text = "%(count)s ta <a href='/x'>kolleksiya</a>: uz-Latn, image/tiff, PDF, {name}, Creative Commons"
    assert transliterate_message(text) == (
        "%(count)s та <a href='/x'>коллекция</a>: uz-Latn, image/tiff, PDF, {name}, Creative Commons"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("prefix,code", [("", "uz"), ("/uz-cyrl", "uz_Cyrl"), ("/ru", "ru"), ("/en", None)])
def test_public_pages_speak_the_visitors_language(client, library, prefix, code):
    """The search page, as a visitor in each language gets it, with its words from that catalogue."""
    messages = {e.msgid: e.msgstr for e in catalogue(code).translated_entries()} if code else {}
    heading = messages.get("Search the library", "Search the library")
    hint = messages.get("Use fewer or more general words.", "Use fewer or more general words.")

    html = soup(client.get(f"{prefix}/search/", {"q": "zzzqqxx"}))
    assert html.h1.get_text(strip=True) == heading
    assert hint in html.get_text()
    if code == "uz_Cyrl":
        latin = {e.msgid: e.msgstr for e in catalogue("uz").translated_entries()}
        assert heading == latin_to_cyrillic(latin["Search the library"]) != latin["Search the library"]
        # The library's name, kept in Latin in the settings, is written in Cyrillic too.
        assert html.title.get_text().endswith("· Кутубхона")
    if code:
        assert heading != "Search the library"


@pytest.mark.parametrize(
    "language,expected_date,expected_number",
    [
        ("uz", "2-Dekabr, 2026-yil", "12\xa0345"),
        ("uz-cyrl", "2-Декабр, 2026-йил", "12\xa0345"),
        ("ru", "2 декабря 2026 г.", "12\xa0345"),
        ("en", "Dec. 2, 2026", "12,345"),
    ],
)
def test_dates_and_numbers_follow_the_language(language, expected_date, expected_number):
    with translation.override(language):
        assert date_format(date(2026, 12, 2), "DATE_FORMAT") == expected_date
        assert intcomma(12345) == expected_number


@pytest.mark.parametrize(
    "language,expected",
    [("uz", "Chigʻatoy tili"), ("uz-cyrl", "Чиғатой тили"), ("ru", "чагатайский"), ("en", "Chagatai")],
)
def test_language_names_follow_the_interface(language, expected):
    from catalogue.models import Language

    with translation.override(language):
        assert str(Language(code="chg", name="Chagatai")) == expected
        # A language without an Uzbek name keeps its English one rather than showing nothing.
        assert str(Language(code="zzz", name="Unlisted")) == "Unlisted"


def test_chooser_blocks_speak_each_editors_language():
    """Wagtail keeps a chooser block's widget for the life of the process; ours is made per language,
    so an editor in English after one in Russian still reads "Choose item"."""
    from exhibits.blocks import ItemChooserBlock as ExhibitItemChooser
    from reading_lists.blocks import ItemChooserBlock

    for block in (ItemChooserBlock("catalogue.Item"), ExhibitItemChooser()):
        with translation.override("ru"):
            russian = str(block.widget.choose_one_text)
        with translation.override("en"):
            assert str(block.widget.choose_one_text) == "Choose item"
        assert russian != "Choose item"
