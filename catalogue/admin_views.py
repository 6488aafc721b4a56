"""Admin views of the catalogue that Wagtail does not provide: merging vocabulary duplicates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_modeladmin.views import InstanceSpecificView


class MergeForm(forms.Form):
    def __init__(self, *args, model, duplicate, widget=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicate = duplicate
        self.fields["target"] = forms.ModelChoiceField(
            queryset=model.objects.exclude(pk=duplicate.pk),
            label=_("Keep this record"),
            help_text=_("Everything linked to “%(name)s” moves to the record you choose; its names become variants.")
            % {"name": duplicate},
            widget=widget,
        )


class MergeView(InstanceSpecificView):
    """Fold a duplicate vocabulary record into the one that is kept."""

    template_name = "catalogue/admin/merge.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_delete_obj(user, self.instance) and (
            self.permission_helper.user_can_edit_obj(user, self.instance)
        )

    def get_page_title(self):
        return _("Merge a duplicate")

    def get_form(self):
        widget = getattr(self.model_admin, "merge_widget", None)
        return MergeForm(
            self.request.POST or None,
            model=self.model,
            duplicate=self.instance,
            widget=widget() if widget else None,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=kwargs.pop("form", None) or self.get_form(), **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.check_action_permitted(request.user):
            raise PermissionDenied
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        target = form.cleaned_data["target"]
        name = str(self.instance)
        target.merge(self.instance)
        messages.success(
            request, _("“%(duplicate)s” was merged into “%(target)s”.") % {"duplicate": name, "target": target}
        )
        return redirect(self.url_helper.get_action_url("edit", target.pk))
