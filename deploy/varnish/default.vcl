vcl 4.1;

# Kutubxona's caching proxy (Varnish 7). What may be cached is decided by the application's
# Cache-Control (cms/http_cache.py); this file makes sure nothing personal is ever stored, keeps
# one copy per address, and lets Wagtail purge a page with PURGE (docs/deploy.md, "HTTP cache").
#
# Installation-specific parts (backends, purge ACL) live in backends.vcl, found on vcl_path.

import directors;
import std;

include "backends.vcl";

sub vcl_init {
    call kutubxona_init;
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every cached copy of this path goes, whatever its query string (the pages, filters and
        # sorting of a list): Wagtail purges one URL per page. Compared as plain strings, so a path
        # needs no escaping; lurker-friendly (only obj.* is tested), so old objects are cleaned
        # in the background.
        if (!std.ban("obj.http.x-kutubxona-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(400, std.ban_error()));
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never from the cache: the admin (and its previews), restricted files, signed-in users.
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/files/private/") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session cookie ("sessionid", "__Host-sessionid" in production) may mean a signed-in user.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);
    }
    # Other cookies (the CSRF cookie of a past sign-in form, analytics) do not change a public
    # page: dropped, so every anonymous visitor shares one copy (the application answers with
    # Vary: Cookie, and every request that reaches the cache now has none). A page that needs the
    # CSRF cookie sets it again, and an answer that sets a cookie is never stored.
    unset req.http.Cookie;
    # Pages are negotiated by URL, not by the browser's language (docs/languages.md).
    return (hash);
}

sub vcl_backend_response {
    # Remembered on the object for PURGE (see vcl_recv).
    set beresp.http.x-kutubxona-path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the application declared public for a shared cache is kept; never an answer that
    # sets a cookie or is private. An answer without Cache-Control is not guessed at.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(public|s-maxage)"
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Served stale for a little while when the application is slow or down, refreshed behind.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-kutubxona-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
