"""The shared body StreamBlock. Exhibits and other apps build their blocks on it."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.field_block import ChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=255)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("level"))

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading; it also appears in the page outline.")
        preview_value = {"text": "Qoʻlyozmalar xazinasi", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, label=_("caption"), help_text=_("Defaults to the image's caption."))
    credit = blocks.CharBlock(required=False, label=_("credit"), help_text=_("Defaults to the image's credit."))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = _("An image with caption and credit; alt text comes from the media library.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation set apart from the text, with its source.")
        preview_value = {
            "text": "Ilm — nurdir, jaholat — zulmat.",
            "attribution": "Alisher Navoiy",
        }


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Running text with links, lists and emphasis.")
        preview_value = "<p>Milliy kutubxona fondida <b>qoʻlyozmalar</b>, noyob kitoblar va fotosuratlar saqlanadi.</p>"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "document-link", "ol", "ul", "superscript"])
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        icon="media",
        template="blocks/embed_block.html",
        description=_("A video or other content from an outside service, by its URL."),
        help_text=_("e.g. a YouTube link."),
    )

    class Meta:
        template = "blocks/stream_block.html"


class PerLanguageChooserMixin:
    """For chooser blocks: the widget and form field made for each admin language.

    Wagtail keeps a chooser block's widget and field for the life of the process, and the widget's
    button text ("Choose item") is formatted when it is made, in the language of the first editor
    who opened the form: the next editor, in another language, would read "Choose asar". Here they
    are kept per language instead.
    """

    def _per_language(self, name, make):
        made = self.__dict__.setdefault("_made_per_language", {})
        key = (name, translation.get_language())
        if key not in made:
            made[key] = make(self)
        return made[key]

    @property
    def widget(self):
        return self._per_language("widget", SnippetChooserBlock.widget.func)

    @property
    def field(self):
        return self._per_language("field", ChooserBlock.field.func)
