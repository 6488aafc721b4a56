from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingListsConfig(AppConfig):
    name = "reading_lists"
    verbose_name = _("Reading lists")
