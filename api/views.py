"""The public, read-only JSON API (Wagtail API v2): pages, images, documents and catalogue items.

Everything here is what an anonymous visitor may see, whoever asks: requests are not
authenticated, so a signed-in member of staff gets the same answers as anyone else.
Pages are Wagtail's live, unrestricted pages; images and documents are those the media
library keeps public (see media_library.access); items are `Item.objects.public()`.
"""

import functools
from pathlib import Path

import yaml
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from catalogue.models import (
    AccessLevel,
    CollectionPage,
    DCMIType,
    Item,
    ItemAgent,
    ItemFile,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    public_condition,
)
from cms.storages import PRIVATE_PREFIX


class PublicOnlyMixin:
    """JSON only, and no authentication: the API shows public data to everyone alike."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []


class PublicPagesAPIViewSet(PublicOnlyMixin, PagesAPIViewSet):
    """Live pages without a view restriction (Wagtail's own rule for the pages endpoint)."""


def public_files(queryset, kind, request):
    """Of an image or document queryset, the files the media library keeps public.

    A file is public when no item uses it (a page illustration) or when a public item shows it
    as an open file; a file of a restricted, unpublished or embargoed item never is. Files in
    private storage and in collections with a view restriction are left out as well.
    """
    used = ItemFile.objects.filter(**{f"{kind}_id": OuterRef("pk")})
    shown_openly = used.filter(access_level=AccessLevel.OPEN, item__in=Item.objects.public())
    return (
        queryset.filter(~Exists(used) | Exists(shown_openly))
        .exclude(file__startswith=PRIVATE_PREFIX)
        .exclude(collection__in=get_restricted_collection_ids(request))
    )


class PrefetchedTagsField(serializers.Field):
    """Tag names from the tags loaded with the listing (Wagtail's TagsField queries once per file)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PublicFilesMixin:
    """No full-text search here: the search index cannot apply the public-file rule above,
    and a search before it would leak titles. Items are searched on the public site."""

    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}
    meta_fields = BaseAPIViewSet.meta_fields + [APIField("tags", serializer=PrefetchedTagsField()), "download_url"]


class PublicImagesAPIViewSet(PublicOnlyMixin, PublicFilesMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return public_files(super().get_queryset(), "image", self.request).prefetch_related("tags")


class PublicDocumentsAPIViewSet(PublicOnlyMixin, PublicFilesMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return public_files(super().get_queryset(), "document", self.request).prefetch_related("tags")


# --- Items ---------------------------------------------------------------------------------


class ItemSerializer(serializers.BaseSerializer):
    """An item as Dublin Core in JSON, with links to its page, its IIIF manifest and its oai_dc record."""

    def to_representation(self, item):
        from media_library.iiif import LOCALE_TAGS, manifest_url, plain_text
        from media_library.tiles import absolute

        request = self.context["request"]
        record_lang = LOCALE_TAGS.get(item.locale.language_code.lower(), item.locale.language_code)
        url = item.get_canonical_url(request)
        relations = []
        for relation in item.relations.all():
            if relation.target_item_id:
                target = relation.target_item.get_canonical_url(request)
                relations.append(
                    {"type": relation.relation_type, "uri": absolute(target or ""), "item": relation.target_item_id}
                )
            else:
                relations.append({"type": relation.relation_type, "uri": relation.uri, "item": None})
        return {
            "id": item.pk,
            "meta": {
                "type": "catalogue.Item",
                "detail_url": absolute(reverse("wagtailapi:items:detail", args=[item.pk])),
                "html_url": absolute(url) if url else None,
                "locale": item.locale.language_code,
                "modified": item.updated_at.isoformat(),
            },
            "title": {"value": item.title, "language": item.title_language or record_lang},
            "alternative_titles": [
                {"value": t.title, "language": t.language or None} for t in item.alternative_titles.all()
            ],
            "creator": [
                {"name": link.agent.name, "role": link.role, "agent": link.agent_id}
                for link in item.agent_links.all()
                if link.dc_element == ItemAgent.DCElement.CREATOR
            ],
            "contributor": [
                {"name": link.agent.name, "role": link.role, "agent": link.agent_id}
                for link in item.agent_links.all()
                if link.dc_element == ItemAgent.DCElement.CONTRIBUTOR
            ],
            "subject": [link.subject.label for link in item.subject_links.all()],
            "description": plain_text(item.description),
            "publisher": item.publisher,
            "place_of_publication": item.place_of_publication,
            "date": item.date,
            "date_edtf": item.date_edtf,
            "type": item.dcmi_type,
            "format": item.format,
            "extent": item.extent,
            "identifier": [{"scheme": i.scheme, "value": i.value} for i in item.identifiers.all()],
            "source": item.source,
            "language": [language.code for language in item.languages.all()],
            "relation": relations,
            "coverage": {
                "spatial": [link.place.name for link in item.place_links.all()],
                "temporal": item.temporal_coverage,
            },
            "rights": {
                "uri": item.rights.uri if item.rights_id else None,
                "label": item.rights.label if item.rights_id else None,
                "holder": item.rights_holder,
                "note": item.rights_note,
            },
            "collections": [{"id": page.pk, "title": page.title} for page in item.collections.all()],
            "iiif_manifest": manifest_url(item),
            "dublin_core_xml": absolute(reverse("item_dublin_core", args=[item.pk])),
        }


ITEM_ORDERINGS = {
    "id": ("id",),
    "-id": ("-id",),
    "title": ("title", "id"),
    "-title": ("-title", "-id"),
    "modified": ("updated_at", "id"),
    "-modified": ("-updated_at", "-id"),
}


class ItemsAPIViewSet(PublicOnlyMixin, BaseAPIViewSet):
    """Public catalogue items, filtered by collection, type, language, locale and date of change."""

    name = "items"
    model = Item
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["collection", "type", "language", "modified_since", "locale"]
    ) - {"fields", "search", "search_operator", "rich_text_format"}

    def get_serializer_class(self):
        return ItemSerializer

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised filter: {}".format(", ".join(sorted(unknown)))
            )

    def get_queryset(self):
        params = self.request.GET
        queryset = Item.objects.public()
        if "collection" in params:
            queryset = queryset.filter(self._collection_filter(params["collection"]))
        if "type" in params:
            if params["type"] not in DCMIType.values:
                raise BadRequestError(
                    "type must be one of the DCMI types: {} (given: {})".format(
                        ", ".join(DCMIType.values), params["type"]
                    )
                )
            queryset = queryset.filter(dcmi_type=params["type"])
        if "language" in params:
            code = params["language"].strip().lower()
            through = Item.languages.through.objects.filter(item_id=OuterRef("pk"))
            queryset = queryset.filter(
                Exists(
                    through.filter(Q(language__code=code) | Q(language__iso639_1=code) | Q(language__iso639_2b=code))
                )
            )
        if "locale" in params:
            queryset = queryset.filter(locale__language_code__iexact=params["locale"])
        if "modified_since" in params:
            queryset = queryset.filter(updated_at__gte=self._parse_since(params["modified_since"]))
        order = params.get("order", "id")
        if order not in ITEM_ORDERINGS:
            raise BadRequestError("order must be one of {} (given: {})".format(", ".join(ITEM_ORDERINGS), order))
        return (
            queryset.order_by(*ITEM_ORDERINGS[order])
            .select_related("rights", "locale")
            .prefetch_related(
                Prefetch("agent_links", queryset=ItemAgent.objects.select_related("agent").order_by("sort_order")),
                Prefetch(
                    "subject_links", queryset=ItemSubject.objects.select_related("subject").order_by("sort_order")
                ),
                Prefetch("place_links", queryset=ItemPlace.objects.select_related("place").order_by("sort_order")),
                "alternative_titles",
                "identifiers",
                "languages",
                Prefetch("collections", queryset=CollectionPage.objects.live().public().order_by("path")),
                Prefetch(
                    "relations",
                    # A link to an item the public may not see is left out, tested on the joined
                    # row: `target_item__in=` a subquery read every public item (a tenth of a
                    # second at 250,000 items).
                    queryset=ItemRelation.objects.filter(
                        Q(target_item__isnull=True) | public_condition("target_item__")
                    )
                    .select_related("target_item")
                    .order_by("sort_order"),
                ),
            )
        )

    def _collection_filter(self, value):
        if not value.isdigit():
            raise BadRequestError(f"collection must be the id of a collection page (given: {value})")
        page = CollectionPage.objects.live().public().filter(pk=int(value)).only("path").first()
        if page is None:
            raise BadRequestError(f"collection {value} is not a published collection")
        # The items of the collection and of its sub-collections.
        through = Item.collections.through.objects.filter(
            item_id=OuterRef("pk"), collectionpage__path__startswith=page.path
        )
        return Q(Exists(through))

    @staticmethod
    def _parse_since(value):
        try:
            moment = parse_datetime(value)
            day = None if moment else parse_date(value)
        except ValueError:
            moment = day = None
        if moment is None and day is None:
            raise BadRequestError(
                f"modified_since must be a date (2024-05-01) or a date and time (2024-05-01T12:00:00Z); given: {value}"
            )
        if moment is None:
            moment = timezone.datetime(day.year, day.month, day.day)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, timezone.get_default_timezone())
        return moment


# --- OpenAPI description -------------------------------------------------------------------

OPENAPI_FILE = Path(__file__).resolve().parent / "openapi.yaml"


@functools.cache
def openapi_document():
    with OPENAPI_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@require_safe
@cache_control(public=True, max_age=3600)
def openapi(request):
    response = JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})
    return response
