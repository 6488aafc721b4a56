"""Harvest sources and their runs in the admin (Settings-like menu entry “Harvesting”)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from harvest.models import HarvestRun, HarvestSource


def runs_url(source=None):
    url = reverse("harvest_harvestrun_modeladmin_index")
    return f"{url}?source__id__exact={source.pk}" if source else url


class SourceButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.request.user.has_perm("harvest.change_harvestsource"):
            buttons.append(
                {
                    "url": reverse("harvest_now", args=[obj.pk]),
                    "label": _("Harvest now"),
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": _("Harvest %(source)s now") % {"source": obj},
                }
            )
        buttons.append(
            {
                "url": runs_url(obj),
                "label": _("Runs"),
                "classname": self.finalise_classname(["button-secondary"]),
                "title": _("The harvests of %(source)s and their reports") % {"source": obj},
            }
        )
        return buttons


class HarvestSourceAdmin(ModelAdmin):
    model = HarvestSource
    menu_icon = "download"
    list_display = (
        "name",
        "base_url",
        "set_spec",
        "target_collection",
        "enabled",
        "last_success_datestamp",
        "last_status",
    )
    list_filter = ("enabled",)
    search_fields = ("name", "base_url", "set_spec")
    button_helper_class = SourceButtonHelper
    panels = [
        FieldPanel("name"),
        FieldPanel("base_url"),
        FieldPanel("set_spec"),
        FieldPanel("metadata_prefix"),
        PageChooserPanel("target_collection", "catalogue.CollectionPage"),
        FieldPanel("enabled"),
        FieldPanel("interval_hours"),
        FieldPanel("last_success_datestamp"),
    ]

    def last_status(self, obj):
        run = obj.last_run()
        if run is None:
            return "—"
        return format_html('<a href="{}">{}</a>', runs_url(obj), run.get_status_display())

    last_status.short_description = _("last run")


class ReadOnlyPermissionHelper(PermissionHelper):
    """Runs are written by the harvester only: staff read them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class HarvestRunAdmin(ModelAdmin):
    model = HarvestRun
    menu_icon = "list-ul"
    list_display = ("source", "started_at", "status", "created", "updated", "deleted", "failed")
    list_filter = ("source", "status")
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    inspect_view_fields = [
        "source",
        "started_at",
        "finished_at",
        "status",
        "full",
        "from_datestamp",
        "response_datestamp",
        "resumed_from",
        "created",
        "updated",
        "deleted",
        "failed",
        "report",
        "resumption_token",
    ]


class HarvestingGroup(ModelAdminGroup):
    menu_label = _("Harvesting")
    menu_icon = "download"
    menu_order = 170
    items = (HarvestSourceAdmin, HarvestRunAdmin)


modeladmin_register(HarvestingGroup)


@require_http_methods(["GET", "POST"])
def harvest_now(request, pk):
    """Confirm, then start a harvest of one source in the background; its run appears under Runs."""
    from harvest.tasks import harvest_source

    if not request.user.has_perm("harvest.change_harvestsource"):
        raise PermissionDenied
    source = get_object_or_404(HarvestSource, pk=pk)
    if request.method == "GET":
        index_url = reverse("harvest_harvestsource_modeladmin_index")
        return TemplateResponse(request, "harvest/admin/harvest_now.html", {"source": source, "index_url": index_url})
    harvest_source.enqueue(source.pk, full=request.POST.get("full") == "1")
    messages.success(request, _("Harvest of “%(source)s” started.") % {"source": source})
    return redirect(runs_url(source))


@hooks.register("register_admin_urls")
def register_harvest_urls():
    return [path("harvest/source/<int:pk>/harvest/", harvest_now, name="harvest_now")]
