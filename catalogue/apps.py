from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from catalogue import frontend_cache, lookups, page_cache  # noqa: F401 - lookups registers any_of, in_array

        frontend_cache.connect()
        page_cache.connect()
