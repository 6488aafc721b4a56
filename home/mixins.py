"""Abstract page mixins that bring their own fields and panels."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class ListingFieldsMixin(models.Model):
    """How a page looks where it is listed: a card image and a one-line summary."""

    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_summary = models.CharField(_("listing summary"), max_length=300, blank=True)

    class Meta:
        abstract = True

    promote_panels = [
        MultiFieldPanel([FieldPanel("listing_image"), FieldPanel("listing_summary")], heading=_("Listing")),
    ]


class SocialFieldsMixin(models.Model):
    """What a link to the page shows when shared."""

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_text = models.CharField(_("share text"), max_length=300, blank=True)

    class Meta:
        abstract = True

    promote_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing")),
    ]


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Every page of the site: Wagtail's page plus listing and sharing fields."""

    promote_panels = Page.promote_panels + ListingFieldsMixin.promote_panels + SocialFieldsMixin.promote_panels

    class Meta:
        abstract = True

    def get_listing_summary(self):
        return self.listing_summary or self.search_description

    def get_social_image(self):
        return self.social_image or self.listing_image
