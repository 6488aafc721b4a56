"""Settings for the test suite.

`make test` points DATABASE_URL at the real PostgreSQL and AWS_* at moto's S3 server;
see scripts/test.sh. Fast password hashing and plain static storage keep tests quick.
"""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Static files come from the finders here; WhiteNoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "site": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kutubxona-site"},
}
