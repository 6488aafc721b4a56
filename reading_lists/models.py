"""Reading lists: educators turn the collections into reading for a class.

A ReadingListPage holds ordered sections of entries (catalogue items or outside
resources) with the educator's notes; visitors can print it, download it as CSV or RIS
and follow each entry to the item or straight to the viewer at the right image.
ReadingListIndexPage lists them with filters by audience, subject and language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.mixins import BasePage

from .blocks import ReadingListBodyBlock
from .entries import RESOLVER_KEY, EntryResolver


class Audience(models.TextChoices):
    PRIMARY = "grades_1_4", _("Primary school (grades 1–4)")
    MIDDLE = "grades_5_9", _("School (grades 5–9)")
    UPPER = "grades_10_11", _("Grades 10–11 and lyceum")
    UNIVERSITY = "university", _("University")
    GENERAL = "general", _("General public")


class ReadingListPageForm(WagtailAdminPageForm):
    """The edit form: a new list without educators gets the person creating it as its educator."""

    def save(self, commit=True):
        adding = self.instance.pk is None
        page = super().save(commit=commit)
        user = self.for_user
        if adding and user is not None and user.is_authenticated and not list(page.educators.all()):
            page.educators.add(ReadingListEducator(user=user, sort_order=0))
            if commit:
                page.save()
        return page


class ReadingListIndexPage(BasePage):
    """All reading lists, filtered by audience, subject and language."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["reading_lists.ReadingListPage"]

    LISTS_PER_PAGE = 12

    class Meta:
        verbose_name = _("reading lists index")

    def reading_lists(self):
        return ReadingListPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ReadingListFilters.from_params(request.GET)
        lists = (
            filters.apply(self.reading_lists())
            .select_related("language", "owner", "listing_image")
            .prefetch_related(
                models.Prefetch(
                    "subject_links",
                    queryset=ReadingListSubject.objects.select_related("subject").order_by("sort_order"),
                ),
                models.Prefetch(
                    "educators",
                    queryset=ReadingListEducator.objects.select_related("user").order_by("sort_order"),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )
        context.update(
            filters=filters,
            listing=filters,  # includes/pagination.html keeps the filters through `listing.querystring`
            facets=filters.facets(self.reading_lists()),
            lists_page=Paginator(lists, self.LISTS_PER_PAGE).get_page(request.GET.get("page")),
        )
        return context


@dataclass
class ReadingListFilters:
    """The filters of the reading lists index, from the query string; the database does the filtering."""

    audience: str = ""
    subject: int | None = None
    language: str = ""

    @classmethod
    def from_params(cls, params):
        audience = params.get("audience", "")
        subject = params.get("subject", "")
        language = (params.get("language") or "")[:3]
        return cls(
            audience=audience if audience in Audience.values else "",
            subject=int(subject) if subject.isdigit() and len(subject) < 18 else None,
            language=language if language.isalpha() else "",
        )

    def apply(self, qs, skip=""):
        if self.audience and skip != "audience":
            qs = qs.filter(audience=self.audience)
        if self.subject is not None and skip != "subject":
            qs = qs.filter(pk__in=ReadingListSubject.objects.filter(subject_id=self.subject).values("page_id"))
        if self.language and skip != "language":
            qs = qs.filter(language__code=self.language)
        return qs

    def facets(self, qs):
        """The options of each filter with their counts, each over the lists with the other filters applied."""
        from catalogue.models import Language, Subject

        audience_counts = dict(
            self.apply(qs, skip="audience").order_by().values_list("audience").annotate(n=Count("pk"))
        )
        audiences = [
            {"value": value, "label": label, "count": audience_counts.get(value, 0)}
            for value, label in Audience.choices
            if audience_counts.get(value) or value == self.audience
        ]
        page_ids = self.apply(qs, skip="subject").values("pk")
        subjects = [
            {"value": subject.pk, "label": subject.label, "count": subject.n}
            for subject in Subject.objects.filter(reading_list_links__page__in=page_ids)
            .annotate(n=Count("reading_list_links__page", distinct=True))
            .order_by("label")[:100]
        ]
        languages = [
            {"value": language.code, "label": language.localised_name(), "count": language.n}
            for language in Language.objects.filter(reading_lists__in=self.apply(qs, skip="language").values("pk"))
            .annotate(n=Count("reading_lists", distinct=True))
            .order_by("name")
        ]
        return {"audiences": audiences, "subjects": subjects, "languages": languages}

    def is_active(self):
        return bool(self.audience or self.subject is not None or self.language)

    def querystring(self, **overrides):
        from urllib.parse import urlencode

        values = {"audience": self.audience, "subject": self.subject, "language": self.language}
        values.update(overrides)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


class ReadingListPage(RoutablePageMixin, BasePage):
    """A reading list for a class: sections of catalogue items and outside resources with notes."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.GENERAL, db_index=True
    )
    age_from = models.PositiveSmallIntegerField(_("age from"), null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(_("age to"), null=True, blank=True)
    language = models.ForeignKey(
        "catalogue.Language",
        verbose_name=_("language of the list"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reading_lists",
        help_text=_("The language the list is written in."),
    )
    learning_goals = RichTextField(
        _("learning goals"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("What readers will know or be able to do; a bulleted list works best."),
    )
    body = StreamField(ReadingListBodyBlock(), blank=True, verbose_name=_("sections"))

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldRowPanel([FieldPanel("age_from"), FieldPanel("age_to")])],
            heading=_("Audience"),
        ),
        FieldPanel("language"),
        MultipleChooserPanel("subject_links", chooser_field_name="subject", label=_("Subject"), heading=_("Subjects")),
        FieldPanel("learning_goals"),
        InlinePanel(
            "educators",
            label=_("Educator"),
            heading=_("Educators"),
            help_text=_("Who prepared the list. A new list starts with you."),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("learning_goals"),
        index.SearchField("body"),
    ]
    base_form_class = ReadingListPageForm

    parent_page_types = ["reading_lists.ReadingListIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("reading list")
        verbose_name_plural = _("reading lists")

    def clean(self):
        super().clean()
        if self.age_from is not None and self.age_to is not None and self.age_from > self.age_to:
            raise ValidationError({"age_to": _("The upper age cannot be below the lower age.")})

    # --- presentation ------------------------------------------------------------------

    def age_range(self):
        if self.age_from is not None and self.age_to is not None:
            if self.age_from == self.age_to:
                return _("age %(age)s") % {"age": self.age_from}
            return _("ages %(start)s–%(end)s") % {"start": self.age_from, "end": self.age_to}
        if self.age_from is not None:
            return _("ages %(start)s and over") % {"start": self.age_from}
        if self.age_to is not None:
            return _("ages up to %(end)s") % {"end": self.age_to}
        return ""

    def audience_label(self):
        """e.g. “School (grades 5–9), ages 14–15”."""
        age = self.age_range()
        return f"{self.get_audience_display()}, {age}" if age else str(self.get_audience_display())

    def _related(self, name, related_field):
        """The child objects in `name`: prefetched, in memory (a preview) or in one query with `related_field`."""
        objects = getattr(self, name).all()
        prefetched = name in getattr(self, "_prefetched_objects_cache", {})
        if isinstance(objects, models.QuerySet) and not prefetched:
            objects = objects.select_related(related_field)
        return list(objects)

    def subjects(self):
        return [link.subject for link in self._related("subject_links", "subject")]

    def educator_names(self):
        """The names of the educators, or of the page's owner when none is given."""
        educators = self._related("educators", "user")
        names = [name for name in (e.display_name() for e in educators) if name]
        if not names and self.owner_id and self.owner:
            owner_name = self.owner.get_full_name().strip()
            if owner_name:
                names.append(owner_name)
        return names

    def content_language(self):
        return self.language.bcp47 if self.language_id and self.language else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Editors previewing the list see the entries visitors do not, flagged.
        show_hidden = bool(getattr(request, "is_preview", False))
        context[RESOLVER_KEY] = EntryResolver.for_page(self, request, show_hidden=show_hidden)
        context["is_preview"] = show_hidden
        context["subjects"] = self.subjects()
        context["educators"] = self.educator_names()
        context["content_lang"] = self.content_language()
        if not show_hidden:
            from catalogue.linked_data import reading_list_jsonld

            sections = context[RESOLVER_KEY].sections(self.body)
            context["structured_data"] = reading_list_jsonld(self, request, sections)
        return context

    # --- exports -------------------------------------------------------------------------

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from .exports import csv_response

        return csv_response(self, request)

    @path("export/ris/", name="export_ris")
    def export_ris(self, request):
        from .exports import ris_response

        return ris_response(self, request)


class ReadingListSubject(Orderable):
    page = ParentalKey(ReadingListPage, on_delete=models.CASCADE, related_name="subject_links")
    subject = models.ForeignKey(
        "catalogue.Subject", verbose_name=_("subject"), on_delete=models.CASCADE, related_name="reading_list_links"
    )

    panels = [FieldPanel("subject")]

    class Meta(Orderable.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        constraints = [models.UniqueConstraint(fields=["page", "subject"], name="reading_list_subject_once")]

    def __str__(self):
        return str(self.subject)


class ReadingListEducator(Orderable):
    """Who prepared the list: a user of the admin, a name, or both (the name is shown)."""

    page = ParentalKey(ReadingListPage, on_delete=models.CASCADE, related_name="educators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_active": True},
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("As it should appear on the list, e.g. “Dilnoza Karimova, teacher of literature”."),
    )

    panels = [FieldRowPanel([FieldPanel("user"), FieldPanel("name")])]

    class Meta(Orderable.Meta):
        verbose_name = _("educator")
        verbose_name_plural = _("educators")

    def __str__(self):
        return self.display_name() or "—"

    def clean(self):
        super().clean()
        if not self.user_id and not self.name.strip():
            raise ValidationError({"name": _("Choose a user or give a name.")})

    def display_name(self):
        """The name given, else the user's full name; never a username (that is a login, not a name)."""
        if self.name.strip():
            return self.name.strip()
        if self.user_id and self.user:
            return self.user.get_full_name().strip()
        return ""
