from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Media library")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow warns above MAX_IMAGE_PIXELS and refuses twice that; Wagtail's own
        # limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS) gives the form error first.
        Image.MAX_IMAGE_PIXELS = settings.KUTUBXONA_MAX_IMAGE_PIXELS
