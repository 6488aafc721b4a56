"""The site's structure, cached between requests under generation tokens.

Every public page needs the same few facts about the site: which site a host name is, the
locales, the home page in the visitor's language and the pages below it (routing), the menu,
the breadcrumbs, the language versions of a page, the library's settings and whether any page
has view restrictions. They change only when an editor publishes, moves or deletes a page or
saves a setting, yet Wagtail reads them from the database on every request (about twenty
queries for an item page). Here they are cached.

The entries live in the "site" cache (cms/settings/base.py: each process's own memory), so
reading them costs no network round trip. Correctness does not depend on the cache being shared
between processes: each entry's key carries the current *generation token* of what it depends
on, a row of `CacheGeneration` that the changes above replace (signals in `connect()`), read
once per request in one query. A change is seen by every process at its next request; a token
replaced in a transaction that rolls back is never reused. Entries expire after
`SITE_CACHE_SECONDS` (default 600), so old generations do not fill the memory.

Generations:

- ``structure``: pages (any save, publish, unpublish, move, delete), sites, locales, page view
  restrictions and site settings;
- ``catalogue``: vocabulary terms renamed, merged or deleted, items withdrawn from the public
  (unpublished, restricted, embargoed or deleted) and translations saved; see
  catalogue/page_cache.py.
"""

import contextvars
import functools
import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import Http404
from django.utils import translation

GENERATIONS = ("structure", "catalogue")
_memo = contextvars.ContextVar("site_cache_generations", default=None)


def cache():
    """The cache of site data: the "site" cache when configured (each process's memory), else the default."""
    return caches["site"] if "site" in settings.CACHES else caches["default"]


def timeout():
    return getattr(settings, "SITE_CACHE_SECONDS", 600)


def generations():
    """{name: token} of every generation: one query, remembered until the end of the request."""
    memo = _memo.get()
    if memo is not None:
        return memo
    from home.models import CacheGeneration

    tokens = dict(CacheGeneration.objects.values_list("name", "token"))
    memo = {name: tokens.get(name, "0") for name in GENERATIONS}
    if _in_request.get():
        _memo.set(memo)
    return memo


_in_request = contextvars.ContextVar("site_cache_in_request", default=False)


def bump(*names):
    """Start a new generation of `names`: entries cached under the old token are not read again."""
    from home.models import CacheGeneration

    for name in names:
        token = uuid.uuid4().hex
        if not CacheGeneration.objects.filter(name=name).update(token=token):
            CacheGeneration.objects.update_or_create(name=name, defaults={"token": token})
    _memo.set(None)


@functools.cache
def _template_files_digest():
    """The project's templates as they are on disk when the process starts."""
    from django.template import engines

    base = Path(settings.BASE_DIR).resolve()
    digest = hashlib.sha1()
    for engine in engines.all():
        for directory in getattr(engine, "template_dirs", ()):
            directory = Path(directory).resolve()
            if not directory.is_relative_to(base) or ".venv" in directory.parts:
                continue  # installed packages change with a release's requirements, not here
            for path in sorted(directory.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


@functools.cache
def _setting_names():
    return sorted(name for name in dir(settings) if name.startswith("KUTUBXONA_"))


def code_token():
    """What cached HTML also depends on besides the data: the templates (a new release) and the
    site's own settings (KUTUBXONA_*). Part of every key, so a deployment never serves pages
    rendered by the previous release's templates from a cache shared between releases (Redis)."""
    values = repr([getattr(settings, name, None) for name in _setting_names()])
    return _template_files_digest() + hashlib.sha1(values.encode()).hexdigest()[:8]


def cached(key, build, depends=("structure",)):
    """The value cached under `key` for the current generations of `depends`, built when missing.

    `build()` must return a picklable value; None is cached as well (as a miss marker).
    """
    tokens = generations()
    full_key = ":".join(["site", *(str(part) for part in key), *(tokens[name] for name in depends), code_token()])
    entry = cache().get(full_key)
    if entry is not None:
        return entry[0]
    value = build()
    cache().set(full_key, (value,), timeout())
    return value


def rendered_key(request, *parts):
    """The cache key of HTML rendered for a visitor who is not signed in: `parts`, the language,
    the host and scheme (absolute links), every generation token and the code token."""
    return ":".join(
        [
            *(str(part) for part in parts),
            translation.get_language() or "",
            request.get_host(),
            request.scheme,
            *generations().values(),
            code_token(),
        ]
    )


def cached_query(kind, queryset, build, depends=("catalogue",)):
    """`build()` cached under the SQL of `queryset` (hashed) for the current generations of `depends`.

    For aggregates over many rows (a list's facets and count): an item withdrawn from the public
    raises the catalogue generation, so counts never include it; items added are counted when
    the entry expires (`SITE_CACHE_SECONDS`).
    """
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha1(repr((sql, params)).encode()).hexdigest()
    return cached((kind, digest), build, depends=depends)


class SiteCacheMiddleware:
    """Reads the generation tokens once per request and routes Wagtail pages through the cache.

    Wagtail's `serve` looks the site and the page up again for each request (a site query,
    a locale query and two queries per level of the path). Here they come from the cache:
    `request._wagtail_site` and `request._wagtail_route_for_request`, which Wagtail reads
    before querying, are filled in before the view runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo_token = _memo.set(None)
        request_token = _in_request.set(True)
        try:
            return self.get_response(request)
        finally:
            _memo.reset(memo_token)
            _in_request.reset(request_token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        site = site_for_request(request)
        if site is None:
            return None
        root = localized_root(site)
        if root is None:
            return None
        try:
            request._wagtail_route_for_request = root.route(request, [c for c in path.split("/") if c])
        except Http404:
            request._wagtail_route_for_request = None
        return None


# --- Sites, locales and pages --------------------------------------------------------------


def site_for_request(request):
    """Wagtail's Site.find_for_request, cached per host and port (and remembered on the request)."""
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    site = cached(("site", hostname, port), lambda: Site._find_for_request(request))
    request._wagtail_site = site
    return site


def locales():
    """{language_code: id} of the enabled locales."""
    from wagtail.models import Locale

    return cached(("locales",), lambda: dict(Locale.objects.values_list("language_code", "pk")))


def language_code(locale_id):
    """The language code of the locale `locale_id`, or ""."""
    return next((code for code, pk in locales().items() if pk == locale_id), "")


def locale_for_language(language_code):
    """Wagtail's Locale.objects.get_for_language, from the cache (raises Locale.DoesNotExist)."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    code = get_supported_content_language_variant(language_code)
    pk = locales().get(code)
    if pk is None:
        raise Locale.DoesNotExist(f"No locale for {code!r}.")
    return Locale.from_db(None, ["id", "language_code"], (pk, code))


def active_locale_id():
    """The id of the locale of the active language (the default locale's when it has none)."""
    from wagtail.models import Locale

    try:
        return locale_for_language(translation.get_language() or settings.LANGUAGE_CODE).pk
    except (LookupError, Locale.DoesNotExist):
        return default_locale_id()


def default_locale_id():
    return locale_for_language(settings.LANGUAGE_CODE).pk


def localized_root(site):
    """The site's root page in the active language (its translation when live), specific."""
    from wagtail.models import Page

    language = translation.get_language() or settings.LANGUAGE_CODE

    def build():
        root = Page.objects.filter(pk=site.root_page_id).first()
        return root.localized.specific if root is not None else None

    return cached(("root", site.pk, site.root_page_id, language), build)


def children(page):
    """{slug: specific child page} of `page`, live or not (as Wagtail's own route sees them)."""
    return cached(("children", page.pk), lambda: {child.slug: child for child in page.get_children().specific()})


def any_view_restrictions():
    """Whether any page has a view restriction (most sites have none: the check can be skipped)."""
    from wagtail.models import PageViewRestriction

    return cached(("restrictions",), lambda: PageViewRestriction.objects.exists())


def ancestors(page):
    """The live ancestors of `page` below the tree root, the site's home page first."""
    return cached(("ancestors", page.pk), lambda: list(page.get_ancestors().live().filter(depth__gt=1)))


# --- Invalidation -----------------------------------------------------------------------------


def _bump_structure(sender=None, **kwargs):
    bump("structure")


def _bump_catalogue(sender=None, **kwargs):
    bump("catalogue")


def _page_saved(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump("structure")


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_page_saved, dispatch_uid="site_cache.page_saved")
    post_delete.connect(_page_saved, dispatch_uid="site_cache.page_deleted")
    page_published.connect(_bump_structure, dispatch_uid="site_cache.page_published")
    page_unpublished.connect(_bump_structure, dispatch_uid="site_cache.page_unpublished")
    post_page_move.connect(_bump_structure, dispatch_uid="site_cache.page_moved")
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(_bump_structure, sender=model, dispatch_uid=f"site_cache.save.{model.__name__}")
        post_delete.connect(_bump_structure, sender=model, dispatch_uid=f"site_cache.delete.{model.__name__}")

    def setting_saved(sender, created=False, **kwargs):
        # A settings row made with its defaults on first use changes nothing that was shown.
        if isinstance(sender, type) and issubclass(sender, BaseSiteSetting) and not created:
            bump("structure")

    post_save.connect(setting_saved, dispatch_uid="site_cache.setting_saved", weak=False)
    post_delete.connect(setting_saved, dispatch_uid="site_cache.setting_deleted", weak=False)
