"""Text recognition with the real Tesseract: generated pages in Uzbek (Cyrillic and Latin), stored through S3."""

import io

import pytesseract
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from catalogue.factories import ItemFactory
from catalogue.models import Item, Language
from media_library import ocr
from media_library.factories import CustomImageFactory
from media_library.models import CustomImage, Derivative
from media_library.tasks import process_image, run_derivative

pytestmark = pytest.mark.django_db

LINES = ["Ўзбекистон Миллий кутубхонаси", "Alisher Navoiy asarlari", "Тошкент шаҳри", "Oʻzbekiston"]
APOSTROPHES = str.maketrans({"\u02bb": "'", "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'"})


def normalise(text):
    return text.translate(APOSTROPHES).casefold()


def page(lines=LINES, size=(1400, 600), font_size=40, origin=(80, 80), line_height=100):
    """A white page with black lines of text; returns it with the bounding box of each drawn word."""
    font = ImageFont.truetype("DejaVuSans.ttf", font_size)
    image = PILImage.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    boxes = {}
    x0, y = origin
    for line in lines:
        x = x0
        for word in line.split():
            draw.text((x, y), word, fill="black", font=font)
            boxes[word] = draw.textbbox((x, y), word, font=font)
            x = boxes[word][2] + draw.textlength(" ", font=font)
        y += line_height
    return image, boxes


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return ImageFile(buffer, name="page.png")


def found(word, text):
    return normalise(word) in normalise(text)


def word_box(words, wanted):
    [box] = [w for w in words if normalise(w[0]).strip(".,;:") == normalise(wanted)]
    return box


def inside(box, drawn, tolerance):
    _text, x, y, w, h, _conf = box
    cx, cy = x + w / 2, y + h / 2
    left, top, right, bottom = drawn
    return left - tolerance <= cx <= right + tolerance and top - tolerance <= cy <= bottom + tolerance


@pytest.fixture
def fresh_language_cache():
    ocr.installed_languages.cache_clear()
    yield
    ocr.installed_languages.cache_clear()


def test_reads_uzbek_in_cyrillic_and_latin_script_with_word_boxes_where_the_words_are():
    image, boxes = page()
    text, words = ocr.ocr_image_file(image, "uzb+uzb_cyrl")

    for word in ["Ўзбекистон", "Миллий", "Кутубхонаси", "Alisher", "Navoiy", "asarlari", "Тошкент", "Oʻzbekiston"]:
        assert found(word, text), (word, text)
    # One line of text per drawn line, in order.
    lines = [normalise(line) for line in text.splitlines() if line.strip()]
    assert lines[1] == normalise("Alisher Navoiy asarlari")
    assert all(isinstance(value, int) for w in words for value in w[1:])
    assert all(0 <= w[5] <= 100 for w in words)
    navoiy = word_box(words, "Navoiy")
    assert inside(navoiy, boxes["Navoiy"], tolerance=5)
    drawn_width = boxes["Navoiy"][2] - boxes["Navoiy"][0]
    assert abs(navoiy[3] - drawn_width) < drawn_width * 0.2


def test_a_large_scan_is_reduced_for_recognition_and_the_boxes_are_given_in_its_own_pixels():
    image, boxes = page(
        ["Alisher Navoiy", "Toshkent"], size=(9000, 2400), font_size=240, origin=(1200, 600), line_height=600
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, dpi=(600, 600))  # a JPEG is decoded at reduced size
    buffer.seek(0)

    text, words = ocr.ocr_image_file(buffer, "uzb")

    assert found("Navoiy", text) and found("Toshkent", text)
    box = word_box(words, "Toshkent")
    assert inside(box, boxes["Toshkent"], tolerance=20)
    assert box[3] > 0.8 * (boxes["Toshkent"][2] - boxes["Toshkent"][0])  # not the reduced width


def test_the_languages_come_from_the_items_that_use_the_image():
    installed = ocr.installed_languages()
    default = "+".join(code for code in ["uzb", "uzb_cyrl", "rus", "eng"] if code in installed)
    image = CustomImageFactory()
    assert ocr.tesseract_languages(image) == default  # not in any item yet

    item = ItemFactory()
    item.files.create(kind="scan", image=image)
    assert ocr.tesseract_languages(image) == default  # an item without languages

    item.languages.set(Language.objects.filter(code__in=["eng", "uzb"]))
    item.save()
    assert ocr.tesseract_languages(image) == "uzb+uzb_cyrl+eng"

    other = ItemFactory()
    other.files.create(kind="image", image=image)
    other.languages.set(Language.objects.filter(code__in=["rus", "chg"]))
    other.save()
    arabic_script = [code for code in ["ara", "fas"] if code in installed]  # Chagatai, when installed
    assert ocr.tesseract_languages(image) == "+".join(["uzb", "uzb_cyrl", "rus", "eng", *arabic_script])

    item.languages.set(Language.objects.filter(code="chg"))
    item.save()
    other.delete()
    assert ocr.tesseract_languages(image) == ("+".join(arabic_script) or default)


def test_a_scan_is_recognised_stored_on_the_image_and_its_item_is_found_by_its_words(s3_client):
    image_file, _boxes = page()
    image = CustomImageFactory(file=png(image_file))
    item = ItemFactory(title="Kitob")
    item.files.create(kind="scan", image=image)
    item.languages.set(Language.objects.filter(code="uzb"))
    item.save()

    process_image.call(image.pk, kinds=["ocr"])

    derivative = Derivative.objects.get(image=image, kind="ocr")
    assert derivative.status == Derivative.Status.DONE, derivative.error
    assert derivative.data["languages"] == "uzb+uzb_cyrl"
    assert derivative.data["words"] >= 9 and derivative.data["characters"] > 60
    image.refresh_from_db()
    assert image.ocr_languages == "uzb+uzb_cyrl"
    assert found("Кутубхонаси", image.ocr_text) and found("Navoiy", image.ocr_text)
    assert any(normalise(w[0]) == normalise("Тошкент") for w in image.ocr_words)
    assert image.sha256 and image.colour_mode  # the rest of the image row is as it was
    assert list(CustomImage.objects.search("Navoiy")) == [image]


def test_the_public_search_finds_an_item_by_a_word_recognised_on_its_scan():
    # Needs Item.search_fields to index the OCR text of the item's files.
    image_file, _boxes = page()
    image = CustomImageFactory(file=png(image_file))
    item = ItemFactory(title="Kitob")
    item.files.create(kind="scan", image=image)
    item.languages.set(Language.objects.filter(code="uzb"))
    item.save()

    process_image.call(image.pk, kinds=["ocr"])

    assert list(Item.objects.public().search("Кутубхонаси")) == [item]
    assert list(Item.objects.public().search("Navoiy asarlari", operator="and")) == [item]
    assert list(Item.objects.public().search("Samarqand")) == []


def test_a_file_that_cannot_be_decoded_is_a_recorded_failure_and_stays_stored():
    image = CustomImageFactory()
    storage, name = image.file.storage, image.file.name
    storage.delete(name)
    assert storage.save(name, ContentFile(b"\x89PNG\r\n\x1a\n but then the scanner crashed")) == name

    assert run_derivative(image, "ocr") is False

    derivative = Derivative.objects.get(image=image, kind="ocr")
    assert derivative.status == Derivative.Status.FAILED and derivative.attempts == 1
    assert "not an image Pillow can decode" in derivative.error and name in derivative.error
    assert CustomImage.objects.filter(pk=image.pk, ocr_text="").exists()
    with storage.open(name) as f:
        assert f.read().endswith(b"the scanner crashed")


def test_without_tesseract_the_error_says_how_to_install_it(monkeypatch, fresh_language_cache):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(RuntimeError, match="tesseract is not installed: run make test/make run"):
        ocr.installed_languages()
    with pytest.raises(RuntimeError, match="apt-get install tesseract-ocr"):
        ocr.ocr_image_file(page()[0], "eng")


def test_words_on_a_restricted_page_are_not_searchable():
    image_file, _boxes = page()
    open_image = CustomImageFactory(file=png(image_file))
    hidden_image = CustomImageFactory(file=png(image_file))
    item = ItemFactory(title="Kitob")
    item.files.create(kind="scan", image=hidden_image, access_level="staff")
    item.languages.set(Language.objects.filter(code="uzb"))
    item.save()
    process_image.call(hidden_image.pk, kinds=["ocr"])
    assert list(Item.objects.public().search("Кутубхонаси")) == []
    item.files.create(kind="scan", image=open_image)
    item.save()
    process_image.call(open_image.pk, kinds=["ocr"])
    assert list(Item.objects.public().search("Кутубхонаси")) == [item]


def test_recognised_words_are_published_as_iiif_annotations(client, library):
    import json

    import jsonschema

    from tests.media_library.test_iiif import SCHEMA_PATH

    image_file, _boxes = page()
    image = CustomImageFactory(file=png(image_file))
    item = ItemFactory(title="Kitob")
    item.files.create(kind="scan", image=image, label="f. 1r")
    item.languages.set(Language.objects.filter(code="uzb"))
    item.save_revision().publish()
    process_image.call(image.pk, kinds=["ocr"])
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    [reference] = manifest["items"][0]["annotations"]
    response = client.get(reference["id"].removeprefix("http://testserver"))
    assert response.status_code == 200
    text_page = json.loads(response.content)
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA_PATH.read_text()))
    assert validator.is_valid(text_page)
    words = [a["body"]["value"] for a in text_page["items"]]
    assert any("Navoiy" in w for w in words)
    assert all(a["motivation"] == "supplementing" and "#xywh=" in a["target"] for a in text_page["items"])
