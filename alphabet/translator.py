"""A wagtail-localize machine translator that transliterates between Uzbek Latin and Uzbek Cyrillic.

Enable it in settings::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "alphabet.translator.UzbekTransliterator"}

Optional ``OPTIONS``: ``LATIN_CODES`` and ``CYRILLIC_CODES`` (lists of locale language codes, compared
case-insensitively) replace the defaults below.
"""

from bs4 import BeautifulSoup, NavigableString
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .uzbek import cyrillic_to_latin, latin_to_cyrillic

LATIN_CODES = ("uz", "uz-latn")
CYRILLIC_CODES = ("uz-cyrl",)


def _normalise(code):
    return code.replace("_", "-").lower()


def transliterate_html(html, convert):
    """Apply ``convert`` to the text nodes of an HTML fragment; tags and attributes are kept as they are.

    Each text node is converted on its own, so a word split by an inline tag is read as two words.
    """
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if type(node) is NavigableString:  # not comments or other subclasses
            node.replace_with(convert(str(node)))
    return str(soup)


class UzbekTransliterator(BaseMachineTranslator):
    """Fills in a uz-Cyrl translation from the uz (Latin) source, or the other way round, by transliteration."""

    display_name = "Transliteration (Oʻzbekcha ⇄ Ўзбекча)"

    def __init__(self, options=None):
        super().__init__(options or {})
        self.latin_codes = {_normalise(c) for c in self.options.get("LATIN_CODES", LATIN_CODES)}
        self.cyrillic_codes = {_normalise(c) for c in self.options.get("CYRILLIC_CODES", CYRILLIC_CODES)}

    def _converter(self, source_locale, target_locale):
        source = _normalise(source_locale.language_code)
        target = _normalise(target_locale.language_code)
        if source in self.latin_codes and target in self.cyrillic_codes:
            return latin_to_cyrillic
        if source in self.cyrillic_codes and target in self.latin_codes:
            return cyrillic_to_latin
        return None

    def can_translate(self, source_locale, target_locale):
        return self._converter(source_locale, target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        convert = self._converter(source_locale, target_locale)
        if convert is None:
            raise ValueError(f"Cannot transliterate {source_locale.language_code} → {target_locale.language_code}")
        return {
            string: StringValue.from_translated_html(transliterate_html(string.data, convert)) for string in strings
        }
