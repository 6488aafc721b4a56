"""IIIF Presentation 3.0 manifests and collections, built with the iiif-prezi3 models.

A manifest lists the files of an item that the requesting visitor may see: for an
anonymous visitor, only the open files of a public item. Each page scan is a canvas
whose image carries a level-0 ImageService3 pointing at the static tiles.
"""

import re
from html import unescape

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from iiif_prezi3 import (
    Annotation,
    AnnotationBody,
    AnnotationPage,
    Canvas,
    CanvasRef,
    CollectionRef,
    KeyValueString,
    Manifest,
    ManifestRef,
    Range,
    ServiceV3,
)
from iiif_prezi3 import Collection as IIIFCollection

from catalogue.models import ItemAgent
from media_library.tiles import absolute, tiles_base_url

# BCP 47 tags of the site's content locales, with the script where a language has two.
LOCALE_TAGS = {"uz": "uz-Latn", "uz-cyrl": "uz-Cyrl", "ru": "ru", "en": "en"}
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
CONTENT_TYPE = f'application/ld+json;profile="{PRESENTATION_CONTEXT}"'
NONE = "none"  # IIIF's tag for values in no particular language (names, numbers)


def iiif_rights(uri):
    """The URI as IIIF wants it: Creative Commons or RightsStatements.org, over http; None for anything else."""
    uri = re.sub(r"^https://", "http://", uri or "")
    if uri.startswith(
        (
            "http://creativecommons.org/licenses/",
            "http://creativecommons.org/publicdomain/",
            "http://rightsstatements.org/vocab/",
        )
    ):
        return uri
    return None


def lang_of(item):
    return LOCALE_TAGS.get(item.locale.language_code.lower(), item.locale.language_code)


def lang_map(value, lang):
    values = value if isinstance(value, list) else [value]
    return {lang: [str(v) for v in values if str(v)]}


def plain_text(html):
    return re.sub(r"\s+", " ", unescape(strip_tags(html or ""))).strip()


def manifest_url(item):
    return absolute(reverse("iiif_manifest", args=[item.pk]))


def canvas_url(item, file):
    return f"{manifest_url(item).rsplit('/manifest', 1)[0]}/canvas/{file.pk}"


def collection_url(page):
    return absolute(reverse("iiif_collection", args=[page.pk]))


def visible_files(item, user):
    """The item's files this visitor may see, in reading order."""
    return item.files_visible_to(user)


def _metadata(item, lang):
    rows = []

    def add(label, values, value_lang=lang):
        values = [str(v) for v in values if str(v)]
        if values:
            rows.append(KeyValueString(label={"en": [label]}, value={value_lang: values}))

    add("Alternative title", [t.title for t in item.alternative_titles.all()])
    creators = [link for link in item.agent_links.all() if link.dc_element == ItemAgent.DCElement.CREATOR]
    add("Creator", [f"{link.agent.name} ({link.get_role_display()})" for link in creators], NONE)
    contributors = [link for link in item.agent_links.all() if link.dc_element == ItemAgent.DCElement.CONTRIBUTOR]
    add("Contributor", [f"{link.agent.name} ({link.get_role_display()})" for link in contributors], NONE)
    add("Date", [item.date], NONE)
    add("Type", [item.dcmi_type], NONE)
    add("Publisher", [", ".join(p for p in (item.place_of_publication, item.publisher) if p)])
    add("Extent", [item.extent])
    add("Format", [item.format])
    add("Language", [language.name for language in item.languages.all()], "en")
    add("Subject", [link.subject.label for link in item.subject_links.all()])
    add("Place", [link.place.name for link in item.place_links.all()])
    add("Identifier", [f"{i.get_scheme_display()}: {i.value}" for i in item.identifiers.all()], NONE)
    add("Source", [item.source])
    return rows


def build_manifest(item, user, request=None):
    """The IIIF Presentation 3 manifest of `item` as seen by `user`."""
    from media_library.models import Derivative

    lang = item.title_language or lang_of(item)
    base = manifest_url(item).rsplit("/manifest", 1)[0]
    library = getattr(settings, "WAGTAIL_SITE_NAME", "Kutubxona")
    homepage_url = absolute(item.get_url(request) or "/")
    manifest = Manifest(
        id=manifest_url(item),
        label=lang_map(item.title, lang),
        metadata=_metadata(item, lang_of(item)) or None,
        summary=lang_map(plain_text(item.description), lang_of(item)) if item.description else None,
        requiredStatement=KeyValueString(label={"en": ["Attribution"]}, value={NONE: [f"{library}"]}),
        provider=[
            {
                "id": absolute("/"),
                "type": "Agent",
                "label": {NONE: [library]},
                "homepage": [{"id": absolute("/"), "type": "Text", "label": {NONE: [library]}, "format": "text/html"}],
            }
        ],
        homepage=[{"id": homepage_url, "type": "Text", "label": lang_map(item.title, lang), "format": "text/html"}],
        seeAlso=[
            {
                "id": absolute(reverse("item_dublin_core", args=[item.pk])),
                "type": "Dataset",
                "label": {"en": ["Dublin Core record"]},
                "format": "application/xml",
                "profile": "http://www.openarchives.org/OAI/2.0/oai_dc/",
            }
        ],
    )
    rights = iiif_rights(item.rights.uri) if item.rights_id else None
    if rights:
        manifest.rights = rights
    elif item.rights_id:
        manifest.metadata = [
            *(manifest.metadata or []),
            KeyValueString(label={"en": ["Rights"]}, value={NONE: [item.rights.label]}),
        ]
    files = visible_files(item, user)
    scans = [f for f in files if f.image_id]
    tiled = dict(
        Derivative.objects.filter(
            image_id__in=[f.image_id for f in scans], kind=Derivative.Kind.TILES, status=Derivative.Status.DONE
        ).values_list("image_id", "data")
    )
    if len(scans) > 1 and item.dcmi_type == "Text":
        manifest.behavior = ["paged"]
    canvases = []
    for number, file in enumerate((f for f in files if f.image_id or f.media_id), start=1):
        if file.image_id:
            canvases.append(_image_canvas(base, file, number, tiles=tiled.get(file.image_id)))
        else:
            canvases.append(_av_canvas(base, file, number))
    manifest.items = canvases
    structures = _structures(base, [f for f in files if f.image_id or f.media_id], lang_of(item))
    if structures:
        manifest.structures = structures
    pdfs = [f for f in files if f.document_id and f.document.file.name.lower().endswith(".pdf")]
    if pdfs:
        manifest.rendering = [
            {
                "id": absolute(f.document.url),
                "type": "Text",
                "label": lang_map(f.label or f.document.title, NONE),
                "format": "application/pdf",
            }
            for f in pdfs
        ]
    if scans:
        first = scans[0].image
        thumb = first.get_rendition("max-400x400")
        manifest.thumbnail = [
            AnnotationBody(
                id=absolute(thumb.url),
                type="Image",
                format=_mime(thumb.file.name),
                width=thumb.width,
                height=thumb.height,
            )
        ]
    return manifest


def _image_canvas(base, file, number, tiles):
    """A canvas for a page scan; with tiles, a level-0 image service and a small whole-page thumbnail."""
    image = file.image
    canvas_id = f"{base}/canvas/{file.pk}"
    body = AnnotationBody(
        id=absolute(image.file.url), type="Image", format=_mime(image.file.name), width=image.width, height=image.height
    )
    canvas = Canvas(
        id=canvas_id,
        label=lang_map(file.label or str(number), NONE),
        width=image.width,
        height=image.height,
        items=[_painting_page(canvas_id, body)],
    )
    if image.ocr_words:
        # The words recognised on the page, for viewers that show or search text.
        canvas.annotations = [
            {"id": absolute(reverse("iiif_canvas_text", args=[file.item_id, file.pk])), "type": "AnnotationPage"}
        ]
    if tiles:
        service_id = tiles_base_url(image)
        body.service = [ServiceV3(id=service_id, type="ImageService3", profile="level0")]
        if tiles.get("sizes"):
            size = tiles["sizes"][0]
            canvas.thumbnail = [
                AnnotationBody(
                    id=f"{service_id}/full/{size['width']},{size['height']}/0/default.jpg",
                    type="Image",
                    format="image/jpeg",
                    width=size["width"],
                    height=size["height"],
                )
            ]
    return canvas


def _av_canvas(base, file, number):
    """A canvas for a recording: a duration, a picture size for video, captions as a supplementing annotation."""
    media = file.media
    canvas_id = f"{base}/canvas/{file.pk}"
    is_video = media.type == "video"
    duration = media.duration or 0.001  # IIIF requires a positive duration; the probe fills the real one
    body = AnnotationBody(
        id=absolute(media.url), type="Video" if is_video else "Sound", format=_mime(media.file.name), duration=duration
    )
    canvas = Canvas(id=canvas_id, label=lang_map(file.label or media.title or str(number), NONE), duration=duration)
    if is_video and media.width and media.height:
        body.width, body.height = media.width, media.height
        canvas.width, canvas.height = media.width, media.height
    canvas.items = [_painting_page(canvas_id, body)]
    if media.captions:
        captions = {
            "id": absolute(media.captions.url),
            "type": "Text",
            "format": "text/vtt",
            "label": {"en": ["Captions"]},
        }
        if media.captions_language:
            captions["language"] = media.captions_language
        canvas.annotations = [
            AnnotationPage(
                id=f"{canvas_id}/captions",
                items=[
                    Annotation(
                        id=f"{canvas_id}/captions/1", motivation="supplementing", body=captions, target=canvas_id
                    )
                ],
            )
        ]
    return canvas


def _structures(base, files, lang):
    """Ranges for the item's sections: each run of consecutive files with the same section name."""
    runs = []
    previous = None
    for file in files:
        if file.section:
            if previous is not None and previous.section == file.section:
                runs[-1][1].append(file)
            else:
                runs.append((file.section, [file]))
        previous = file
    return [
        Range(
            id=f"{base}/range/{n}",
            label=lang_map(section, lang),
            items=[CanvasRef(id=f"{base}/canvas/{f.pk}", type="Canvas") for f in members],
        )
        for n, (section, members) in enumerate(runs, start=1)
    ]


def _painting_page(canvas_id, body):
    return AnnotationPage(
        id=f"{canvas_id}/page",
        items=[Annotation(id=f"{canvas_id}/page/1", motivation="painting", body=body, target=canvas_id)],
    )


def build_text_page(item, file):
    """The recognised words of a page scan as supplementing annotations, each on its box."""
    image = file.image
    base = manifest_url(item).rsplit("/manifest", 1)[0]
    canvas_id = f"{base}/canvas/{file.pk}"
    page_id = absolute(reverse("iiif_canvas_text", args=[item.pk, file.pk]))
    language = (image.ocr_languages or "").split("+")[0]
    tag = {"uzb": "uz-Latn", "uzb_cyrl": "uz-Cyrl", "rus": "ru", "eng": "en", "fas": "fa", "ara": "ar"}.get(language)
    annotations = []
    for n, (text, x, y, w, h, _confidence) in enumerate(image.ocr_words, start=1):
        body = {"type": "TextualBody", "value": text, "format": "text/plain"}
        if tag:
            body["language"] = tag
        annotations.append(
            Annotation(
                id=f"{page_id}/{n}", motivation="supplementing", body=body, target=f"{canvas_id}#xywh={x},{y},{w},{h}"
            )
        )
    return AnnotationPage(id=page_id, items=annotations)


def build_collection(page, request=None):
    """A IIIF Collection of a catalogue collection: its sub-collections and its public items' manifests."""
    from catalogue.models import CollectionPage, Item

    lang = lang_of(page)
    collection = IIIFCollection(id=collection_url(page), label=lang_map(page.title, lang))
    if page.introduction:
        collection.summary = lang_map(page.introduction, lang)
    children = CollectionPage.objects.child_of(page).live().public().order_by("path")
    entries = [
        CollectionRef(id=collection_url(child), type="Collection", label=lang_map(child.title, lang))
        for child in children
    ]
    memberships = Item.collections.through.objects.filter(collectionpage=page).values("item_id")
    for item in Item.objects.public().filter(pk__in=memberships).select_related("locale").order_by("title", "pk"):
        entries.append(ManifestRef(id=manifest_url(item), type="Manifest", label=lang_map(item.title, lang_of(item))))
    collection.items = entries
    return collection


def _mime(name):
    import mimetypes

    return mimetypes.guess_type(name)[0] or "image/jpeg"
