"""An item's record as Dublin Core XML (the oai_dc format, linked from its IIIF manifest as `seeAlso`)
and JSON, and its citation downloads (BibTeX, RIS, CSL-JSON).

Every record URL answers 404 for an item the visitor may not open (catalogue.views.item_page_queryset).
"""

import json
from xml.etree import ElementTree as ET

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("xsi", XSI)


def language_tag(tag):
    """A BCP 47 tag with the script for Uzbek (uz → uz-Latn), in the usual case (uz-cyrl → uz-Cyrl)."""
    from media_library.iiif import LOCALE_TAGS

    tag = (tag or "").strip()
    return LOCALE_TAGS.get(tag.lower(), tag)


def dublin_core(item, request=None, url=None, translations=(), public_targets=None):
    """The oai_dc element of `item`: every Dublin Core value, with its language where it has one.

    `url` is the item's address (else looked up for `request`); `translations` are published
    translations of the item whose text is added in their own language; `public_targets` the ids
    of public items among the targets of its relations (else looked up): a relation to an item
    the public may not see is left out.
    """
    from catalogue.models import Item
    from media_library.iiif import manifest_url, plain_text
    from media_library.tiles import absolute

    record_lang = language_tag(item.locale.language_code)
    root = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})

    def add(element, value, lang=None):
        value = str(value or "").strip()
        if value:
            node = ET.SubElement(root, f"{{{DC}}}{element}")
            node.text = value
            if lang:
                node.set(XML_LANG, lang)

    add("title", item.title, language_tag(item.title_language) or record_lang)
    for translation in translations:
        lang = language_tag(translation.locale.language_code)
        if translation.title != item.title:
            add("title", translation.title, language_tag(translation.title_language) or lang)
    for title in item.alternative_titles.all():
        add("title", title.title, language_tag(title.language) or None)
    for link in item.agent_links.all():
        add(link.dc_element, link.agent.name)
    for link in item.subject_links.all():
        add("subject", link.subject.label, record_lang)
    add("description", plain_text(item.description), record_lang)
    for translation in translations:
        lang = language_tag(translation.locale.language_code)
        if translation.description != item.description:
            add("description", plain_text(translation.description), lang)
    add("publisher", ", ".join(p for p in (item.place_of_publication, item.publisher) if p), record_lang)
    for translation in translations:
        publisher = ", ".join(p for p in (translation.place_of_publication, translation.publisher) if p)
        if (translation.place_of_publication, translation.publisher) != (item.place_of_publication, item.publisher):
            add("publisher", publisher, language_tag(translation.locale.language_code))
    add("date", item.date_edtf or item.date)
    add("type", item.dcmi_type)
    add("format", item.format)
    add("format", item.extent, record_lang)
    if item.pk:
        add("identifier", absolute(url or item.get_url(request) or ""))
        add("identifier", manifest_url(item))
    for identifier in item.identifiers.all():
        add("identifier", f"{identifier.scheme}:{identifier.value}")
    add("source", item.source)
    for language in item.languages.all():
        add("language", language.code)
    relations = list(item.relations.all())
    if public_targets is None:
        targets = {r.target_item_id for r in relations if r.target_item_id}
        public_targets = (
            set(Item.objects.public().filter(pk__in=targets).values_list("pk", flat=True)) if targets else ()
        )
    for relation in relations:
        if not relation.target_item_id:
            add("relation", relation.uri)
        elif relation.target_item_id in public_targets:
            add("relation", absolute(relation.target_item.get_canonical_url(request) or ""))
    for link in item.place_links.all():
        add("coverage", link.place.name)
    add("coverage", item.temporal_coverage, record_lang)
    for translation in translations:
        if translation.temporal_coverage != item.temporal_coverage:
            add("coverage", translation.temporal_coverage, language_tag(translation.locale.language_code))
    if item.rights_id:
        add("rights", item.rights.uri)
    add("rights", item.rights_holder, record_lang)
    add("rights", item.rights_note, record_lang)
    return root


def _record_item(request, item_id):
    """The item of a record URL, if `request.user` may open its page; else 404."""
    from catalogue.models import MAX_ITEM_ID
    from catalogue.views import item_page_queryset

    if item_id > MAX_ITEM_ID:
        raise Http404
    item = item_page_queryset(request.user).filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


def _record_response(request, item, body, content_type, filename=None):
    response = HttpResponse(body, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    if item.is_public and not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def item_dublin_core(request, item_id):
    item = _record_item(request, item_id)
    xml = ET.tostring(dublin_core(item, request), encoding="utf-8", xml_declaration=True)
    return _record_response(request, item, xml, "application/xml; charset=utf-8")


@require_safe
def item_dublin_core_json(request, item_id):
    from catalogue.linked_data import dublin_core_json

    item = _record_item(request, item_id)
    body = json.dumps(dublin_core_json(item, request), ensure_ascii=False, indent=2)
    return _record_response(request, item, body.encode(), "application/json; charset=utf-8")


# The downloads of “Cite this item”: (media type, writer in catalogue.citations).
CITATION_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bibtex"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "csl_json_text"),
}


@require_safe
def item_citation(request, item_id, extension):
    from catalogue import citations
    from home.models import LibrarySettings
    from home.templatetags.language_tags import in_interface_script

    item = _record_item(request, int(item_id))  # re_path passes the digits as text
    content_type, writer = CITATION_FORMATS[extension]
    url = item.get_canonical_url(request)
    library_name = in_interface_script(LibrarySettings.for_request(request).library_name)
    citable = citations.Citable(item, request.build_absolute_uri(url) if url else "", library_name)
    body = getattr(citations, writer)(citable)
    return _record_response(request, item, body.encode(), content_type, f"{citable.key}.{extension}")
