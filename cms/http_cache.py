"""Cache-Control for the caching proxy and browsers (see docs/deploy.md, "HTTP cache").

Only what every visitor sees alike may be stored by a shared cache: an anonymous GET or HEAD
of a public page, item or listing that sets no cookie. Everything else — signed-in users,
previews, the admin, private files, restricted records, answers that set a cookie — is marked
`private, no-store`, so neither the proxy nor a browser keeps a copy another visitor could get.
"""

from django.conf import settings
from django.urls import LocalePrefixPattern, Resolver404, get_resolver
from django.utils.cache import patch_cache_control, patch_vary_headers

# Responses a shared cache may keep; anything else (404 of a restricted record, a redirect to
# a translation that can be withdrawn, an error) is answered afresh every time.
CACHEABLE_STATUSES = {200, 301}
SAFE_METHODS = {"GET", "HEAD"}
# Never stored, whoever asks: the admin (and its previews), Django's admin, restricted files.
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/files/private/")
NEVER = "private, no-store"


def _is_signed_in(request):
    # Without a session cookie nobody is signed in: no need to load a session to know it.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def _language_from_url(path):
    """Whether `path` is served by the i18n patterns, whose language comes from the URL alone."""
    for pattern in get_resolver().url_patterns:
        try:
            match = pattern.resolve(path.lstrip("/"))
        except Resolver404:
            continue
        if match:
            return isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
    return False


def _drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip() and v.strip().lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def mark_private(response):
    response["Cache-Control"] = NEVER
    for header in ("ETag", "Last-Modified", "Expires"):
        if response.has_header(header):
            del response[header]


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "").lower()
        private = (
            request.path.startswith(PRIVATE_PREFIXES)
            or getattr(request, "is_preview", False)
            or response.cookies
            or _is_signed_in(request)
        )
        if private:
            if "no-store" not in cache_control or "private" not in cache_control:
                mark_private(response)
            return response
        if request.method not in SAFE_METHODS:
            return response
        if cache_control:
            # The view chose (the search sets a short public lifetime of its own).
            return response
        if response.status_code not in CACHEABLE_STATUSES:
            mark_private(response)
            return response
        patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE, s_maxage=settings.CACHE_S_MAXAGE)
        # The page reads the session (to know nobody is signed in): it differs with the cookie.
        patch_vary_headers(response, ("Cookie",))
        if _language_from_url(request.path):
            # LocaleMiddleware adds Vary: Accept-Language to unprefixed addresses, but those are
            # Uzbek whatever the browser asks for (docs/languages.md): one copy per address.
            _drop_vary(response, "Accept-Language")
        return response
