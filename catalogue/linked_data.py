"""schema.org descriptions (JSON-LD) of items, collections and reading lists, and Dublin Core as JSON.

The item's schema.org type follows what the item is (catalogue.citations.item_kind): Book,
Manuscript, Photograph, Map, AudioObject, VideoObject, Dataset, ImageObject, else CreativeWork.
Exhibits describe themselves as ExhibitionEvent (exhibits.models.ExhibitPage.structured_data).
Built from objects already loaded for the page: no extra database queries.
"""

from django.utils.html import strip_tags

from catalogue import citations

SCHEMA_CONTEXT = "https://schema.org"

SCHEMA_TYPES = {
    citations.BOOK: "Book",
    citations.MANUSCRIPT: "Manuscript",
    citations.PHOTOGRAPH: "Photograph",
    citations.MAP: "Map",
    citations.IMAGE: "ImageObject",
    citations.AUDIO: "AudioObject",
    citations.VIDEO: "VideoObject",
    citations.DATASET: "Dataset",
    citations.OTHER: "CreativeWork",
}

IDENTIFIER_URLS = {
    "doi": "https://doi.org/{}",
    "lccn": "https://lccn.loc.gov/{}",
    "oclc": "https://www.worldcat.org/oclc/{}",
    "handle": "https://hdl.handle.net/{}",
}


def _plain(html):
    return " ".join(strip_tags(html or "").split())


def agent_node(agent):
    node = {"@type": "Organization" if agent.kind != "person" else "Person", "name": agent.name}
    same_as = agent.authority_links()
    if same_as:
        node["sameAs"] = same_as
    return node


def item_jsonld(item, request, citable, *, record_language, collections=(), image_url="", files=()):
    """The schema.org description of a catalogue item."""
    from media_library.iiif import manifest_url

    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": SCHEMA_TYPES[citable.kind],
        "@id": citable.url or None,
        "url": citable.url or None,
        "name": {"@value": item.title, "@language": item.title_language or record_language},
    }
    alternates = [
        {"@value": t.title, "@language": t.language} if t.language else t.title for t in item.alternative_titles.all()
    ]
    if alternates:
        data["alternateName"] = alternates
    if citable.creators:
        data["author" if citable.kind in (citations.BOOK, citations.MANUSCRIPT) else "creator"] = [
            agent_node(a) for a in citable.creators
        ]
    if citable.contributors:
        data["contributor"] = [agent_node(link.agent) for link in citable.contributors]
    if citable.year is not None:
        # schema.org dates are ISO 8601; “c. 1850” or “XVI asr” stay in the record's own date field.
        made = citations.MANUSCRIPT, citations.PHOTOGRAPH, citations.IMAGE, citations.MAP
        data["dateCreated" if citable.kind in made else "datePublished"] = str(citable.year)
    if citable.languages:
        data["inLanguage"] = [language.bcp47 for language in citable.languages]
    description = _plain(item.description)
    if description:
        data["description"] = description
    about = [
        {"@type": "Thing", "name": link.subject.label, **_same_as(link.subject)} for link in item.subject_links.all()
    ]
    if about:
        data["about"] = about
        data["keywords"] = ", ".join(node["name"] for node in about)
    places = [{"@type": "Place", "name": link.place.name, **_same_as(link.place)} for link in item.place_links.all()]
    if places:
        data["contentLocation" if citable.kind == citations.PHOTOGRAPH else "spatialCoverage"] = places
    if item.temporal_coverage:
        data["temporalCoverage"] = item.temporal_coverage
    if item.publisher:
        publisher = {"@type": "Organization", "name": item.publisher}
        if item.place_of_publication:
            publisher["location"] = {"@type": "Place", "name": item.place_of_publication}
        data["publisher"] = publisher
    identifiers = []
    same_as = []
    for identifier in citable.identifiers:
        identifiers.append({"@type": "PropertyValue", "propertyID": identifier.scheme, "value": identifier.value})
        pattern = IDENTIFIER_URLS.get(identifier.scheme)
        if pattern:
            same_as.append(pattern.format(identifier.value))
        elif identifier.scheme == "uri":
            same_as.append(identifier.value)
    if identifiers:
        data["identifier"] = identifiers
    isbn = citable.identifier("isbn")
    if isbn and citable.kind == citations.BOOK:
        data["isbn"] = isbn
    if same_as:
        data["sameAs"] = same_as
    if item.extent:
        data["materialExtent"] = item.extent
    if item.format:
        data["encodingFormat" if "/" in item.format else "artMedium"] = item.format
    if item.rights_id and item.rights:
        data["license"] = item.rights.uri
    if item.rights_holder:
        data["copyrightHolder"] = {"@type": "Organization", "name": item.rights_holder}
    if collections:
        data["isPartOf"] = [
            {"@type": "Collection", "name": c.title, "url": c.get_full_url(request)} for c in collections
        ]
    if image_url:
        data["image"] = {"@type": "ImageObject", "contentUrl": image_url}
    media = []
    for f in files:
        if f.media_id and f.media:
            media.append(
                {
                    "@type": "VideoObject" if f.media.type == "video" else "AudioObject",
                    "name": f.label or f.media.title,
                    "contentUrl": f.media.url,
                }
            )
        elif f.document_id and f.document:
            media.append({"@type": "MediaObject", "name": f.label or f.document.title, "contentUrl": f.document.url})
    if media:
        data["associatedMedia"] = media
    if item.pk and files and any(f.image_id for f in files):
        data["subjectOf"] = {
            "@type": "CreativeWork",
            "encodingFormat": "application/ld+json",
            "url": manifest_url(item),
        }
    if citable.library_name:
        data["provider"] = {"@type": "Library", "name": citable.library_name}
    return {key: value for key, value in data.items() if value is not None}


def _same_as(term):
    links = term.authority_links()
    return {"sameAs": links} if links else {}


def _titles_of(entries):
    """The items of a page of a list with what a link to them needs; the cards of a list that
    come from the cache (catalogue.listing.ListedItems) are not loaded in full for this."""
    rows = getattr(entries, "rows", None)
    if rows is None:
        return list(entries)
    from catalogue.models import Item

    ids = [pk for pk, _stamp in rows]
    loaded = Item.objects.filter(pk__in=ids).only("pk", "title", "slug", "locale_id").in_bulk()
    return [loaded[pk] for pk in ids if pk in loaded]


def collection_jsonld(page, request, items_page=None, subcollections=()):
    """schema.org Collection of a collection page: its items on the current page of the listing as parts."""
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Collection",
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
    }
    description = page.introduction or _plain(page.description)
    if description:
        data["description"] = description
    if page.image_id and page.image:
        data["image"] = page.image.file.url
    parts = [{"@type": "Collection", "name": sub.title, "url": sub.get_full_url(request)} for sub in subcollections]
    if items_page is not None:
        data["collectionSize"] = items_page.paginator.count
        for item in _titles_of(items_page.object_list):
            url = item.get_canonical_url(request)
            parts.append(
                {"@type": "CreativeWork", "name": item.title, "url": request.build_absolute_uri(url) if url else None}
            )
    if parts:
        data["hasPart"] = parts
    return data


def reading_list_jsonld(page, request, sections):
    """schema.org ItemList of a reading list: its public entries, numbered in the order of the page."""
    elements = []
    position = 0
    for _heading, entries in sections:
        for entry in entries:
            if not entry.is_public:
                continue
            position += 1
            thing = {"@type": "CreativeWork", "name": entry.title}
            if entry.url:
                thing["url"] = entry.url
            if entry.creators:
                thing["author"] = [{"@type": "Person", "name": name} for name in entry.creators]
            if entry.isbn:
                thing["@type"] = "Book"
                thing["isbn"] = entry.isbn
            elements.append({"@type": "ListItem", "position": position, "item": thing})
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ItemList",
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
        "numberOfItems": position,
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "itemListElement": elements,
    }
    if page.search_description:
        data["description"] = page.search_description
    return data


# --- Dublin Core as JSON ------------------------------------------------------------------


def dublin_core_json(item, request=None):
    """The item's oai_dc record as JSON: {"dc:title": [{"value", "lang"}], ...}, the same values as dc.xml."""
    from catalogue.records import DC, XML_LANG, dublin_core

    root = dublin_core(item, request)
    record = {}
    for node in root:
        element = "dc:" + node.tag.removeprefix(f"{{{DC}}}")
        value = {"value": node.text}
        if node.get(XML_LANG):
            value["lang"] = node.get(XML_LANG)
        record.setdefault(element, []).append(value)
    url = item.get_canonical_url(request) if item.pk else ""
    if url and request is not None:
        url = request.build_absolute_uri(url)
    return {"@context": {"dc": DC}, "id": url or None, **record}
