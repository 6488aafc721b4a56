"""Admin of background processing: the status of every derivative, and retrying failures."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem

from media_library.models import Derivative


class DerivativeIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                MenuItem(
                    _("Retry"), url=reverse("derivatives:retry", args=[instance.pk]), icon_name="rotate", priority=5
                )
            )
        return buttons


class DerivativeViewSet(ModelViewSet):
    """Deep-zoom tiles, OCR and other work on stored files: pending, done, or failed with the error."""

    model = Derivative
    icon = "cogs"
    menu_label = _("Processing")
    add_to_settings_menu = True
    index_view_class = DerivativeIndexView
    list_display = [
        "__str__",
        Column("kind", accessor="get_kind_display", label=_("Kind")),
        Column("status", accessor="get_status_display", label=_("Status"), sort_key="status"),
        Column("attempts", label=_("Attempts")),
        Column("seconds", label=_("Seconds")),
        UpdatedAtColumn(),
    ]
    list_filter = ["status", "kind"]
    ordering = ["-updated_at"]
    form_fields = []
    inspect_view_enabled = True
    inspect_view_fields = ["image", "document", "kind", "status", "error", "attempts", "seconds", "data", "updated_at"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request):
        return Derivative.objects.select_related("image", "document", "media")

    def retry_view(self, request, pk):
        derivative = get_object_or_404(Derivative, pk=pk)
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return redirect("wagtailadmin_home")
        if request.method == "POST":
            retry(derivative)
            messages.success(request, _("“%(derivative)s” was queued again.") % {"derivative": derivative})
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "media_library/admin/retry.html",
            {"derivative": derivative, "index_url": reverse(self.get_url_name("index"))},
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("retry/<int:pk>/", self.retry_view, name="retry")]


def retry(derivative):
    from media_library.tasks import process_document, process_image, process_media

    Derivative.objects.filter(pk=derivative.pk).update(status=Derivative.Status.PENDING, error="")
    if derivative.image_id:
        process_image.enqueue(derivative.image_id, kinds=[derivative.kind])
    elif derivative.document_id:
        process_document.enqueue(derivative.document_id)
    elif derivative.media_id:
        process_media.enqueue(derivative.media_id)


@hooks.register("register_admin_viewset")
def register_derivatives():
    return DerivativeViewSet("derivatives")
