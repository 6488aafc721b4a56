"""Object storage for media files.

Two storages, because the two kinds of file need opposite URL policies:
public files get permanent, cacheable URLs (no expiring query string, CDN-friendly);
restricted files live in a separate private bucket and are reached only through a
short-lived signed URL handed out after a permission check.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class PublicMediaStorage(S3Storage):
    location = "media"
    querystring_auth = False


class PrivateMediaStorage(S3Storage):
    location = "private"
    querystring_auth = True
    # Seconds a signed URL stays valid; long enough to start a download, short
    # enough that a copied link soon stops working.
    querystring_expire = 300
    custom_domain = None

    def __init__(self, **settings_overrides):
        settings_overrides.setdefault(
            "bucket_name", settings.AWS_PRIVATE_STORAGE_BUCKET_NAME or settings.AWS_STORAGE_BUCKET_NAME
        )
        super().__init__(**settings_overrides)
