"""Abstract page mixins that bring their own fields and panels."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


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

    # The page's words under the cross-script Uzbek key or Russian/English stems (search/normalise.py).
    search_fields = Page.search_fields + [index.SearchField("search_key")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with the children of each page from the site cache (home/site_cache.py).

        Wagtail queries the child by slug and then its specific page at every level of the path.
        """
        if not path_components:
            return super().route(request, path_components)
        from django.http import Http404

        from home.site_cache import children

        child = children(self).get(path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        """Wagtail's view restrictions of the page and its ancestors, without a query when no page
        of the site has any (the cached answer changes when a restriction is saved or deleted)."""
        from wagtail.models import PageViewRestriction

        from home.site_cache import any_view_restrictions

        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_key(self):
        """The key words of the page's other search fields, in the language of its locale."""
        from search.normalise import index_key

        texts = []
        for search_field in self.get_search_fields():
            if not isinstance(search_field, index.SearchField) or search_field.field_name == "search_key":
                continue
            value = getattr(self, search_field.field_name, None)
            if callable(value):
                value = value()
            try:
                model_field = self._meta.get_field(search_field.field_name)
            except FieldDoesNotExist:  # a method or property
                model_field = None
            if hasattr(model_field, "get_searchable_content"):
                texts += [str(v) for v in model_field.get_searchable_content(value)]
            elif value:
                texts.append(str(value))
        return index_key(texts, [self.locale.language_code if self.locale_id else ""])

    def get_listing_summary(self):
        return self.listing_summary or self.search_description

    def get_social_image(self):
        return self.social_image or self.listing_image
