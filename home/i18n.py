"""The languages of the public site: the language switcher and the `hreflang` alternates.

A page or catalogue item exists in a language when a live translation of it (same
`translation_key`) exists in that language's locale. A wagtail-localize alias — the copy a
synchronised tree holds until an editor translates it — shows the source text and does not
count as a translation. The switcher links to the translation where there is one, and
otherwise to that language's home page, saying that the page is not translated yet.

Everything here costs a fixed number of queries per request (one for the translations of a
page, two or three for an item), whatever the number of pages or items.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from wagtail.models import Page

MEMO = "_language_versions_memo"


def bcp47(language_code):
    """The BCP 47 tag of a Django language code, as `lang` and `hreflang` write it: uz-cyrl → uz-Cyrl."""
    language, _, rest = (language_code or "").partition("-")
    if not rest:
        return language.lower()
    subtags = rest.split("-")
    first = subtags[0]
    if len(first) == 4:  # script
        first = first.title()
    elif len(first) == 2:  # region
        first = first.upper()
    return "-".join([language.lower(), first, *subtags[1:]])


@dataclass
class LanguageLink:
    """One entry of the language switcher."""

    code: str  # Django language code, e.g. "uz-cyrl"
    name: str  # the language's own name, e.g. "Ўзбекча"
    url: str
    current: bool  # the language the visitor is reading in
    translated: bool  # False: `url` is that language's home page; the page itself is not translated

    @property
    def tag(self):
        return bcp47(self.code)


@dataclass
class Alternate:
    """One `<link rel="alternate" hreflang=…>` of the page head."""

    hreflang: str
    url: str


@dataclass
class LanguageVersions:
    links: list
    alternates: list
    # Language of the content shown when it differs from the interface language (an alias
    # or a page served from another locale), else "".
    content_language: str = ""


def language_home_url(language_code):
    """The home page of a language: / for the default language, /ru/ etc. for the others."""
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            return "/"


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None and url else url


def _is_page(obj):
    return isinstance(obj, Page) and obj.pk is not None


def _is_item(obj):
    from catalogue.models import Item

    return isinstance(obj, Item) and obj.pk is not None


def _page_versions(request, page):
    """{language_code: (url, public)} of the real (non-alias) live translations of `page`, itself included.

    From the site cache: pages change only with the structure generation (home/site_cache.py)."""
    from home.site_cache import cached, site_for_request

    site = site_for_request(request) if request is not None else None
    return cached(
        ("versions", str(page.translation_key), site.pk if site else None),
        lambda: _query_page_versions(request, page),
    )


def _query_page_versions(request, page):
    pages = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .public()
        .select_related("locale")
        .order_by()
    )
    versions = {}
    for version in pages:
        url = version.get_url(request)
        if url:
            versions[version.locale.language_code] = (url, True)
    return versions


def _item_versions(request, item):
    """{language_code: (url, public)} of the translations of `item` the visitor may open, itself included."""
    from catalogue.models import Item
    from home.site_cache import language_code

    user = getattr(request, "user", None)
    items = (
        Item.objects.filter(translation_key=item.translation_key)
        .only("pk", "slug", "locale_id", "live", "access_level", "embargo_until")
        .order_by()
    )
    if user is not None:
        items = items.visible_to(user)
    else:
        items = items.public()
    versions = {}
    for version in items:
        if not version.live and version.pk != item.pk:
            continue
        url = version.get_canonical_url(request)
        code = language_code(version.locale_id)
        if url and code:
            versions[code] = (url, version.is_public)
    return versions


def language_versions(request, page=None, item=None):
    """The language switcher and alternates for the page or item being shown (or any other view)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    obj = item if _is_item(item) else page if _is_page(page) else None

    if obj is None:
        # A view that is not a page or an item (search, error pages): the same address in the
        # other language where it has one (i18n_patterns), else that language's home page.
        path = request.get_full_path() if request is not None else "/"
        links = []
        for code, name in settings.LANGUAGES:
            url = translate_url(path, code) if request is not None else ""
            translated = bool(url) and (url != path or code == current)
            links.append(
                LanguageLink(
                    code=code,
                    name=name,
                    url=url if translated else language_home_url(code),
                    current=code == current,
                    translated=translated,
                )
            )
        return LanguageVersions(links=links, alternates=[])

    versions = _item_versions(request, obj) if obj is item else _page_versions(request, obj)

    links = []
    for code, name in settings.LANGUAGES:
        if code in versions:
            links.append(LanguageLink(code, name, versions[code][0], code == current, True))
        elif code == current:
            # The visitor is here, reading content of another language (an alias or a fallback).
            path = request.path if request is not None else ""
            links.append(LanguageLink(code, name, path, True, False))
        else:
            links.append(LanguageLink(code, name, language_home_url(code), False, False))

    public = {code: url for code, (url, is_public) in versions.items() if is_public}
    alternates = [
        Alternate(bcp47(code), _absolute(request, public[code])) for code, _ in settings.LANGUAGES if code in public
    ]
    if alternates:
        default = public.get(settings.LANGUAGE_CODE) or alternates[0].url
        alternates.append(Alternate("x-default", _absolute(request, default)))

    content_language = _content_language(obj)
    if content_language == current:
        content_language = ""
    return LanguageVersions(links=links, alternates=alternates, content_language=bcp47(content_language))


def _content_language(obj):
    """The language code of the text `obj` shows: for an alias page, that of the page it copies."""
    from home.site_cache import cached, language_code

    locale_id = obj.locale_id
    if isinstance(obj, Page) and obj.alias_of_id:
        locale_id = (
            cached(
                ("alias_locale", obj.alias_of_id),
                lambda: Page.objects.filter(pk=obj.alias_of_id).values_list("locale_id", flat=True).first(),
            )
            or locale_id
        )
    return language_code(locale_id)


def language_versions_for_context(context):
    """`language_versions` for a template context, computed once per request."""
    request = context.get("request")
    memo = getattr(request, MEMO, None) if request is not None else None
    if memo is not None:
        return memo
    result = language_versions(request, page=context.get("page"), item=context.get("item"))
    if request is not None:
        setattr(request, MEMO, result)
    return result


def machine_translate(instance, target_locale, user, publish=True):
    """Translate a page or item into `target_locale` with the configured machine translator and save it.

    Does what an editor does in the admin: "Translate" (wagtail-localize), "Machine translate",
    "Publish". For the Uzbek locales the translator is the transliterator of
    alphabet.translator, so this makes the Cyrillic edition of a Latin page (or the reverse).
    An alias of `instance` in `target_locale` becomes a translation. Strings translated before
    are kept. `user` must be allowed to edit `instance`. Returns the translated instance.
    """
    from wagtail_localize.machine_translators import get_machine_translator
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.operations import TranslationCreator
    from wagtail_localize.views.edit_translation import apply_machine_translation

    translator = get_machine_translator()
    if translator is None or not translator.can_translate(instance.locale, target_locale):
        raise ValueError(f"No machine translation from {instance.locale} into {target_locale}.")
    if instance.get_translation_or_none(target_locale) is None:
        # "Translate" first, as the admin does: a page of a synchronised tree has its alias
        # already, a catalogue item gets its copy in the target locale here.
        TranslationCreator(user, [target_locale]).create_translations(instance, include_related_objects=False)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target_locale)
    apply_machine_translation(translation.pk, user, translator)
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(target_locale)


def in_locale(queryset, locale_id):
    """The objects of `queryset` a visitor of `locale_id` sees: those in that locale, and those of the
    default locale that have no translation into it (a record not yet translated is still listed,
    in its own language, rather than missing from the Russian or English catalogue)."""
    from home.site_cache import default_locale_id

    default_id = default_locale_id()
    if locale_id == default_id:
        return queryset.filter(locale_id=locale_id)
    translated = queryset.model._default_manager.filter(locale_id=locale_id).values("translation_key")
    return queryset.filter(Q(locale_id=locale_id) | (Q(locale_id=default_id) & ~Q(translation_key__in=translated)))


def default_locale_path(page):
    """The tree path of the default-locale version of `page` (the page an alias copies), or None."""
    from home.site_cache import cached, default_locale_id

    def build():
        if page.alias_of_id:
            return Page.objects.filter(pk=page.alias_of_id).values_list("path", flat=True).first()
        return (
            Page.objects.filter(translation_key=page.translation_key, locale_id=default_locale_id())
            .values_list("path", flat=True)
            .first()
        )

    return cached(("default_path", page.pk), build)
