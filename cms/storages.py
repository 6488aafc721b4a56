"""Object storage for media files.

Two storages, because the two kinds of file need opposite URL policies: public files
get permanent, cacheable URLs (no expiring query string, CDN-friendly); restricted
files live in a separate private bucket (or folder) and are reached only through a
view that checks permission and then hands out a short-lived signed URL.

Models keep one FileField, so `MediaStorage` (the default storage) routes each file
by its name: names under ``private/`` go to the private storage, the rest to the
public one. Moving a file between the two is a rename (see media_library.access).
"""

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

PRIVATE_PREFIX = "private/"


def is_private_name(name):
    return bool(name) and name.startswith(PRIVATE_PREFIX)


def private_name(name):
    return name if is_private_name(name) else PRIVATE_PREFIX + name


def public_name(name):
    return name[len(PRIVATE_PREFIX) :] if is_private_name(name) else name


class PublicMediaStorage(S3Storage):
    location = "media"
    querystring_auth = False


class PrivateMediaStorage(S3Storage):
    location = "private"
    querystring_auth = True
    # Seconds a signed URL stays valid: long enough to start a download or load a
    # page of tiles, short enough that a copied link soon stops working.
    querystring_expire = 300
    custom_domain = None

    def __init__(self, **settings_overrides):
        settings_overrides.setdefault(
            "bucket_name", settings.AWS_PRIVATE_STORAGE_BUCKET_NAME or settings.AWS_STORAGE_BUCKET_NAME
        )
        super().__init__(**settings_overrides)


@deconstructible
class MediaStorage(Storage):
    """Routes ``private/…`` names to the private storage and everything else to the public one."""

    def _route(self, name):
        if is_private_name(name):
            return storages["private"], name[len(PRIVATE_PREFIX) :]
        return storages["public"], name

    def _open(self, name, mode="rb"):
        storage, inner = self._route(name)
        return storage.open(inner, mode)

    def _save(self, name, content):
        storage, inner = self._route(name)
        saved = storage.save(inner, content)
        return PRIVATE_PREFIX + saved if is_private_name(name) else saved

    def save_exact(self, name, content):
        """Store `content` under exactly `name`, replacing what is there (for generated files such as tiles)."""
        storage, inner = self._route(name)
        storage._save(inner, content)
        return name

    def get_available_name(self, name, max_length=None):
        storage, inner = self._route(name)
        available = storage.get_available_name(inner, max_length=max_length and max_length - len(PRIVATE_PREFIX))
        return PRIVATE_PREFIX + available if is_private_name(name) else available

    def get_valid_name(self, name):
        return storages["public"].get_valid_name(name)

    def delete(self, name):
        storage, inner = self._route(name)
        storage.delete(inner)

    def exists(self, name):
        storage, inner = self._route(name)
        return storage.exists(inner)

    def listdir(self, path):
        storage, inner = self._route(path)
        return storage.listdir(inner)

    def size(self, name):
        storage, inner = self._route(name)
        return storage.size(inner)

    def get_modified_time(self, name):
        storage, inner = self._route(name)
        return storage.get_modified_time(inner)

    def path(self, name):
        storage, inner = self._route(name)
        return storage.path(inner)

    def url(self, name):
        if is_private_name(name):
            # Never a direct link: the view checks who is asking first.
            return reverse("private_media", args=[name[len(PRIVATE_PREFIX) :]])
        return storages["public"].url(name)

    def signed_url(self, name):
        """A short-lived direct URL of a private file, or None when the storage cannot sign (local files)."""
        storage, inner = self._route(name)
        if isinstance(storage, S3Storage) and storage.querystring_auth:
            return storage.url(inner)
        return None
