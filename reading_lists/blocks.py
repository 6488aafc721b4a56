"""Blocks of a reading list: sections of entries, each a catalogue item or an outside resource.

The blocks render through their templates both on the page and in the block previews of
the admin. On the page, the items of all entries are loaded once for the whole list (see
reading_lists.entries.EntryResolver) and passed down in the context; a block rendered on
its own (a block preview) loads what it needs itself.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from catalogue.identifiers import IdentifierScheme, clean_identifier
from home.blocks import PerLanguageChooserMixin

from .entries import ENTRY_KEY, RESOLVER_KEY, EntryResolver

ANNOTATION_HELP = _("Why the class reads this and what to look for. Plain text; an empty line starts a new paragraph.")
READING_RANGE_HELP = _("What to read, e.g. “pp. 12–30”, “ff. 1r–2v”, “chapter 3”. Page ranges are exported as pages.")
KEY_PASSAGE_HELP = _("A short quotation for the class to discuss.")


def _annotation():
    return blocks.TextBlock(required=False, label=_("annotation"), help_text=ANNOTATION_HELP)


def _reading_range():
    return blocks.CharBlock(required=False, max_length=100, label=_("reading range"), help_text=READING_RANGE_HELP)


def _key_passage():
    return blocks.TextBlock(required=False, label=_("key passage"), help_text=KEY_PASSAGE_HELP)


def _item_entry_preview():
    """A public item of the catalogue, if there is one, so the block preview shows a real entry."""
    from catalogue.models import Item

    item = Item.objects.public().order_by("pk").first()
    return {
        "item": item,
        "annotation": "Asarning birinchi sahifalarini oʻqing va muqaddimadagi asosiy fikrni yozib oling.",
        "reading_range": "pp. 1–12",
        "canvas": 1 if item else None,
        "key_passage": "Ilm — nurdir, jaholat — zulmat.",
    }


EXTERNAL_PREVIEW = {
    "title": "Alisher Navoiy",
    "author": "",
    "year": "",
    "url": "https://uz.wikipedia.org/wiki/Alisher_Navoiy",
    "isbn": "",
    "annotation": "Shoir hayoti haqida qisqa maʼlumot: darsdan oldin oʻqib keling.",
    "reading_range": "",
    "key_passage": "",
}


SECTION_PREVIEW = {
    "heading": "1-hafta: Kirish",
    "intro": "<p>Darsga tayyorgarlik uchun quyidagilarni oʻqing.</p>",
    "entries": [("external_entry", EXTERNAL_PREVIEW)],
}


class ItemChooserBlock(PerLanguageChooserMixin, SnippetChooserBlock):
    """Wagtail's snippet chooser, its button in each editor's language (home.blocks)."""

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


class EntryBlockMixin:
    """Entries describe themselves through the list's resolver: visibility, title, links."""

    entry_kind = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        entry = (parent_context or {}).get(ENTRY_KEY)
        if entry is None or entry.value is not value:
            resolver = EntryResolver.from_context(parent_context, [(self.entry_kind, value)])
            entry = resolver.describe(self.entry_kind, value)
        context[ENTRY_KEY] = entry
        context["entry"] = entry
        return context


class ItemEntryBlock(EntryBlockMixin, blocks.StructBlock):
    entry_kind = "item_entry"

    item = ItemChooserBlock("catalogue.Item", label=_("catalogue item"))
    annotation = _annotation()
    reading_range = _reading_range()
    canvas = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label=_("open the viewer at image"),
        help_text=_("The number of the item's image to open the viewer at (1 for the first). Optional."),
    )
    key_passage = _key_passage()

    class Meta:
        icon = "doc-full"
        template = "blocks/reading_lists/item_entry_block.html"
        label = _("Catalogue item")
        description = _(
            "An item from the library's catalogue, with your note, what to read and, optionally, the image "
            "the viewer opens at. Items that are not public are left out for visitors."
        )
        preview_value = staticmethod(_item_entry_preview)  # a real item, looked up when the preview is shown


class ExternalEntryBlock(EntryBlockMixin, blocks.StructBlock):
    entry_kind = "external_entry"

    title = blocks.CharBlock(max_length=500, label=_("title"))
    author = blocks.CharBlock(
        required=False, max_length=500, label=_("author"), help_text=_("Several authors separated by semicolons.")
    )
    year = blocks.CharBlock(required=False, max_length=20, label=_("year"), help_text=_("e.g. 2015"))
    url = blocks.URLBlock(required=False, label=_("URL"))
    isbn = blocks.CharBlock(
        required=False,
        max_length=20,
        label=_("ISBN"),
        help_text=_("ISBN-10 or ISBN-13, with or without hyphens; the check digit is verified."),
    )
    annotation = _annotation()
    reading_range = _reading_range()
    key_passage = _key_passage()

    class Meta:
        icon = "link-external"
        template = "blocks/reading_lists/external_entry_block.html"
        label = _("Outside resource")
        description = _("A book, article or website outside the catalogue, found by its URL or ISBN.")
        preview_value = EXTERNAL_PREVIEW

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        isbn = (value.get("isbn") or "").strip()
        if isbn:
            try:
                value["isbn"] = clean_identifier(IdentifierScheme.ISBN, isbn)
            except ValidationError as exc:
                errors["isbn"] = ValidationError(exc.messages[0], code="invalid_isbn")
        elif not value.get("url"):
            errors["url"] = ValidationError(
                _("Give a URL or an ISBN, so that readers can find the resource."), code="required"
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class EntriesBlock(blocks.StreamBlock):
    item_entry = ItemEntryBlock()
    external_entry = ExternalEntryBlock()

    class Meta:
        icon = "list-ol"
        template = "blocks/reading_lists/entries_block.html"
        label = _("Entries")
        description = _("The entries of a section, in reading order.")
        preview_value = [("external_entry", EXTERNAL_PREVIEW)]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("heading"))
    intro = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "ol", "ul"], label=_("introduction")
    )
    entries = EntriesBlock(label=_("entries"))

    class Meta:
        icon = "list-ol"
        template = "blocks/reading_lists/section_block.html"
        label = _("Section")
        description = _("A part of the list with a heading, a short introduction and its entries in order.")
        preview_value = SECTION_PREVIEW

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        children = list(value["entries"])
        resolver = EntryResolver.from_context(parent_context, [(c.block_type, c.value) for c in children])
        context[RESOLVER_KEY] = resolver
        context["visible_entries"] = resolver.visible(children)
        return context


class ReadingListBodyBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        template = "blocks/reading_lists/body_block.html"
        icon = "list-ol"
        description = _("The sections of the reading list.")
        preview_value = [("section", SECTION_PREVIEW)]
