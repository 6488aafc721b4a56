"""The blocks curators build exhibits with, on top of the shared body StreamBlock of `home`.

Query cost stays flat however many blocks a page has: a StreamField converts all blocks of
one type together (`bulk_to_python`), so the choosers below load every catalogue item of a
page, with its creators, thumbnail and the thumbnail's renditions, in a fixed number of
queries, and every image with its renditions likewise. Templates then touch no database.
"""

import copy
import re

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock

from home.blocks import BaseStreamBlock, CaptionedImageBlock, PerLanguageChooserMixin

PREVIEW_TEMPLATE = "blocks/exhibits/preview.html"

# Rendition of an item's thumbnail in showcases and timelines (templates use the same spec).
ITEM_THUMBNAIL_FILTERS = ("fill-240x180",)

REGION_RE = re.compile(r"^\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$")


def _bulk(model_queryset, values):
    """Objects for the primary keys in `values`, in order, keeping None, one query (as ChooserBlock does)."""
    pk_field = model_queryset.model._meta.pk
    keys = []
    for value in values:
        try:
            keys.append(None if value in (None, "") else pk_field.to_python(value))
        except ValidationError:
            keys.append(None)
    wanted = {key for key in keys if key is not None}
    objects = model_queryset.in_bulk(wanted) if wanted else {}
    seen = set()
    result = []
    for key in keys:
        obj = objects.get(key)
        if obj is not None and key in seen:
            obj = copy.copy(obj)
        result.append(obj)
        seen.add(key)
    return result


def items_for_blocks():
    """Catalogue items as blocks show them: for_listing() plus the thumbnails' renditions."""
    from catalogue.models import Item

    rendition_model = get_image_model().get_rendition_model()
    return Item.objects.for_listing().prefetch_related(
        Prefetch(
            "thumbnail__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=ITEM_THUMBNAIL_FILTERS),
            to_attr="prefetched_renditions",
        )
    )


def require_alt_text(image):
    """Refuse an image without alt text: wherever an exhibit places an image, it must be described."""
    if image is not None and not (getattr(image, "alt_text", "") or "").strip():
        raise ValidationError(
            _(
                "“%(title)s” has no alt text. Describe what it shows in the media library "
                "(Images → edit → Alt text), then choose it again."
            )
            % {"title": image.title},
            code="no_alt_text",
        )


# --- Choosers --------------------------------------------------------------------------------


class ItemChooserBlock(PerLanguageChooserMixin, SnippetChooserBlock):
    """Chooses a catalogue item. All items of a stream are loaded together, ready for listing."""

    def __init__(self, **kwargs):
        super().__init__("catalogue.Item", **kwargs)

    def bulk_to_python(self, values):
        return _bulk(items_for_blocks(), values)

    def to_python(self, value):
        return self.bulk_to_python([value])[0]


class ImageChooserBlock(WagtailImageChooserBlock):
    """Chooses an image. All images of a stream are loaded together with their renditions."""

    def bulk_to_python(self, values):
        return _bulk(get_image_model().objects.prefetch_renditions(), values)

    def to_python(self, value):
        return self.bulk_to_python([value])[0]


class PlaceChooserBlock(blocks.ChooserBlock):
    """Chooses a place with the catalogue's place chooser (catalogue/wagtail_hooks.py)."""

    @cached_property
    def target_model(self):
        from catalogue.models import Place

        return Place

    @cached_property
    def widget(self):
        from catalogue.wagtail_hooks import place_chooser_viewset

        return place_chooser_viewset.widget_class()

    class Meta:
        icon = "site"


class MediaChooserBlock(AbstractMediaChooserBlock):
    """Chooses audio or video from the media library."""

    def render_basic(self, value, context=None):
        return format_html("{}", value.title) if value else ""

    class Meta:
        icon = "media"


# --- Blocks ----------------------------------------------------------------------------------


class ExhibitImageBlock(CaptionedImageBlock):
    """The shared captioned image, refusing images without alt text."""

    image = ImageChooserBlock(label=_("image"))

    class Meta:
        icon = "image"
        template = "blocks/exhibits/image.html"
        description = _("An image with caption and credit; alt text comes from the media library and is required.")
        preview_value = {"caption": "Xamsa, 1498-yil nusxasi", "credit": "Oʻzbekiston Milliy kutubxonasi"}
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        value = super().clean(value)
        try:
            require_alt_text(value.get("image"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"image": error}) from error
        return value


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"), max_length=400)
    attribution = blocks.CharBlock(required=False, label=_("attribution"))
    repeats_text = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("repeats words from the text"),
        help_text=_("Screen readers skip a pull quote that repeats the text, so it is not read twice."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/exhibits/pull_quote.html"
        description = _("A striking phrase set large in the margin of the story.")
        preview_value = {
            "text": "Soʻz mulkining sultoni",
            "attribution": "Zahiriddin Muhammad Bobur",
            "repeats_text": False,
        }
        preview_template = PREVIEW_TEMPLATE


class ItemShowcaseBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    intro = blocks.TextBlock(required=False, label=_("introduction"))
    items = blocks.ListBlock(ItemChooserBlock(label=_("item")), min_num=1, label=_("items"))

    class Meta:
        icon = "doc-full"
        template = "blocks/exhibits/item_showcase.html"
        description = _(
            "Catalogue items as cards (picture, title, date, creators, link). "
            "Items that are not public are left out for visitors."
        )
        preview_value = {
            "heading": "Koʻrgazmadagi qoʻlyozmalar",
            "intro": "Fonddan tanlangan nusxalar.",
            "items": [],
        }
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        """Reload the chosen items as a page loads them (with creators), in one go, for the live preview."""
        value = super().clean(value)
        children = value["items"].bound_blocks
        loaded = self.child_blocks["items"].child_block.bulk_to_python(
            [child.value.pk if child.value is not None else None for child in children]
        )
        for child, item in zip(children, loaded, strict=True):
            child.value = item
        return value


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"), help_text=_("A photograph or an item's scan, with alt text."))
    caption = blocks.CharBlock(required=False, label=_("caption"), help_text=_("Defaults to the image's caption."))
    credit = blocks.CharBlock(required=False, label=_("credit"), help_text=_("Defaults to the image's credit."))
    item = ItemChooserBlock(
        required=False,
        label=_("catalogue item"),
        help_text=_("The item this scan comes from; the caption links to it."),
    )

    class Meta:
        icon = "image"
        label = _("image")

    def clean(self, value):
        value = super().clean(value)
        try:
            require_alt_text(value.get("image"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"image": error}) from error
        return value


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    images = blocks.ListBlock(GalleryImageBlock(), min_num=1, label=_("images"))

    class Meta:
        icon = "image"
        template = "blocks/exhibits/gallery.html"
        description = _("A grid of images or scans; each opens larger in a keyboard-friendly lightbox.")
        preview_value = {"heading": "Galereya", "images": []}
        preview_template = PREVIEW_TEMPLATE


def validate_region(value):
    if not value:
        return
    match = REGION_RE.match(value)
    if not match or int(match.group(3)) == 0 or int(match.group(4)) == 0:
        raise ValidationError(
            _("Give the region as x,y,width,height in pixels of the page, e.g. 120,340,800,600."), code="region"
        )


class IIIFViewerBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    item = ItemChooserBlock(label=_("item"))
    page = blocks.IntegerBlock(
        required=False, min_value=1, label=_("page"), help_text=_("Open at this page (1 is the first image).")
    )
    region = blocks.CharBlock(
        required=False,
        max_length=60,
        validators=[validate_region],
        label=_("region"),
        help_text=_("Zoom to x,y,width,height in pixels of that page, e.g. 120,340,800,600."),
    )
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "view"
        template = "blocks/exhibits/iiif_viewer.html"
        description = _("An item's scans in the deep-zoom IIIF viewer, optionally opened at a page or a detail.")
        preview_value = {"heading": "Qoʻlyozmani varaqlang", "caption": "Xamsa, 12b-varaq"}
        preview_template = PREVIEW_TEMPLATE

    @staticmethod
    def region_of(value):
        """The region as [x, y, w, h] integers, or None."""
        match = REGION_RE.match(value.get("region") or "")
        return [int(n) for n in match.groups()] if match else None


class AudioVideoBlock(blocks.StructBlock):
    media = MediaChooserBlock(label=_("audio or video"))
    title = blocks.CharBlock(required=False, label=_("title"), help_text=_("Defaults to the recording's title."))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "media"
        template = "blocks/exhibits/audio_video.html"
        description = _("A recording from the media library, with its captions and transcript.")
        preview_value = {"title": "Navoiy gʻazali", "caption": "Hofiz ijrosida, 1972-yil"}
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        value = super().clean(value)
        media = value.get("media")
        if media is not None:
            if media.type == "video" and not media.captions:
                error = ValidationError(
                    _("“%(title)s” has no captions. Add a WebVTT captions file to it in the media library.")
                    % {"title": media.title},
                    code="no_captions",
                )
                raise StructBlockValidationError(block_errors={"media": error})
            if media.type == "audio" and not (media.captions or media.transcript.strip()):
                error = ValidationError(
                    _("“%(title)s” has neither captions nor a transcript. Add one in the media library.")
                    % {"title": media.title},
                    code="no_transcript",
                )
                raise StructBlockValidationError(block_errors={"media": error})
        return value


class TimelineEntryBlock(blocks.StructBlock):
    date = blocks.CharBlock(max_length=50, label=_("date"), help_text=_("As it should read, e.g. 1441, 1469–1501."))
    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(required=False, features=["bold", "italic", "link"], label=_("text"))
    item = ItemChooserBlock(required=False, label=_("catalogue item"))

    class Meta:
        icon = "date"
        label = _("entry")


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    entries = blocks.ListBlock(TimelineEntryBlock(), min_num=1, label=_("entries"))

    class Meta:
        icon = "history"
        template = "blocks/exhibits/timeline.html"
        description = _("Dated events in order, each optionally linked to a catalogue item.")
        preview_value = {
            "heading": "Hayot yoʻli",
            "entries": [
                {"date": "1441", "title": "Hirotda tugʻildi", "text": "", "item": None},
                {"date": "1483–1485", "title": "«Xamsa» yozildi", "text": "<p>Besh doston.</p>", "item": None},
            ],
        }
        preview_template = PREVIEW_TEMPLATE


class MapPlaceBlock(blocks.StructBlock):
    place = PlaceChooserBlock(label=_("place"))
    note = blocks.CharBlock(required=False, label=_("note"), help_text=_("Why the place matters here."))

    class Meta:
        icon = "site"
        label = _("place")


class MapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    places = blocks.ListBlock(MapPlaceBlock(), min_num=1, label=_("places"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "globe"
        template = "blocks/exhibits/map.html"
        description = _("Places with their coordinates, as a list, and on a map when a tile server is configured.")
        preview_value = {"heading": "Joylar", "places": [], "caption": "Navoiy hayoti bilan bogʻliq shaharlar"}
        preview_template = PREVIEW_TEMPLATE


class ImageComparisonBlock(blocks.StructBlock):
    before = ImageChooserBlock(label=_("first image"))
    before_label = blocks.CharBlock(max_length=60, label=_("first label"), default=_("Before"))
    after = ImageChooserBlock(label=_("second image"))
    after_label = blocks.CharBlock(max_length=60, label=_("second label"), default=_("After"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "sliders"
        template = "blocks/exhibits/image_comparison.html"
        description = _("Two images side by side, e.g. a page before and after conservation, with a slider.")
        preview_value = {
            "before_label": "Konservatsiyadan oldin",
            "after_label": "Konservatsiyadan keyin",
            "caption": "Qoʻlyozma varagʻi",
        }
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for name in ("before", "after"):
            try:
                require_alt_text(value.get(name))
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    text = blocks.TextBlock(required=False, label=_("text"))
    link_text = blocks.CharBlock(max_length=80, label=_("button text"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or address"))

    class Meta:
        icon = "link-external"
        template = "blocks/exhibits/call_to_action.html"
        description = _("A prominent invitation with one button: visit, read more, book a tour.")
        preview_value = {
            "heading": "Koʻrgazmaga tashrif buyuring",
            "text": "Har kuni 9:00 dan 18:00 gacha, kirish bepul.",
            "link_text": "Tashrif haqida",
            "url": "https://example.org/",
        }
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose a page or give an address, not both and not neither."), code="link")
            raise StructBlockValidationError(block_errors={"url": error})
        return value


class FootnotesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"), help_text=_("Defaults to “Notes and sources”."))
    notes = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link", "document-link"], label=_("note")),
        min_num=1,
        label=_("notes"),
        help_text=_("Numbered in order; link to a note from the text with the address #note-1, #note-2…"),
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/exhibits/footnotes.html"
        description = _("Numbered notes and sources; the text links to them as #note-1, #note-2…")
        preview_value = {
            "heading": "Izohlar va manbalar",
            "notes": ["<p>Navoiy. <i>Muhokamat ul-lugʻatayn</i>, 1499.</p>", "<p>Bobur. <i>Boburnoma</i>.</p>"],
        }
        preview_template = PREVIEW_TEMPLATE


class ExhibitStreamBlock(BaseStreamBlock):
    image = ExhibitImageBlock()
    pull_quote = PullQuoteBlock()
    item_showcase = ItemShowcaseBlock()
    gallery = GalleryBlock()
    iiif_viewer = IIIFViewerBlock()
    audio_video = AudioVideoBlock()
    timeline = TimelineBlock()
    map = MapBlock()
    image_comparison = ImageComparisonBlock()
    call_to_action = CallToActionBlock()
    footnotes = FootnotesBlock()

    class Meta:
        template = "blocks/stream_block.html"
        block_counts = {"footnotes": {"max_num": 1}}


# Block types whose templates need a script on the page (see ExhibitPage.get_context).
SCRIPT_BLOCKS = {"iiif_viewer": "viewer", "map": "map"}
