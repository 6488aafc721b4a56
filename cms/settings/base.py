"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the environment
(documented in docs/configuration.md). With nothing set, the site runs on embedded
defaults: SQLite, local files, immediate tasks and a local-memory cache.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


INSTALLED_APPS = [
    "home",
    "catalogue",
    "reading_lists",
    "exhibits",
    "media_library",
    "search",
    "oai",
    "interchange",
    "api",
    "harvest",
    "plone_import",
    # Translation of pages and items: synchronised locale trees and the translation editor.
    # wagtail_localize.locales replaces wagtail.locales (https://wagtail-localize.org/stable/how-to/installation/).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    # Editors' picks for search queries (Settings → Promoted search results) and query statistics.
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "storages",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 answers for what cms.http_cache marks cacheable (it skips no-store responses).
    "django.middleware.http.ConditionalGetMiddleware",
    # Site structure from the cache (home/site_cache.py): menus, routing, settings, locales.
    "home.site_cache.SiteCacheMiddleware",
    # Cache-Control for the proxy and browsers: sees the final response of everything below.
    "cms.http_cache.CacheHeadersMiddleware",
    # Anonymous GET/HEAD requests read from the replicas, if any (cms/db_routers.py).
    "cms.db_routers.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

# Sign-in is rate-limited against password guessing (django-axes):
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address lock that pair for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Behind the production proxy the client address comes from X-Forwarded-For (see production.py).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0"))

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: https://github.com/jazzband/dj-database-url
# SQLite by default so the site runs anywhere; PostgreSQL in production and tests.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections roughly triple throughput under gunicorn.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Read-only PostgreSQL replicas (comma-separated URLs): anonymous visitors' pages read from them,
# everything else (staff, signed-in readers, writes, tasks, commands) uses DATABASE_URL.
# See docs/deploy.md, "PostgreSQL replicas".
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{_number}"] = dj_database_url.parse(
        _url, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    # Tests see the primary under the replica's name rather than a database of their own.
    DATABASES[f"replica{_number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
DATABASE_ROUTERS = ["cms.db_routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: https://docs.djangoproject.com/en/5.2/topics/i18n/
# and https://docs.wagtail.org/en/stable/advanced_topics/i18n.html (docs/languages.md).
# Uzbek in Latin script is the library's default language and keeps unprefixed URLs;
# the other languages are served under /uz-cyrl/, /ru/ and /en/ (cms/urls.py).
LANGUAGE_CODE = "uz"
LANGUAGES = [
    ("uz", "Oʻzbekcha"),
    ("uz-cyrl", "Ўзбекча"),
    ("ru", "Русский"),
    ("en", "English"),
]
# Every interface language is also a content language: one Wagtail Locale each
# (created by home/migrations/0003_locales.py).
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Message catalogues (compiled by `make run`/`make test`): uz and ru are written by translators, uz_Cyrl
# is generated from uz by `manage.py transliterate_catalogue`; English is the language of the source.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers follow the language (Django's formats, plus Uzbek Cyrillic in cms/formats/).
FORMAT_MODULE_PATH = ["cms.formats"]
# The Uzbek Cyrillic edition of a page or item is made from the Latin one by transliteration,
# with the translation editor's "Machine translate" button (alphabet/translator.py).
# https://wagtail-localize.org/stable/how-to/integrations/machine-translation/
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "alphabet.translator.UzbekTransliterator"}
TIME_ZONE = "Asia/Tashkent"
USE_I18N = True
USE_TZ = True

# Static files (the project's own CSS/JS; front-end libraries come from npm).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The Mirador IIIF viewer, installed by scripts/npm-install.sh (package.json).
    ("vendor/mirador", BASE_DIR / "node_modules" / "mirador" / "dist"),
    # Leaflet, for exhibit maps when a tile server is configured (KUTUBXONA_MAP_TILE_URL).
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Restricted files on local storage: outside MEDIA_ROOT and never served by URL;
# only the permission-checking view streams them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

# --- Storage -----------------------------------------------------------------------
# S3-compatible object storage only when a bucket is configured; otherwise local files.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# Restricted files (reading room, staff only, embargoed) go to a separate bucket that
# is never public; URLs to it are signed and short-lived.
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")

STATIC_STORAGE_BACKEND = os.environ.get(
    "STATIC_STORAGE_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

if AWS_STORAGE_BUCKET_NAME:
    # Endpoint of an S3-compatible service (MinIO, Ceph, moto); empty for AWS itself.
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "us-east-1")
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    # SigV4 is the only signature every provider accepts; the default is SigV2.
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    # Path-style works with IP endpoints (MinIO, Ceph, moto); AWS accepts "virtual" too.
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")
    # With True, two uploads of "scan.png" share one key and deleting one destroys
    # the other. https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
    AWS_S3_FILE_OVERWRITE = False
    # A public URL base (a CDN in front of the bucket), if any.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    AWS_DEFAULT_ACL = None
    PUBLIC_STORAGE = {"BACKEND": "cms.storages.PublicMediaStorage"}
    PRIVATE_STORAGE = {"BACKEND": "cms.storages.PrivateMediaStorage"}
else:
    PUBLIC_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    PRIVATE_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    }

STORAGES = {
    # Routes each file to "public" or "private" by its name (cms/storages.py).
    "default": {"BACKEND": "cms.storages.MediaStorage"},
    "public": PUBLIC_STORAGE,
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": STATIC_STORAGE_BACKEND},
}

# --- Cache ---------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/cache/#redis
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The site's structure, menus and page fragments (home/site_cache.py), in each process's own
# memory: read a dozen times per page, they cost no network round trip. Entries are keyed by
# generation tokens kept in the database, so a change made in any process shows in every one.
CACHES["site"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "kutubxona-site",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("SITE_CACHE_ENTRIES", "3000"))},
}
SITE_CACHE_SECONDS = int(os.environ.get("SITE_CACHE_SECONDS", "600"))

# --- HTTP cache (docs/deploy.md) ----------------------------------------------------------
# Anonymous public pages are sent with Cache-Control: public, max-age=CACHE_MAX_AGE (browsers),
# s-maxage=CACHE_S_MAXAGE (the caching proxy). Publishing purges the proxy, so its copy can live
# long; a browser's copy cannot be purged, so it stays short.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "3600"))
# Wagtail's frontend cache invalidation sends PURGE to the proxy (deploy/varnish/default.vcl)
# when pages and items are published, unpublished or deleted:
# https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
# Comma-separated: one URL per proxy when several run side by side.
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URLS:
    WAGTAILFRONTENDCACHE = {
        f"proxy{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
        for number, url in enumerate(FRONTEND_CACHE_URLS, start=1)
    }
# Each locale's address is purged as computed (catalogue/frontend_cache.py). Wagtail's rewriting of
# a URL into every language would make /uz/… addresses that do not exist (Uzbek is unprefixed).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Background tasks ------------------------------------------------------------------
# https://github.com/RealOrangeOne/django-tasks ; Wagtail 8 queues its own work here too.
# "immediate" runs a task at once in the request; "database" queues it for `db_worker`.
TASK_BACKEND = os.environ.get("TASK_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASK_BACKEND]
    }
}

# --- Public API (api/, docs/api.md) ---------------------------------------------------------
# Read-only JSON for other libraries and researchers, open to scripts on any site:
# https://github.com/adamchainz/django-cors-headers#configuration
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# The largest page a client may ask for with ?limit= (Wagtail API v2).
WAGTAILAPI_LIMIT_MAX = 100
# The public endpoints render JSON only and authenticate nobody (api/views.py), so a signed-in
# member of staff sees what everyone sees; Wagtail's admin API keeps DRF's defaults.

# --- Email -------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kutubxona <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Review notifications (Wagtail's own): reviewers when something is submitted to their task,
# the author when it is approved or rejected (with the reviewer's comment). Each user can turn
# them off in their account settings. Superusers get them only when asked, so that site
# administrators are not copied on every submission of every department.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", False)

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Kutubxona")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.CustomDocument"
# Audio and video (wagtailmedia) with the library's own model.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_library.CustomMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "opus", "wav", "flac", "aac"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov", "mkv"],
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "xml", "csv", "json", "epub", "djvu", "vtt", "srt", "docx", "odt"]
# Wagtail's database backend, matching on the indexed columns on PostgreSQL (search/backend.py).
# An Elasticsearch/OpenSearch backend can replace it (docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILADMIN_COMMENTS_ENABLED = True
# Autosave of the editing forms is off unless asked for (milliseconds, e.g. 500). On the "add"
# forms the first autosave creates the record, and a save or submit clicked while it is on its
# way creates a second one; autosave can also duplicate inline rows (creators, identifiers,
# files: wagtail/wagtail#14568). A catalogue cannot afford silent duplicates; editors keep the
# "unsaved changes" warning.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "0"))
# The library's public pages are open; the item page checks each item's access itself.
LOGIN_URL = "wagtailadmin_login"

# Derivatives made in the background for every image attached to an item.
KUTUBXONA_IMAGE_DERIVATIVES = ["tiles", "ocr"]
# Largest image accepted, in pixels: archival masters reach 300 MP; anything far beyond
# is treated as a decompression bomb and refused with a clear message.
KUTUBXONA_MAX_IMAGE_PIXELS = 500_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = KUTUBXONA_MAX_IMAGE_PIXELS

# Items per page in public listings.
KUTUBXONA_ITEMS_PER_PAGE = 24

# Tile URL template of the map shown in exhibits, e.g. "https://tiles.example.org/{z}/{x}/{y}.png".
# Empty (the default): exhibit maps are an accessible list of places and no tiles are loaded.
KUTUBXONA_MAP_TILE_URL = os.environ.get("KUTUBXONA_MAP_TILE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# OAI-PMH data provider (/oai/, docs/oai-pmh.md): the domain in the record identifiers
# oai:<domain>:<item id> (a domain the library controls; never change it once harvested;
# empty = the host of WAGTAILADMIN_BASE_URL, or kutubxona.uz), the contact address given to
# harvesters, and the repository's name.
OAI_REPOSITORY_IDENTIFIER = os.environ.get("OAI_REPOSITORY_IDENTIFIER", "")
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "")
OAI_REPOSITORY_NAME = os.environ.get("OAI_REPOSITORY_NAME", "Kutubxona")
