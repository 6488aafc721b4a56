from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "oai"
    verbose_name = _("OAI-PMH")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oai import signals

        signals.connect()
