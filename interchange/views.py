"""Import and export in the admin (CSV with a preview), and the public search result as CSV."""

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from catalogue.models import CollectionPage, Item

from .csvformat import export_rows, read_csv
from .writer import RecordError, Report, Writer, run_batches, search_signals_paused

SESSION_KEY = "interchange_csv"
MAX_UPLOAD = 10 * 1024 * 1024  # larger files: `manage.py import_csv`
PREVIEW_ROWS = 500


def can_import(user):
    return user.is_active and user.has_perm("catalogue.add_item")


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"), help_text=gettext_lazy("UTF-8, in the documented format."))
    collection = forms.ModelChoiceField(
        CollectionPage.objects.all(), required=False, label=gettext_lazy("Put every item in this collection")
    )
    draft = forms.BooleanField(required=False, label=gettext_lazy("Save new items as drafts"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB; import it with “manage.py import_csv”.")
                % {"mb": MAX_UPLOAD // 1024 // 1024}
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                _("The file is not UTF-8 text (save it from your spreadsheet as CSV UTF-8).")
            ) from exc


def _writer(options, request, dry_run):
    collection = CollectionPage.objects.filter(pk=options.get("collection")).first()
    return Writer(collection=collection, draft=options.get("draft"), dry_run=dry_run, user=request.user)


def preview(text, writer):
    """What importing `text` would do, row by row (nothing is written)."""
    rows, report = [], Report()
    with search_signals_paused():
        for where, record in read_csv(io.StringIO(text, newline="")):
            if isinstance(record, Exception):
                report.fail(where, record)
                rows.append({"where": where, "outcome": "failed", "title": "", "message": str(record)})
                continue
            try:
                outcome = writer.write(record)
            except RecordError as exc:
                report.fail(where, exc)
                rows.append({"where": where, "outcome": "failed", "title": record.title, "message": str(exc)})
                continue
            report.count(outcome)
            if len(rows) < PREVIEW_ROWS:
                rows.append(
                    {"where": where, "outcome": outcome, "title": record.title, "message": "; ".join(record.warnings)}
                )
    return rows, report


def import_export(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm()
    context = {"collections": CollectionPage.objects.order_by("title")}
    if request.method == "POST" and request.POST.get("action") == "apply":
        stored = request.session.pop(SESSION_KEY, None)
        if not stored:
            messages.error(request, _("Nothing to import: upload the file again."))
            return redirect("interchange_admin")
        report = run_batches(
            read_csv(io.StringIO(stored["text"], newline="")), _writer(stored, request, False), Report()
        )
        message = _(
            "Import finished: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(failed)s failed."
        ) % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "failed": report.failed,
        }
        (messages.warning if report.failed else messages.success)(request, message)
        context["errors"] = report.errors
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            options = {
                "text": form.cleaned_data["file"],
                "collection": form.cleaned_data["collection"].pk if form.cleaned_data["collection"] else None,
                "draft": form.cleaned_data["draft"],
            }
            rows, report = preview(options["text"], _writer(options, request, True))
            request.session[SESSION_KEY] = options
            context.update(rows=rows, report=report, truncated=report.total > len(rows))
    context["form"] = form
    return TemplateResponse(request, "interchange/admin.html", context)


def csv_response(queryset, filename):
    response = StreamingHttpResponse(export_rows(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_collection(request, page_id):
    """All items of a collection, whatever their state (staff only)."""
    if not request.user.is_active or not request.user.has_perm("catalogue.change_item"):
        raise PermissionDenied
    page = CollectionPage.objects.filter(pk=page_id).first()
    if page is None:
        messages.error(request, _("There is no such collection."))
        return redirect("interchange_admin")
    return csv_response(Item.objects.filter(collections=page), f"collection-{page.pk}.csv")


def export_search(request):
    """The items of a public search (with its filters) as CSV: only what every visitor may see."""
    from search.engine import MAX_QUERY_LENGTH, CatalogueSearch

    text = " ".join((request.GET.get("q") or "").split())[:MAX_QUERY_LENGTH]
    if not text:
        return csv_response(Item.objects.none(), "search.csv")
    search = CatalogueSearch(text, request.GET, AnonymousUser(), Locale.get_active())
    matched = search.listing._apply(search.listing.queryset)
    return csv_response(Item.objects.public().filter(pk__in=matched.values("pk")), "search.csv")
