"""The metadata quality report: public items that lack what a reader or a harvester needs."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn, UpdatedAtColumn
from wagtail.admin.views.reports import ReportView

from catalogue.models import Item, ItemFile

PROBLEMS = {
    "rights": _("no rights statement"),
    "date": _("no date"),
    "language": _("no language"),
    "alt_text": _("images without alt text"),
}


def items_with_problems():
    """Public items annotated with what they lack, only those lacking something."""
    no_language = ~Exists(Item.languages.through.objects.filter(item=OuterRef("pk")))
    images_without_alt = Exists(ItemFile.objects.filter(item=OuterRef("pk"), image__isnull=False, image__alt_text=""))
    return (
        Item.objects.public()
        .annotate(missing_language=no_language, missing_alt_text=images_without_alt)
        .filter(
            Q(rights__isnull=True) | Q(year_from__isnull=True) | Q(missing_language=True) | Q(missing_alt_text=True)
        )
    )


def problems_of(item):
    found = []
    if item.rights_id is None:
        found.append(PROBLEMS["rights"])
    if item.year_from is None:
        found.append(PROBLEMS["date"])
    if item.missing_language:
        found.append(PROBLEMS["language"])
    if item.missing_alt_text:
        found.append(PROBLEMS["alt_text"])
    return ", ".join(str(p) for p in found)


class MetadataQualityFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(label=_("Lacks"), choices=list(PROBLEMS.items()), method="filter_problem")

    class Meta:
        model = Item
        fields = []

    def filter_problem(self, queryset, name, value):
        return queryset.filter(
            {
                "rights": Q(rights__isnull=True),
                "date": Q(year_from__isnull=True),
                "language": Q(missing_language=True),
                "alt_text": Q(missing_alt_text=True),
            }[value]
        )


class MetadataQualityReportView(ReportView):
    page_title = _("Metadata quality")
    header_icon = "warning"
    index_url_name = "metadata_quality"
    index_results_url_name = "metadata_quality_results"
    filterset_class = MetadataQualityFilterSet
    model = Item
    any_permission_required = ["change", "publish"]
    list_export = ["pk", "title", "problems"]
    export_headings = {"pk": "id", "title": _("Title"), "problems": _("Lacks")}

    def get_queryset(self):
        return items_with_problems().select_related("rights").order_by("title", "pk")

    def decorate_paginated_queryset(self, object_list):
        for item in object_list:
            item.problems = problems_of(item)
        return object_list

    def to_row_dict(self, item):
        return {"pk": item.pk, "title": item.title, "problems": problems_of(item)}

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Item"),
                url_name="wagtailsnippets_catalogue_item:edit",
            ),
            Column("problems", label=_("Lacks")),
            UpdatedAtColumn(),
        ]
