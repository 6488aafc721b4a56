"""A frontend-cache backend that records what Wagtail asks it to purge (for unit tests)."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


SETTINGS = {"recording": {"BACKEND": "tests.httpcache.recording.RecordingBackend"}}
