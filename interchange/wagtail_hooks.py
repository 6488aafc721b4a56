from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_interchange_urls():
    return [
        path("import-export/", views.import_export, name="interchange_admin"),
        path(
            "import-export/collection/<int:page_id>.csv",
            views.export_collection,
            name="interchange_export_collection",
        ),
    ]


class ImportExportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_interchange_menu_item():
    return ImportExportMenuItem(
        _("Import and export"), reverse("interchange_admin"), name="import-export", icon_name="download", order=350
    )
