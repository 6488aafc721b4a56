"""Exhibits: curated stories told with the collections, on site at the library or online only.

The page tree is HomePage → ExhibitIndexPage → ExhibitPage → ExhibitSectionPage. A long
exhibit is split into sections, listed in a table of contents on every page of the exhibit
and joined by previous/next links.
"""

import datetime
import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from home.mixins import BasePage

from .blocks import SCRIPT_BLOCKS, ExhibitStreamBlock, require_alt_text

CARD_IMAGE_FILTER = "fill-480x300"
SHARE_IMAGE_FILTER = "fill-1200x630"
PAST_PER_PAGE = 12


class Theme(models.TextChoices):
    MANUSCRIPTS = "manuscripts", _("Manuscripts")
    LITERATURE = "literature", _("Literature and poetry")
    HISTORY = "history", _("History")
    SCIENCE = "science", _("Science")
    ARTS = "arts", _("Art and calligraphy")
    MUSIC = "music", _("Music")
    PHOTOGRAPHY = "photography", _("Photography")
    MAPS = "maps", _("Maps and travel")
    PRESS = "press", _("Press and periodicals")


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1 <= year <= 9999 else None


def with_card_images(queryset):
    """Exhibit pages with their listing and hero images and those images' card renditions."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_FILTER)
    return queryset.select_related("hero_image", "listing_image").prefetch_related(
        Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions"),
        Prefetch("listing_image__renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


class ExhibitIndexPage(BasePage):
    """All exhibits: those on now, those coming and those past, filterable by year and theme."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["exhibits.ExhibitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("exhibits index")

    def exhibits(self):
        return ExhibitPage.objects.child_of(self).live().public()

    def filter_options(self, exhibits):
        """The years and themes that can be chosen: only those some exhibit has."""
        span = exhibits.aggregate(first=Min("start_date"), last_start=Max("start_date"), last_end=Max("end_date"))
        years = []
        if span["first"]:
            last = max(d.year for d in (span["last_start"], span["last_end"]) if d)
            if exhibits.filter(end_date__isnull=True).exists():
                last = max(last, timezone.localdate().year)
            years = list(range(last, span["first"].year - 1, -1))
        used = set(exhibits.exclude(theme="").values_list("theme", flat=True).distinct())
        themes = [(value, label) for value, label in Theme.choices if value in used]
        return years, themes

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        exhibits = self.exhibits()
        years, themes = self.filter_options(exhibits)

        year = _year(request.GET.get("year"))
        theme = request.GET.get("theme", "")
        if theme not in Theme.values:
            theme = ""
        if year:
            exhibits = exhibits.filter(start_date__lte=datetime.date(year, 12, 31)).filter(
                Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1))
            )
        if theme:
            exhibits = exhibits.filter(theme=theme)

        ongoing = Q(end_date__isnull=True) | Q(end_date__gte=today)
        exhibits = with_card_images(exhibits)
        current = list(exhibits.filter(ongoing, start_date__lte=today).order_by("-start_date", "pk"))
        upcoming = list(exhibits.filter(start_date__gt=today).order_by("start_date", "pk"))
        past = Paginator(exhibits.filter(end_date__lt=today).order_by("-end_date", "pk"), PAST_PER_PAGE)
        past_page = past.get_page(request.GET.get("page"))

        context.update(
            current=current,
            upcoming=upcoming,
            past_page=past_page,
            years=years,
            themes=themes,
            selected_year=year,
            selected_theme=theme,
            filtered=bool(year or theme),
            today=today,
        )
        return context


class ExhibitContentMixin:
    """What the exhibit page and its sections share: sections, navigation, scripts the blocks need."""

    def get_exhibit(self):
        raise NotImplementedError

    def scripts_needed(self):
        """{"viewer": bool, "map": bool}: which optional scripts this page's blocks need."""
        types = {block["type"] for block in self.body.raw_data} if self.body else set()
        needs = dict.fromkeys(SCRIPT_BLOCKS.values(), False)
        for block_type, name in SCRIPT_BLOCKS.items():
            if block_type in types:
                needs[name] = True
        if needs["map"] and not settings.KUTUBXONA_MAP_TILE_URL:
            needs["map"] = False
        return needs

    def get_context(self, request, *args, **kwargs):
        """The page's own values are computed only when the template reads one: for visitors the
        parts of the page that show them usually come from the cache (templates/exhibits/, the
        `sitefragment` tag), and then the page costs none of their queries."""
        context = super().get_context(request, *args, **kwargs)
        values = functools.cache(lambda: self.exhibit_context(request))
        for name in self.EXHIBIT_CONTEXT:
            context[name] = functools.partial(_lookup, values, name)
        return context

    EXHIBIT_CONTEXT = (
        "exhibit",
        "sections",
        "previous_page",
        "next_page",
        "needs",
        "description",
        "share_image_url",
        "share_image_alt",
    )

    def exhibit_context(self, request):
        exhibit = self.get_exhibit()
        sections = list(exhibit.sections()) if exhibit.pk else []
        sequence = [exhibit, *sections]
        position = next((i for i, page in enumerate(sequence) if page.pk == self.pk), None)
        previous_page = next_page = None
        if position is None:  # a section not yet published, seen in preview
            previous_page = exhibit
        else:
            previous_page = sequence[position - 1] if position > 0 else None
            next_page = sequence[position + 1] if position + 1 < len(sequence) else None
        share_image = self.social_image or self.listing_image or exhibit.get_share_image()
        share_image_url = ""
        if share_image is not None and not share_image.is_private:
            share_image_url = request.build_absolute_uri(share_image.get_rendition(SHARE_IMAGE_FILTER).url)
        return {
            "exhibit": exhibit,
            "sections": sections,
            "previous_page": previous_page,
            "next_page": next_page,
            "needs": self.scripts_needed(),
            "description": self.social_text or self.search_description or exhibit.get_description(),
            "share_image_url": share_image_url,
            "share_image_alt": share_image.alt_text if share_image_url else "",
        }


def _lookup(values, name):
    return values()[name]


class ExhibitPage(ExhibitContentMixin, BasePage):
    """One exhibit: when and where, who curated it, and the story told in blocks."""

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A photograph or a scan, shown at the top and cropped around its focal point (set it in the media "
            "library to show a detail). It needs alt text."
        ),
    )
    hero_item = models.ForeignKey(
        "catalogue.Item",
        verbose_name=_("item shown in the hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the hero image is a detail of an item's scan, the item it comes from."),
    )
    start_date = models.DateField(_("opens"), db_index=True)
    end_date = models.DateField(_("closes"), null=True, blank=True, help_text=_("Leave empty for a permanent exhibit."))
    online_only = models.BooleanField(_("online only"), default=False)
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Where in the library, e.g. “Exhibition hall, 2nd floor”.")
    )
    venue_address = models.TextField(
        _("venue address"), blank=True, help_text=_("Only if the exhibit is not at the library's own address.")
    )
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, blank=True, db_index=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Two or three sentences for listings and search."))
    body = StreamField(ExhibitStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_item")], heading=_("Hero image")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("online_only"),
                FieldPanel("venue"),
                FieldPanel("venue_address"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("theme"),
        InlinePanel("curators", heading=_("Curators"), label=_("curator")),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("theme"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    parent_page_types = ["exhibits.ExhibitIndexPage"]
    subpage_types = ["exhibits.ExhibitSectionPage"]

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("An exhibit cannot close before it opens.")
        if not self.online_only and not self.venue.strip():
            errors["venue"] = _("Say where the exhibit is, or tick “online only”.")
        for field in ("hero_image", "listing_image"):
            try:
                require_alt_text(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    # --- the exhibit ---------------------------------------------------------------------

    def get_exhibit(self):
        return self

    def sections(self):
        return ExhibitSectionPage.objects.child_of(self).live().public().order_by("path")

    def status(self, today=None):
        """ "current", "upcoming" or "past"."""
        today = today or timezone.localdate()
        if self.start_date and self.start_date > today:
            return "upcoming"
        if self.end_date and self.end_date < today:
            return "past"
        return "current"

    def curator_list(self):
        """The curators with their agents, loaded once."""
        if "_curator_list" not in self.__dict__:
            self._curator_list = [c for c in self.curators.select_related("agent").all() if c.agent_id]
        return self._curator_list

    def get_listing_image(self):
        return self.listing_image or self.hero_image

    def get_listing_summary(self):
        return self.listing_summary or self.summary or self.search_description

    def get_share_image(self):
        return self.social_image or self.listing_image or self.hero_image

    def get_description(self):
        return self.social_text or self.search_description or self.summary or self.subtitle

    def structured_data(self, request, share_image_url=""):
        """schema.org ExhibitionEvent of this exhibit, for JSON-LD."""
        from home.models import LibrarySettings

        library = LibrarySettings.for_request(request)
        url = self.get_full_url(request) or request.build_absolute_uri(self.url or "/")
        site = self.get_site()
        home_url = site.root_url + "/" if site else request.build_absolute_uri("/")
        organizer = {"@type": "Library", "name": library.library_name, "url": home_url}
        if library.address:
            organizer["address"] = ", ".join(line.strip() for line in library.address.splitlines() if line.strip())
        data = {
            "@context": "https://schema.org",
            "@type": "ExhibitionEvent",
            "name": self.title,
            "url": url,
            "startDate": self.start_date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "isAccessibleForFree": True,
            "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
            "organizer": organizer,
        }
        description = self.get_description()
        if description:
            data["description"] = description
        if self.end_date:
            data["endDate"] = self.end_date.isoformat()
        if self.online_only:
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = {"@type": "VirtualLocation", "url": url}
        else:
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            address = self.venue_address or library.address
            place = {"@type": "Place", "name": self.venue or library.library_name}
            if address:
                place["address"] = ", ".join(line.strip() for line in address.splitlines() if line.strip())
            data["location"] = place
        if share_image_url:
            data["image"] = [share_image_url]
        curators = [c.agent for c in self.curator_list()]
        if curators:
            data["contributor"] = [
                {"@type": "Organization" if agent.kind == "organisation" else "Person", "name": agent.name}
                for agent in curators
            ]
        return data

    EXHIBIT_CONTEXT = (*ExhibitContentMixin.EXHIBIT_CONTEXT, "curators", "structured_data")

    def exhibit_context(self, request):
        context = super().exhibit_context(request)
        context["curators"] = self.curator_list()
        context["structured_data"] = self.structured_data(request, context["share_image_url"])
        return context


class ExhibitCurator(Orderable):
    """A person or organisation who curated the exhibit."""

    page = ParentalKey(ExhibitPage, on_delete=models.CASCADE, related_name="curators")
    agent = models.ForeignKey(
        "catalogue.Agent", verbose_name=_("curator"), on_delete=models.CASCADE, related_name="curated_exhibits"
    )
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("e.g. “guest curator”."))

    panels = [FieldPanel("agent"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("curator")
        verbose_name_plural = _("curators")

    def __str__(self):
        return str(self.agent)


class ExhibitSectionPage(ExhibitContentMixin, BasePage):
    """One chapter of a long exhibit."""

    body = StreamField(ExhibitStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["exhibits.ExhibitPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exhibit section")
        verbose_name_plural = _("exhibit sections")

    def get_exhibit(self):
        parent = getattr(self, "_exhibit", None)
        if parent is None:
            parent = self._exhibit = self.get_parent().specific
        return parent
