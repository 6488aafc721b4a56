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


class ItemFilesView:
    """Upload many page images onto an item at once, and put its files in order by dragging.

    Every upload is checked like `ingest_scans` (decoded once; refused by name and reason
    when unreadable, truncated, an SVG or too large); the good files are added. Changes
    go into a new revision of the item.
    """

    template_name = "catalogue/admin/item_files.html"

    @classmethod
    def as_view(cls):
        def view(request, pk):
            return cls().dispatch(request, pk)

        return view

    def dispatch(self, request, pk):
        import tempfile
        from pathlib import Path

        from django.http import Http404
        from django.shortcuts import render
        from django.urls import reverse
        from wagtail.permission_policies import ModelPermissionPolicy

        from catalogue.editing import change_item
        from catalogue.models import Item, ItemFile
        from media_library.management.commands.ingest_scans import LABELS
        from media_library.validation import FileRejected, check_scan

        policy = ModelPermissionPolicy(Item)
        item = Item.objects.filter(pk=pk).first()
        if item is None:
            raise Http404
        if not policy.user_has_permission_for_instance(request.user, "change", item):
            raise PermissionDenied
        here = reverse("catalogue_item_files", args=[item.pk])
        if request.method == "POST" and request.POST.get("action") == "reorder":
            order = [int(i) for i in request.POST.getlist("order") if i.isdigit()]

            def reorder(obj):
                files = list(obj.files.all())
                position = {file_id: n for n, file_id in enumerate(order)}
                for n, f in enumerate(sorted(files, key=lambda f: position.get(f.pk, len(order) + f.sort_order))):
                    f.sort_order = n
                obj.files = files

            change_item(item, request.user, reorder)
            messages.success(request, _("The new order of the files was saved."))
            return redirect(here)
        if request.method == "POST" and request.POST.get("action") == "upload":
            uploads = request.FILES.getlist("files")
            label_style = request.POST.get("labels") if request.POST.get("labels") in LABELS else "page"
            from natsort import natsorted, ns

            from media_library.management.commands.ingest_scans import Command as Ingest

            stored = []
            start = item.files.count() + 1
            for upload in natsorted(uploads, key=lambda u: u.name, alg=ns.IGNORECASE):
                with tempfile.TemporaryDirectory() as work:
                    path = Path(work) / Path(upload.name).name
                    with open(path, "wb") as out:
                        for chunk in upload.chunks():
                            out.write(chunk)
                    label = LABELS[label_style](start + len(stored), path)
                    try:
                        check_scan(path, upload.name)
                        stored.append((Ingest().store(path, item, label), label))
                    except FileRejected as exc:
                        messages.error(
                            request,
                            _("%(name)s was refused: %(reason)s") % {"name": exc.filename, "reason": exc.reason},
                        )
                    except Exception as exc:
                        messages.error(
                            request,
                            _("%(name)s could not be stored: %(reason)s") % {"name": upload.name, "reason": exc},
                        )
            if stored:

                def attach(obj):
                    first = len(obj.files.all())
                    for n, (image, label) in enumerate(stored):
                        obj.files.add(ItemFile(kind=ItemFile.Kind.SCAN, image=image, label=label, sort_order=first + n))

                change_item(item, request.user, attach)
                messages.success(request, _("%(count)d file(s) added.") % {"count": len(stored)})
            return redirect(here)
        item = Item.objects.get(pk=item.pk)
        files = list(item.files.select_related("image", "document", "media").order_by("sort_order"))
        return render(
            request,
            self.template_name,
            {
                "item": item,
                "files": files,
                "labels": sorted(LABELS),
                "edit_url": reverse("wagtailsnippets_catalogue_item:edit", args=[item.pk]),
            },
        )
