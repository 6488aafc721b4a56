"""Pages of the catalogue: the collections tree and the pages that route item and authority URLs."""

from django.db import models
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from home import site_cache
from home.mixins import BasePage

from .items import MAX_ITEM_ID, Item, ItemAgent, ItemPlace, ItemSubject
from .vocabularies import Agent, Place, Subject


class CollectionIndexPage(BasePage):
    """The list of the library's collections."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.CollectionPage"]

    class Meta:
        verbose_name = _("collections index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collections"] = (
            CollectionPage.objects.child_of(self).live().public().select_related("listing_image").specific()
        )
        return context


class CollectionPage(BasePage):
    """A collection or sub-collection: its description and a browsable list of its items.

    The list includes the items of its sub-collections.
    """

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))
    description = RichTextField(_("description"), blank=True)
    image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("description"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("description")]
    # The public API (docs/api.md): /api/v2/pages/?type=catalogue.CollectionPage&fields=introduction,description
    api_fields = [APIField("introduction"), APIField("description")]
    parent_page_types = ["catalogue.CollectionIndexPage", "catalogue.CollectionPage"]
    subpage_types = ["catalogue.CollectionPage"]

    class Meta:
        verbose_name = _("collection")

    def public_items(self):
        """Public items of this collection and of all its sub-collections, in the page's language
        (untranslated items in Uzbek); in another language, the members of the Uzbek collection count."""
        from home.i18n import default_locale_path, in_locale

        def tree_ids():
            in_tree = models.Q(path__startswith=self.path)
            source_path = default_locale_path(self)
            if source_path and source_path != self.path:
                in_tree |= models.Q(path__startswith=source_path)
            return sorted(CollectionPage.objects.filter(in_tree, depth__gte=self.depth).values_list("pk", flat=True))

        # The collections of the tree as a list of ids (from the site cache) rather than a join on
        # their paths: the database then knows how many items they hold and plans accordingly.
        collection_ids = site_cache.cached(("collection_tree", self.pk), tree_ids)
        memberships = Item.collections.through.objects.filter(collectionpage_id__in=collection_ids)
        return in_locale(Item.objects.public().filter(pk__in=memberships.values("item_id")), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from catalogue.listing import ItemListing

        context = super().get_context(request, *args, **kwargs)
        listing = ItemListing(self.public_items(), request.GET)
        context["listing"] = listing
        context["items_page"] = listing.page(request.GET.get("page"))
        context["facets"] = listing.facets()
        context["subcollections"] = site_cache.cached(
            ("subcollections", self.pk),
            lambda: list(CollectionPage.objects.child_of(self).live().public().select_related("listing_image")),
        )
        if not getattr(request, "is_preview", False):
            from catalogue.linked_data import collection_jsonld

            context["structured_data"] = collection_jsonld(
                self, request, context["items_page"], context["subcollections"]
            )
        return context


def _item_id_or_404(item_id):
    if item_id > MAX_ITEM_ID:
        raise Http404("No such item.")
    return item_id


class ItemIndexPage(RoutablePageMixin, BasePage):
    """Gives every catalogue item its one canonical address: /items/<id>/<slug>/.

    The page itself lists all public items, with the same filters as a collection.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("items index")

    @path("")
    def browse(self, request):
        from catalogue.listing import ItemListing
        from home.i18n import in_locale

        listing = ItemListing(in_locale(Item.objects.public(), self.locale_id), request.GET)
        context = self.get_context(request)
        context.update(listing=listing, items_page=listing.page(request.GET.get("page")), facets=listing.facets())
        return TemplateResponse(request, "catalogue/item_index_page.html", context)

    @path("<int:item_id>/", name="item_by_id")
    def item_by_id(self, request, item_id):
        item = self._get_item(request, item_id)
        return HttpResponsePermanentRedirect(item.get_url(request))

    @path("<int:item_id>/<str:slug>/", name="item")
    def item_detail(self, request, item_id, slug):
        from catalogue import page_cache
        from catalogue.views import item_detail_context, item_page_queryset, record_context

        cacheable = page_cache.cacheable(request)
        if cacheable:
            # The record itself may come from the cache: load the item alone first.
            item = get_object_or_404(
                Item.objects.visible_to(request.user).only(*page_cache.KEY_FIELDS), pk=_item_id_or_404(item_id)
            )
        else:
            item = self._get_item(request, item_id)
        if item.locale_id != self.locale_id:
            elsewhere = self._other_language(request, item)
            if elsewhere is not None:
                return elsewhere
        if slug != item.slug:
            return HttpResponsePermanentRedirect(item.get_url(request))
        if cacheable:
            html = page_cache.cached_page(request, item)
            if html is not None:
                return self._with_validator(HttpResponse(html), item)

            def build():
                full = item_page_queryset(request.user).get(pk=item.pk)
                return record_context(request, full, page=self)

            context = {"page": self, "self": self, "item": item, "parts": page_cache.item_parts(request, item, build)}
        else:
            context = item_detail_context(request, item, page=self)
        response = TemplateResponse(request, "catalogue/item_detail.html", context)
        if cacheable:
            page_cache.keep_page(request, item, response)
        return self._with_validator(response, item)

    @staticmethod
    def _with_validator(response, item):
        if item.last_published_at:
            # A validator beside the ETag (cms.http_cache drops it from private answers).
            response["Last-Modified"] = http_date(item.last_published_at.timestamp())
        return response

    def _other_language(self, request, item):
        """The redirect for an item asked for under the index of another language, or None to show it.

        Its translation into this language when the visitor may see one (302: a translation can
        be withdrawn); an Uzbek record not translated into it is shown here, in the visitor's
        interface language; a record of another language goes to its own address (301).
        """
        translation = (
            Item.objects.visible_to(request.user)
            .filter(translation_key=item.translation_key, locale_id=self.locale_id, live=True)
            .first()
        )
        if translation is not None:
            return HttpResponseRedirect(translation.get_url(request))
        if item.locale_id == site_cache.default_locale_id():
            return None
        return HttpResponsePermanentRedirect(item.get_canonical_url(request))

    def _get_item(self, request, item_id):
        from catalogue.views import item_page_queryset

        return get_object_or_404(item_page_queryset(request.user), pk=_item_id_or_404(item_id))


class VocabularyIndexPage(RoutablePageMixin, BasePage):
    """The public index of one vocabulary (people and organisations, subjects or places) and a page for each term listing its items."""

    class Vocabulary(models.TextChoices):
        AGENTS = "agents", _("People and organisations")
        SUBJECTS = "subjects", _("Subjects")
        PLACES = "places", _("Places")

    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("vocabulary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vocabulary index")

    MODELS = {"agents": Agent, "subjects": Subject, "places": Place}
    TERMS_PER_PAGE = 60

    @property
    def term_model(self):
        return self.MODELS[self.vocabulary]

    def items_for(self, term):
        if self.vocabulary == "agents":
            ids = ItemAgent.objects.filter(agent=term).values("item_id")
        elif self.vocabulary == "subjects":
            ids = ItemSubject.objects.filter(subject=term).values("item_id")
        else:
            ids = ItemPlace.objects.filter(place=term).values("item_id")
        return Item.objects.public().filter(pk__in=ids)

    @path("")
    def term_list(self, request):
        from django.core.paginator import Paginator
        from django.db.models import Exists, OuterRef

        model = self.term_model
        terms = model.objects.all()
        query = (request.GET.get("q") or "").strip()[:100]
        if query:
            terms = terms.filter(**{f"{self.label_field}__icontains": query}) | terms.filter(
                name_variants__icontains=query
            )
        # Only terms with at least one public item are listed.
        public_ids = Item.objects.public().values("pk")
        if self.vocabulary == "agents":
            has_items = ItemAgent.objects.filter(agent=OuterRef("pk"), item__in=public_ids)
        elif self.vocabulary == "subjects":
            has_items = ItemSubject.objects.filter(subject=OuterRef("pk"), item__in=public_ids)
        else:
            has_items = ItemPlace.objects.filter(place=OuterRef("pk"), item__in=public_ids)
        terms = terms.filter(Exists(has_items)).order_by(self.label_field, "pk")
        context = self.get_context(request)
        context.update(
            terms_page=Paginator(terms, self.TERMS_PER_PAGE).get_page(request.GET.get("page")),
            query=query,
        )
        return TemplateResponse(request, "catalogue/vocabulary_index_page.html", context)

    @property
    def label_field(self):
        return "label" if self.vocabulary == "subjects" else "name"

    @path("<int:term_id>/", name="term_by_id")
    def term_by_id(self, request, term_id):
        term = get_object_or_404(self.term_model, pk=_item_id_or_404(term_id))
        return HttpResponsePermanentRedirect(term.get_url(request))

    @path("<int:term_id>/<str:slug>/", name="term")
    def term_detail(self, request, term_id, slug):
        from catalogue.listing import ItemListing
        from home.i18n import in_locale

        term = get_object_or_404(self.term_model, pk=_item_id_or_404(term_id))
        if slug != term.slug:
            return HttpResponsePermanentRedirect(term.get_url(request))
        listing = ItemListing(in_locale(self.items_for(term), self.locale_id), request.GET)
        context = self.get_context(request)
        context.update(
            term=term,
            listing=listing,
            items_page=listing.page(request.GET.get("page")),
            facets=listing.facets(),
        )
        if self.vocabulary == "subjects":
            context["narrower"] = term.narrower.all()[:50]
        elif self.vocabulary == "places":
            context["parts"] = term.parts.all()[:50]
        return TemplateResponse(request, "catalogue/vocabulary_term.html", context)
