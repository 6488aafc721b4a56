from bs4 import BeautifulSoup
from wagtail.models import Locale


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_page(page, code, **fields):
    """A published translation of `page` into the locale `code`, with `fields` changed."""
    translated = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def translate_item(item, code, **fields):
    """A published translation of catalogue item `item` into the locale `code`."""
    translated = item.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.live = True
    translated.save()
    return translated


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def switcher(response):
    """{language code: the switcher's <a>} of a response."""
    nav = soup(response).select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    return {a["hreflang"]: a for a in nav.select("a")}


def alternates(response):
    return {link["hreflang"]: link["href"] for link in soup(response).select('head link[rel="alternate"][hreflang]')}
