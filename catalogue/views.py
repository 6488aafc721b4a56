"""What the public item page shows, shared by the routed page and the admin preview."""

from django.db.models import Prefetch, Q

from catalogue.models import (
    Item,
    ItemAgent,
    ItemFile,
    ItemIndexPage,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    user_is_staff,
)

RELATED_ITEMS = 6


def item_detail_context(request, item, page=None):
    """Context for catalogue/item_detail.html.

    `item` may be a revision shown in preview, so related objects are read through
    the item (its in-memory cluster) rather than queried by primary key.
    """
    if page is None:
        page = ItemIndexPage.objects.live().filter(locale_id=item.locale_id).first() or ItemIndexPage.objects.first()
    return record_context(request, item, page)


def record_context(request, item, page):
    """Context of the record's own parts (templates/catalogue/item/), cached by catalogue/page_cache.py."""
    staff = request.user.is_authenticated and user_is_staff(request.user)
    agent_links = list(item.agent_links.all())
    files = item.files_visible_to(request.user)
    start_canvas = _start_canvas(request, item, files)
    breadcrumbs = []
    if item.primary_collection_id and item.primary_collection and item.primary_collection.live:
        collection = item.primary_collection
        breadcrumbs = [p for p in collection.get_ancestors(inclusive=True).live() if p.depth > 1]
    collections = [c for c in item.collections.all() if c.live]
    return {
        **citing_context(request, item, files, collections),
        "page": page,
        "self": page,
        "item": item,
        "creators": [a for a in agent_links if a.dc_element == ItemAgent.DCElement.CREATOR],
        "contributors": [a for a in agent_links if a.dc_element == ItemAgent.DCElement.CONTRIBUTOR],
        "identifiers": list(item.identifiers.all()),
        "alternative_titles": list(item.alternative_titles.all()),
        "subjects": [link.subject for link in item.subject_links.all()],
        "places": [link.place for link in item.place_links.all()],
        "languages": list(item.languages.all()),
        "collections": collections,
        "relations": _relations(item),
        "related_items": list(_related_items(item)) if item.pk else [],
        "files": files,
        "breadcrumbs": breadcrumbs,
        "is_staff_view": staff and not item.is_public,
        "start_canvas": start_canvas,
    }


def citing_context(request, item, files, collections):
    """References in several styles, citation_* meta tags and schema.org JSON-LD of the item page.

    Made from the objects the page has loaded already: the page costs no extra queries.
    """
    from django.urls import NoReverseMatch

    from catalogue.citations import Citable, formatted_references
    from catalogue.linked_data import item_jsonld
    from catalogue.templatetags.catalogue_tags import lead_image
    from home.models import LibrarySettings
    from home.templatetags.language_tags import in_interface_script
    from media_library.iiif import LOCALE_TAGS

    url = ""
    if item.pk and item.slug:
        try:
            url = item.get_canonical_url(request) or ""
        except NoReverseMatch:
            url = ""
        url = request.build_absolute_uri(url) if url else ""
    library_name = in_interface_script(LibrarySettings.for_request(request).library_name)
    citable = Citable(item, url, library_name)
    public = item.is_public
    lead = lead_image(item, files) if public else None
    pdf = next(
        (
            f.document
            for f in files
            if f.document_id and f.document.file_extension == "pdf" and f.access_level == "open"
        ),
        None,
    )
    record_language = LOCALE_TAGS.get(item.locale.language_code.lower(), item.locale.language_code)
    return {
        "citable": citable,
        "references": formatted_references(citable, use_cache=not getattr(request, "is_preview", False)),
        "citation_pdf_url": request.build_absolute_uri(pdf.url) if pdf and public else "",
        "structured_data": item_jsonld(
            item,
            request,
            citable,
            record_language=record_language,
            collections=collections,
            image_url=request.build_absolute_uri(lead.file.url) if lead else "",
            files=files if public else [],
        ),
    }


def _start_canvas(request, item, files):
    """The viewer's first canvas from ?page=<n> (the n-th image, from 1) or ?file=<file id>, if given."""
    from media_library.iiif import canvas_url

    images = [f for f in files if f.image_id]
    page, file_id = request.GET.get("page", ""), request.GET.get("file", "")
    chosen = None
    if page.isdigit() and 1 <= int(page) <= len(images):
        chosen = images[int(page) - 1]
    elif file_id.isdigit():
        chosen = next((f for f in images if f.pk == int(file_id)), None)
    return canvas_url(item, chosen) if chosen and item.pk else ""


def _relations(item):
    relations = list(item.relations.all())
    targets = {r.target_item_id for r in relations if r.target_item_id}
    public = set(Item.objects.public().filter(pk__in=targets).values_list("pk", flat=True)) if targets else set()
    result = []
    for relation in relations:
        if relation.target_item_id and relation.target_item_id not in public:
            continue  # a link to an item the visitor may not see is left out
        result.append(relation)
    return result


def _related_items(item):
    """Public items linked to this one, then items sharing a subject."""
    linked = ItemRelation.objects.filter(item=item, target_item__isnull=False).values("target_item_id")
    inbound = ItemRelation.objects.filter(target_item=item).values("item_id")
    subject_ids = ItemSubject.objects.filter(item=item).values("subject_id")
    sharing = ItemSubject.objects.filter(subject_id__in=subject_ids).values("item_id")
    qs = (
        Item.objects.public()
        .filter(locale_id=item.locale_id)
        .exclude(pk=item.pk)
        .filter(Q(pk__in=linked) | Q(pk__in=inbound) | Q(pk__in=sharing))
    )
    return qs.for_listing().order_by("title")[:RELATED_ITEMS]


def item_page_queryset(user):
    """Items `user` may open, with everything the item page shows loaded in a fixed number of queries."""
    return (
        Item.objects.visible_to(user)
        .select_related("rights", "primary_collection", "thumbnail", "locale")
        .prefetch_related(
            Prefetch("agent_links", queryset=ItemAgent.objects.select_related("agent").order_by("sort_order")),
            # The renditions of every scan in one query: a thumbnail per page of a 300-page book
            # would otherwise cost a query each.
            Prefetch(
                "files",
                queryset=ItemFile.objects.select_related("image", "document", "media")
                .prefetch_related("image__renditions")
                .order_by("sort_order"),
            ),
            "alternative_titles",
            "identifiers",
            Prefetch("subject_links", queryset=ItemSubject.objects.select_related("subject").order_by("sort_order")),
            Prefetch("place_links", queryset=ItemPlace.objects.select_related("place").order_by("sort_order")),
            "languages",
            "collections",
            Prefetch("relations", queryset=ItemRelation.objects.select_related("target_item").order_by("sort_order")),
        )
    )
