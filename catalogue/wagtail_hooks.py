"""Admin of the catalogue: the items listing and edit form, choosers, bulk actions, vocabularies."""

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from catalogue.admin_views import MergeView
from catalogue.editing import change_item
from catalogue.models import (
    AccessLevel,
    Agent,
    CollectionPage,
    DCMIType,
    Item,
    ItemFile,
    Language,
    Place,
    RightsStatement,
    Subject,
)
from home.localize_admin import annotate_translation_state, install_snippet_listing_buttons

# --- Choosers: vocabularies can hold tens of thousands of records, so they are searched, not listed.


class AgentChooserViewSet(ChooserViewSet):
    model = Agent
    icon = "user"
    choose_one_text = _("Choose a person or organisation")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    form_fields = ["name", "kind", "dates"]
    url_filter_parameters = ["kind"]


class SubjectChooserViewSet(ChooserViewSet):
    model = Subject
    icon = "tag"
    choose_one_text = _("Choose a subject")
    choose_another_text = _("Choose another subject")
    form_fields = ["label", "scheme"]


class PlaceChooserViewSet(ChooserViewSet):
    model = Place
    icon = "site"
    choose_one_text = _("Choose a place")
    choose_another_text = _("Choose another place")
    form_fields = ["name", "latitude", "longitude"]


agent_chooser_viewset = AgentChooserViewSet("agent_chooser")
subject_chooser_viewset = SubjectChooserViewSet("subject_chooser")
place_chooser_viewset = PlaceChooserViewSet("place_chooser")


@hooks.register("register_admin_viewset")
def register_choosers():
    return [agent_chooser_viewset, subject_chooser_viewset, place_chooser_viewset]


# --- Items ----------------------------------------------------------------------------------


class ItemFilterSet(WagtailFilterSet):
    collection = django_filters.ModelChoiceFilter(
        label=_("Collection"),
        field_name="collections",
        queryset=lambda request: CollectionPage.objects.order_by("path"),
    )
    dcmi_type = django_filters.ChoiceFilter(label=_("Type"), choices=DCMIType.choices)
    language = django_filters.ModelChoiceFilter(
        label=_("Language"),
        field_name="languages",
        queryset=lambda request: Language.objects.filter(
            Exists(Item.languages.through.objects.filter(language=OuterRef("pk")))
        ),
    )
    access_level = django_filters.ChoiceFilter(label=_("Access"), choices=AccessLevel.choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[
            ("live", _("Published")),
            ("draft", _("Draft, never published")),
            ("changed", _("Published, with unpublished changes")),
            ("embargoed", _("Under embargo")),
        ],
        empty_label=_("Any status"),
    )
    has_files = django_filters.BooleanFilter(label=_("Has files"), method="filter_has_files")

    class Meta:
        model = Item
        fields = []

    def filter_status(self, queryset, name, value):
        from django.utils import timezone

        if value == "live":
            return queryset.filter(live=True)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "changed":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "embargoed":
            return queryset.filter(embargo_until__gt=timezone.localdate())
        return queryset

    def filter_has_files(self, queryset, name, value):
        files = ItemFile.objects.filter(item=OuterRef("pk"))
        return queryset.filter(Exists(files)) if value else queryset.exclude(Exists(files))


class ItemViewSet(SnippetViewSet):
    model = Item
    icon = "doc-full"
    menu_label = _("Items")
    menu_order = 150
    add_to_admin_menu = True
    list_per_page = 50
    filterset_class = ItemFilterSet
    ordering = ["-updated_at", "-pk"]
    list_display = [
        "__str__",
        Column("date", label=_("Date"), sort_key="year_from"),
        Column("dcmi_type", label=_("Type"), accessor="get_dcmi_type_display"),
        Column("primary_collection", label=_("Collection")),
        Column("access_level", label=_("Access"), accessor="get_access_level_display", sort_key="access_level"),
        UpdatedAtColumn(),
    ]
    list_export = ["pk", "title", "date", "dcmi_type", "access_level", "live", "updated_at"]
    export_filename = "items"

    def get_queryset(self, request):
        # The listing shows the collection of every row: one join, not one query per row;
        # and the translation buttons' state (home/localize_admin.py), not two queries per row.
        return annotate_translation_state(Item.objects.select_related("primary_collection", "locale"))

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("title"),
                            FieldPanel("title_language"),
                            InlinePanel(
                                "alternative_titles", label=_("Alternative title"), heading=_("Alternative titles")
                            ),
                        ],
                        heading=_("Titles"),
                    ),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("date"), FieldPanel("dcmi_type")]),
                    FieldRowPanel([FieldPanel("publisher"), FieldPanel("place_of_publication")]),
                    FieldRowPanel([FieldPanel("format"), FieldPanel("extent")]),
                    FieldPanel("languages", widget=forms.SelectMultiple(attrs={"size": 6})),
                    FieldPanel("source"),
                    FieldPanel("temporal_coverage"),
                    InlinePanel("relations", label=_("Relation"), heading=_("Relations")),
                ],
                heading=_("Description"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "agent_links",
                        label=_("Creator or contributor"),
                        heading=_("Creators and contributors"),
                        panels=[FieldPanel("agent"), FieldRowPanel([FieldPanel("role"), FieldPanel("dc_element")])],
                    ),
                    MultipleChooserPanel(
                        "subject_links", chooser_field_name="subject", label=_("Subject"), heading=_("Subjects")
                    ),
                    MultipleChooserPanel(
                        "place_links", chooser_field_name="place", label=_("Place"), heading=_("Places")
                    ),
                ],
                heading=_("People and subjects"),
            ),
            ObjectList(
                [InlinePanel("identifiers", label=_("Identifier"), heading=_("Identifiers"))],
                heading=_("Identifiers"),
            ),
            ObjectList(
                [
                    PageChooserPanel("primary_collection", page_type="catalogue.CollectionPage"),
                    FieldPanel("collections", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("rights"),
                    FieldPanel("rights_holder"),
                    FieldPanel("rights_note"),
                    FieldRowPanel([FieldPanel("access_level"), FieldPanel("embargo_until")]),
                    # Go-live and expiry dates, shown in the "Set schedule" dialog of the status panel.
                    PublishingPanel(),
                ],
                heading=_("Rights and access"),
            ),
            ObjectList(
                [
                    HelpPanel(template="catalogue/admin/files_help_panel.html"),
                    InlinePanel(
                        "files",
                        label=_("File"),
                        heading=_("Files in reading order"),
                        panels=[
                            FieldRowPanel([FieldPanel("kind"), FieldPanel("label"), FieldPanel("section")]),
                            FieldPanel("image"),
                            FieldPanel("document"),
                            FieldPanel("media"),
                            FieldRowPanel([FieldPanel("access_level"), FieldPanel("is_representative")]),
                        ],
                    ),
                ],
                heading=_("Files"),
            ),
        ]
    )


register_snippet(ItemViewSet)
install_snippet_listing_buttons()


# --- Bulk actions on items --------------------------------------------------------------------


class ItemBulkAction(SnippetBulkAction):
    models = [Item]

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user, **self.cleaned_form.cleaned_data}


class AddToCollectionForm(forms.Form):
    collection = forms.ModelChoiceField(queryset=CollectionPage.objects.order_by("path"), label=_("Collection"))


class AddToCollectionBulkAction(ItemBulkAction):
    display_name = _("Add to collection")
    action_type = "add_to_collection"
    aria_label = _("Add the selected items to a collection")
    template_name = "catalogue/admin/bulk_item_action.html"
    form_class = AddToCollectionForm
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, user=None, collection=None, **kwargs):
        count = 0
        with transaction.atomic():
            for item in objects:
                if collection.pk in {c.pk for c in item.collections.all()}:
                    continue
                change_item(item, user, lambda obj: obj.collections.add(collection))
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d item added to the collection.", "%(count)d items added to the collection.", num_parent_objects
        ) % {"count": num_parent_objects}


class ChangeAccessForm(forms.Form):
    access_level = forms.ChoiceField(choices=AccessLevel.choices, label=_("Access"))


class ChangeAccessBulkAction(ItemBulkAction):
    display_name = _("Change access")
    action_type = "change_access"
    aria_label = _("Change the access level of the selected items")
    template_name = "catalogue/admin/bulk_item_action.html"
    form_class = ChangeAccessForm
    action_priority = 45

    @classmethod
    def execute_action(cls, objects, user=None, access_level=None, **kwargs):
        count = 0
        with transaction.atomic():
            for item in objects:
                if item.access_level == access_level and not item.has_unpublished_changes:
                    continue

                def mutate(obj):
                    obj.access_level = access_level

                change_item(item, user, mutate)
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Access changed on %(count)d item.", "Access changed on %(count)d items.", num_parent_objects
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", AddToCollectionBulkAction)
hooks.register("register_bulk_action", ChangeAccessBulkAction)


# --- Vocabularies (wagtail-modeladmin) --------------------------------------------------------


class MergeButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_delete_obj(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("merge", obj.pk),
                    "label": _("Merge"),
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": _("Merge this duplicate into another record"),
                }
            )
        return buttons


class MergeableModelAdmin(ModelAdmin):
    button_helper_class = MergeButtonHelper
    merge_view_class = MergeView
    merge_widget = None

    def merge_view(self, request, instance_pk):
        return self.merge_view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            re_path(
                self.url_helper.get_action_url_pattern("merge"),
                self.merge_view,
                name=self.url_helper.get_action_url_name("merge"),
            ),
        )


class AgentAdmin(MergeableModelAdmin):
    model = Agent
    menu_icon = "user"
    list_display = ("name", "kind", "dates", "viaf_uri")
    list_filter = ("kind",)
    search_fields = ("name", "name_variants")
    merge_widget = agent_chooser_viewset.widget_class


class SubjectAdmin(MergeableModelAdmin):
    model = Subject
    menu_icon = "tag"
    list_display = ("label", "broader", "scheme")
    list_filter = ("scheme",)
    search_fields = ("label", "name_variants")
    merge_widget = subject_chooser_viewset.widget_class


class PlaceAdmin(MergeableModelAdmin):
    model = Place
    menu_icon = "site"
    list_display = ("name", "part_of", "latitude", "longitude")
    search_fields = ("name", "name_variants")
    merge_widget = place_chooser_viewset.widget_class


class LanguageAdmin(ModelAdmin):
    model = Language
    menu_icon = "globe"
    list_display = ("name", "code", "iso639_1", "iso639_2b")
    search_fields = ("name", "code", "iso639_1")


class RightsStatementAdmin(ModelAdmin):
    model = RightsStatement
    menu_icon = "lock-open"
    list_display = ("label", "short_label", "kind", "allows_reuse", "uri")
    list_filter = ("kind", "allows_reuse")
    search_fields = ("label", "uri")


class VocabulariesGroup(ModelAdminGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 160
    items = (AgentAdmin, SubjectAdmin, PlaceAdmin, LanguageAdmin, RightsStatementAdmin)


modeladmin_register(VocabulariesGroup)


# --- Files of an item: multi-upload and reordering -----------------------------------------


@hooks.register("register_admin_urls")
def register_item_files_url():
    from django.urls import path

    from catalogue.admin_views import ItemFilesView

    return [path("catalogue/item/<int:pk>/files/", ItemFilesView.as_view(), name="catalogue_item_files")]


@hooks.register("register_snippet_listing_buttons")
def item_files_button(snippet, user, next_url=None):
    from django.urls import reverse
    from wagtail.admin.widgets.button import Button

    if isinstance(snippet, Item) and user.has_perm("catalogue.change_item"):
        yield Button(
            _("Upload and order files"),
            url=reverse("catalogue_item_files", args=[snippet.pk]),
            icon_name="upload",
            priority=15,
        )


# --- Metadata quality: a report, and a panel on the dashboard -----------------------------------


@hooks.register("register_admin_urls")
def register_metadata_quality_urls():
    from django.urls import path

    from catalogue.reports import MetadataQualityReportView

    view = MetadataQualityReportView.as_view()
    results = MetadataQualityReportView.as_view(results_only=True)
    return [
        path("reports/metadata-quality/", view, name="metadata_quality"),
        path("reports/metadata-quality/results/", results, name="metadata_quality_results"),
    ]


class MetadataQualityMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalogue.change_item")


@hooks.register("register_reports_menu_item")
def register_metadata_quality_menu_item():
    from django.urls import reverse

    return MetadataQualityMenuItem(
        _("Metadata quality"), reverse("metadata_quality"), name="metadata-quality", icon_name="warning", order=650
    )


class MetadataQualityPanel(Component):
    """How many public items lack a rights statement, a date, a language or alt text."""

    name = "metadata_quality"
    order = 160
    template_name = "catalogue/admin/metadata_quality_panel.html"

    def get_context_data(self, parent_context):
        from django.db.models import Count, Q

        from catalogue.reports import items_with_problems

        counts = items_with_problems().aggregate(
            total=Count("pk"),
            rights=Count("pk", filter=Q(rights__isnull=True)),
            date=Count("pk", filter=Q(year_from__isnull=True)),
            language=Count("pk", filter=Q(missing_language=True)),
            alt_text=Count("pk", filter=Q(missing_alt_text=True)),
        )
        return {"counts": counts}


@hooks.register("construct_homepage_panels")
def add_metadata_quality_panel(request, panels):
    if request.user.has_perm("catalogue.change_item"):
        panels.append(MetadataQualityPanel())
