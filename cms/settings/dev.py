"""Development settings: DEBUG on, console email, embedded defaults from base."""

import os

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev-only-kutubxona")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
INTERNAL_IPS = ["127.0.0.1"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Static files come from the finders here; WhiteNoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
