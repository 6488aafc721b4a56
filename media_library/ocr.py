"""Text recognition (OCR) of page scans with Tesseract, through pytesseract.

The text and its word boxes are kept on the image (`ocr_text`, `ocr_words`) so that
search finds the items whose pages contain a word and the viewer can highlight it.
Tesseract is told which languages to expect from the catalogue: the languages of the
items a scan belongs to, limited to the traineddata installed on the machine
(`scripts/apt-packages.txt` lists what `make run` and `make test` install).
"""

import functools
import os
import tempfile
import time

import pytesseract
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from pytesseract import Output, TesseractNotFoundError

# The library's main languages, used when the catalogue says nothing more useful.
DEFAULT_LANGUAGES = ("uzb", "uzb_cyrl", "rus", "eng")

# ISO 639-3 codes whose Tesseract traineddata has another name or comes in several scripts.
# Other codes are used as they are (Tesseract names most languages by ISO 639-2/T, which
# is the ISO 639-3 code for them: tgk, fas, ara, kaz, kir, tur...), when installed.
ISO_TO_TESSERACT = {
    "uzb": ("uzb", "uzb_cyrl"),  # Uzbek in Latin and in Cyrillic script
    "uzn": ("uzb", "uzb_cyrl"),  # Northern Uzbek
    "rus": ("rus",),
    "eng": ("eng",),
    "chg": ("fas", "ara"),  # Chagatai: Perso-Arabic script, no traineddata of its own
    "pes": ("fas",),
    "prs": ("fas",),
    "arb": ("ara",),
    "zho": ("chi_sim", "chi_tra"),
    "cmn": ("chi_sim", "chi_tra"),
    "aze": ("aze", "aze_cyrl"),
    "srp": ("srp", "srp_latn"),
}

# Each language makes Tesseract slower; beyond a handful the guesses get worse too.
MAX_LANGUAGES = 6
# Pages are recognised at most this many pixels on their long side (about A4 at 340 dpi):
# more detail does not help Tesseract, and a 300-megapixel master would take minutes.
MAX_SIDE = 4000
# Seconds before one page is given up (recorded as a failure, which staff can retry).
TIMEOUT = 600

# Tesseract's OpenMP threads fight each other and the other workers: on a 2-CPU machine one
# A4 page took 17.6 s with them and 3.0 s with one thread. Pages are run in parallel by workers instead.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

NOT_INSTALLED = (
    "tesseract is not installed: run make test/make run which install it, "
    "or apt-get install tesseract-ocr tesseract-ocr-uzb tesseract-ocr-uzb-cyrl tesseract-ocr-rus"
)


@functools.cache
def installed_languages():
    """The Tesseract languages installed on this machine (asked once per process)."""
    try:
        languages = pytesseract.get_languages(config="")
    except TesseractNotFoundError as exc:
        raise RuntimeError(NOT_INSTALLED) from exc
    return frozenset(languages) - {"osd"}  # orientation detection, not a language


def _ordered(codes):
    """The main languages first, in their usual order, then the rest alphabetically (Tesseract tries them in turn)."""
    rank = {code: i for i, code in enumerate(DEFAULT_LANGUAGES)}
    return sorted(set(codes), key=lambda code: (rank.get(code, len(rank)), code))


def tesseract_languages(image):
    """The Tesseract `lang` argument for `image`, e.g. "uzb+uzb_cyrl+rus", from the items that use it."""
    return tesseract_languages_for(image=image)


def tesseract_languages_for(**file_filter):
    """The Tesseract `lang` argument for a file (image=…, document=…) from the languages of the items using it."""
    from catalogue.models import Language

    installed = installed_languages()
    lookup = {f"items__files__{field}": value for field, value in file_filter.items()}
    iso_codes = Language.objects.filter(**lookup).order_by().values_list("code", flat=True).distinct()
    wanted = [code for iso in iso_codes for code in ISO_TO_TESSERACT.get(iso, (iso,)) if code in installed]
    chosen = _ordered(wanted)[:MAX_LANGUAGES] or [code for code in DEFAULT_LANGUAGES if code in installed]
    return "+".join(chosen or ["eng"])


def _for_ocr(img):
    """`img` as 8-bit greyscale on white, which is what Tesseract works on anyway."""
    if img.mode.startswith("I"):  # 16-bit scans: keep the high byte rather than clipping
        img = img.convert("I").point(lambda value: value * (1 / 256))
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("LA", "La", "PA", "RGBA", "RGBa"):
        background = PILImage.new("RGBA", img.size, (255, 255, 255, 255))
        img = PILImage.alpha_composite(background, img.convert("RGBA"))
    return img if img.mode == "L" else img.convert("L")


def _greyscale_page(img, target, may_draft):
    """`img` decoded as greyscale of size `target`; a ValueError naming the problem when Pillow cannot decode it."""
    try:
        if may_draft and img.format == "JPEG" and (target[0] < img.width or target[1] < img.height):
            img.draft("L", target)  # decodes at 1/2, 1/4 or 1/8 size: far less memory and time for big masters
        img = _for_ocr(img)
        img.load()
    except (UnidentifiedImageError, SyntaxError, OSError) as exc:  # what Pillow raises for bad or truncated data
        raise ValueError(f"not an image Pillow can decode ({exc})") from exc
    return img if img.size == target else img.resize(target, PILImage.Resampling.LANCZOS)


def _recognise(original, languages, may_draft):
    """Tesseract's word table for `original`, reduced to MAX_SIDE; returns it with the reduction factors."""
    width, height = original.size
    factor = min(1.0, MAX_SIDE / max(width, height))
    target = (max(1, round(width * factor)), max(1, round(height * factor)))
    config = "--psm 3"  # automatic page segmentation, no orientation detection
    dpi = original.info.get("dpi")
    if dpi and dpi[0]:
        config += f" --dpi {max(70, round(float(dpi[0]) * target[0] / width))}"
    img = _greyscale_page(original, target, may_draft)
    try:
        data = pytesseract.image_to_data(img, lang=languages, config=config, output_type=Output.DICT, timeout=TIMEOUT)
    except TesseractNotFoundError as exc:
        raise RuntimeError(NOT_INSTALLED) from exc
    return data, width / target[0], height / target[1]


def ocr_image_file(source, languages):
    """Recognise the text of a page image: a path, a binary file or a Pillow image.

    Returns `(text, words)`: the text with one line per recognised line and a blank line
    between paragraphs, and the words as `[text, x, y, w, h, confidence]` in the pixel
    coordinates of the image as given (even when it was reduced for recognition).
    Pillow's MAX_IMAGE_PIXELS guard applies to what is opened here.
    """
    if isinstance(source, PILImage.Image):
        if not source.width or not source.height:
            return "", []
        data, scale_x, scale_y = _recognise(source, languages, may_draft=False)
    else:
        try:
            original = PILImage.open(source)
        except UnidentifiedImageError as exc:  # its message names only a temporary file
            raise ValueError("not an image Pillow can decode (unknown or damaged format)") from exc
        except (SyntaxError, OSError) as exc:
            raise ValueError(f"not an image Pillow can decode ({exc})") from exc
        with original:
            data, scale_x, scale_y = _recognise(original, languages, may_draft=True)

    words = []
    lines = {}  # (block, paragraph, line) -> its words, in reading order
    for i, raw in enumerate(data["text"]):
        word = str(raw).strip()
        confidence = float(data["conf"][i])
        if not word or confidence < 0:
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        right, bottom = left + int(data["width"][i]), top + int(data["height"][i])
        x, y = round(left * scale_x), round(top * scale_y)
        words.append([word, x, y, round(right * scale_x) - x, round(bottom * scale_y) - y, round(confidence)])
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        lines.setdefault(key, []).append(word)

    paragraphs = {}
    for (block, par, _line), line_words in lines.items():
        paragraphs.setdefault((block, par), []).append(" ".join(line_words))
    text = "\n\n".join("\n".join(par_lines) for par_lines in paragraphs.values())
    return text, words


def recognise_image(image):
    """Recognise the text of a stored image, keep it on the image and re-index the items that use it.

    Returns details for the derivative record. Raises when the file cannot be read or
    Tesseract fails; the stored file is only ever read.
    """
    from wagtail.search.index import insert_or_update_object

    from catalogue.models import Item
    from media_library.models import CustomImage

    started = time.monotonic()
    languages = tesseract_languages(image)
    # A local copy: Pillow reads lazily and seeks, and the storage may be S3.
    with tempfile.TemporaryFile() as local:
        with image.open_file() as stored:
            for chunk in iter(lambda: stored.read(1024 * 1024), b""):
                local.write(chunk)
        local.seek(0)
        try:
            text, words = ocr_image_file(local, languages)
        except ValueError as exc:
            raise ValueError(f"{image.file.name}: {exc}") from exc

    from alphabet import canonical_key

    key = canonical_key(text)
    CustomImage.objects.filter(pk=image.pk).update(ocr_text=text, ocr_words=words, ocr_languages=languages, ocr_key=key)
    image.ocr_text, image.ocr_words, image.ocr_languages, image.ocr_key = text, words, languages, key
    insert_or_update_object(image)  # the admin's image search covers the text too
    for item in Item.objects.filter(files__image=image).distinct():
        insert_or_update_object(item)
    return {
        "languages": languages,
        "words": len(words),
        "characters": len(text),
        "seconds": round(time.monotonic() - started, 2),
    }
