"""The sitemap: the pages of every language's tree plus every public catalogue item.

Each URL lists its translations as `<xhtml:link rel="alternate" hreflang=…>` (with `x-default`,
the Uzbek version), as search engines ask of multilingual sites
(https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
Only what every visitor may open is listed: live pages without view restrictions, and items
of Item.objects.public(). wagtail-localize aliases are left out: they repeat the Uzbek text
under another address until an editor translates them (docs/languages.md).

Each section of the sitemap page costs a fixed number of queries, whatever its size.
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page

from catalogue.models import Item

# Sitemaps may hold 50,000 URLs; with up to four alternates each, pages stay well below 50 MB.
LIMIT = 5000


def _locale_codes():
    return {locale.pk: locale.language_code for locale in Locale.objects.all()}


def _alternates(versions, locale_codes, default_code):
    """hreflang alternates of a group of translations [(locale_id, absolute URL)], or [] for one language."""
    from home.i18n import bcp47

    if len(versions) < 2:
        return []
    alternates = [{"lang_code": bcp47(locale_codes[locale_id]), "location": url} for locale_id, url in versions]
    default = next((url for locale_id, url in versions if locale_codes[locale_id] == default_code), None)
    if default:
        alternates.append({"lang_code": "x-default", "location": default})
    return alternates


class PageSitemap(WagtailSitemap):
    """Live, public pages of the site's tree in every locale (not only the default one)."""

    limit = LIMIT

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
        in_trees = Q()
        for path in roots:
            in_trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_trees, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        keys = {p.translation_key for p in pages}
        translations = defaultdict(list)
        for version in (
            Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).live().public().order_by("locale_id")
        ):
            url = version.get_full_url(self.request)
            if url:
                translations[version.translation_key].append((version.locale_id, url))
        locale_codes = _locale_codes()
        default_code = Locale.get_default().language_code
        urls = []
        last_mods = set()
        for p in pages:
            alternates = _alternates(translations[p.translation_key], locale_codes, default_code)
            for url_info in p.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", alternates)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class ItemSitemap(Sitemap):
    """Every public item at its canonical address, with its public translations as alternates."""

    limit = LIMIT
    FIELDS = ("pk", "slug", "locale_id", "translation_key", "updated_at")

    def __init__(self, request=None):
        self.request = request

    def items(self):
        return Item.objects.public().order_by("pk").only(*self.FIELDS)

    def location(self, item):
        # Sitemap.get_urls() prefixes the domain itself; pass the path only.
        return item.get_canonical_url(self.request)

    def lastmod(self, item):
        return item.updated_at

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in items}
        translations = defaultdict(list)
        for version in Item.objects.public().filter(translation_key__in=keys).order_by("locale_id").only(*self.FIELDS):
            url = version.get_canonical_url(self.request)
            if url:
                translations[version.translation_key].append((version.locale_id, f"{protocol}://{domain}{url}"))
        locale_codes = _locale_codes()
        default_code = Locale.get_default().language_code
        urls = []
        for item in items:
            path = self.location(item)
            if not path:
                continue
            urls.append(
                {
                    "item": item,
                    "location": f"{protocol}://{domain}{path}",
                    "lastmod": item.updated_at,
                    "alternates": _alternates(translations[item.translation_key], locale_codes, default_code),
                }
            )
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


def sitemaps_for(request):
    return {"pages": PageSitemap(request), "items": ItemSitemap(request)}
