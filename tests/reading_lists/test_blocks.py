"""The blocks of a reading list: validation, and the conventions every block of the site follows."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamBlock, StructBlock

from reading_lists.blocks import (
    EntriesBlock,
    ExternalEntryBlock,
    ItemEntryBlock,
    ReadingListBodyBlock,
    SectionBlock,
)


@pytest.fixture(autouse=True)
def english():
    """The blocks speak English here, the language of the messages: what they accept and refuse is the subject,
    not the language (tests/i18n checks the catalogues)."""
    with translation.override("en"):
        yield


def external(**values):
    block = ExternalEntryBlock()
    data = {"title": "Kitob", "author": "", "year": "", "url": "", "isbn": "", "annotation": "", "reading_range": ""}
    data.update(values)
    return block, block.to_python(data)


def test_a_valid_isbn_is_kept_in_its_compact_form():
    block, value = external(isbn="978-0-306-40615-7")
    assert block.clean(value)["isbn"] == "9780306406157"
    block, value = external(isbn="0 306 40615 2")
    assert block.clean(value)["isbn"] == "0306406152"


def test_an_isbn_with_a_wrong_check_digit_is_refused_with_a_clear_message():
    block, value = external(isbn="978-0-306-40615-8")
    with pytest.raises(ValidationError) as exc:
        block.clean(value)
    message = str(exc.value.block_errors["isbn"].messages[0])
    assert "978-0-306-40615-8" in message
    assert "is not valid" in message
    assert "check digit" in message


def test_an_outside_resource_needs_a_url_or_an_isbn():
    block, value = external()
    with pytest.raises(ValidationError) as exc:
        block.clean(value)
    assert "Give a URL or an ISBN" in exc.value.block_errors["url"].messages[0]
    block, value = external(url="https://example.org/kitob")
    assert block.clean(value)["url"] == "https://example.org/kitob"


ALL_BLOCKS = [ItemEntryBlock, ExternalEntryBlock, EntriesBlock, SectionBlock, ReadingListBodyBlock]


@pytest.mark.parametrize("block_class", ALL_BLOCKS)
def test_every_block_has_icon_template_description_and_preview(block_class):
    block = block_class()
    assert block.meta.icon
    assert block.meta.template.startswith("blocks/reading_lists/")
    assert block.get_description()
    assert hasattr(block.meta, "preview_value")


@pytest.mark.django_db
@pytest.mark.parametrize("block_class", ALL_BLOCKS)
def test_every_block_renders_its_preview_value(block_class, make_item):
    make_item("Xamsa")
    block = block_class()
    if isinstance(block, StreamBlock | StructBlock):
        block.set_name("preview")
    html = block.render(block.get_preview_value(), context={})
    assert html.strip()
    assert "Alisher Navoiy" in html or "Xamsa" in html
