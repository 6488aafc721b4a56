"""Template tags for the languages of the public site (home/i18n.py)."""

from django import template
from django.utils import translation

from alphabet import latin_to_cyrillic
from home.i18n import bcp47 as _bcp47
from home.i18n import language_versions_for_context

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The switcher links, the hreflang alternates and the content language of the current page or item."""
    return language_versions_for_context(context)


@register.filter
def bcp47(language_code):
    """A Django language code as a BCP 47 tag for `lang` attributes: uz-cyrl → uz-Cyrl."""
    return _bcp47(language_code)


@register.filter
def in_interface_script(value):
    """Uzbek text kept in Latin script (site settings), in Cyrillic when the interface is Uzbek Cyrillic."""
    if value and translation.get_language() == "uz-cyrl":
        return latin_to_cyrillic(str(value))
    return value
