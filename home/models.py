"""The home page, standard pages and site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from .blocks import BaseStreamBlock
from .mixins import BasePage


class HomePage(BasePage):
    """The front door: an introduction, featured collections, the newest items and a search box."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    latest_items_count = models.PositiveSmallIntegerField(_("number of latest items shown"), default=8)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_collections", heading=_("Featured collections"), label=_("collection")),
        FieldPanel("latest_items_count"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "catalogue.CollectionIndexPage",
        "catalogue.ItemIndexPage",
        "catalogue.VocabularyIndexPage",
        "exhibits.ExhibitIndexPage",
        "reading_lists.ReadingListIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from catalogue.models import Item
        from home.i18n import in_locale

        context = super().get_context(request, *args, **kwargs)
        context["featured"] = [
            f.collection
            for f in self.featured_collections.select_related("collection__listing_image")
            if f.collection.live
        ]
        from catalogue.listing import ListedItems

        newest = in_locale(Item.objects.public(), self.locale_id).order_by("-last_published_at", "-pk")
        context["latest_items"] = ListedItems(newest.values_list("pk", "updated_at")[: self.latest_items_count])
        return context


class HomePageFeaturedCollection(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_collections")
    collection = models.ForeignKey("catalogue.CollectionPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("collection")]


class StandardPage(BasePage):
    """A page of text: about the library, visiting, rights and reuse."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class LibrarySettings(BaseSiteSetting):
    """The library's name, address and footer, shown on every page."""

    library_name = models.CharField(_("library name"), max_length=255, default="Kutubxona")
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("library_name"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("library settings")

    @classmethod
    def for_site(cls, site):
        """The settings of `site`, from the site cache (home/site_cache.py): every page shows them."""
        from .site_cache import cached

        return cached(("settings", cls._meta.label_lower, site.pk), lambda: super(LibrarySettings, cls).for_site(site))


class CacheGeneration(models.Model):
    """The current token of one generation of cached site data (home/site_cache.py)."""

    name = models.CharField(max_length=32, primary_key=True)
    token = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.name}: {self.token}"
