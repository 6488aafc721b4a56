"""PDFs: page count, text (embedded, or recognised when the PDF is only scans) and a first-page thumbnail.

pypdf reads the structure and text; pypdfium2 (PDFium, the engine of Chromium's
viewer) renders pages for the thumbnail and for OCR.
"""

import io
import time

import pypdf
import pypdfium2
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from cms.storages import PRIVATE_PREFIX, is_private_name

MIN_TEXT_PER_PAGE = 20  # fewer characters than this per page means "scanned, no text layer"
OCR_DPI = 200


def check_pdf(filelike, filename):
    """Raise ValidationError unless `filelike` is a PDF that can be opened; return its page count."""
    filelike.seek(0)
    head = filelike.read(1024)
    filelike.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(
            _("%(name)s is not a PDF (it does not start with a PDF header); was it renamed from another format?")
            % {"name": filename}
        )
    try:
        reader = pypdf.PdfReader(filelike)
        if reader.is_encrypted:
            raise ValidationError(_("%(name)s is password-protected; upload an unprotected copy.") % {"name": filename})
        count = len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(
            _("%(name)s could not be read as a PDF: %(reason)s") % {"name": filename, "reason": exc}
        ) from exc
    finally:
        filelike.seek(0)
    if count == 0:
        raise ValidationError(_("%(name)s has no pages.") % {"name": filename})
    return count


def thumbnail_name(document):
    prefix = PRIVATE_PREFIX if is_private_name(document.file.name) else ""
    return f"{prefix}pdf-thumbnails/{document.pk}.png"


def process_pdf(document, languages=None):
    """Read page count and text (OCR for pages without text), store a thumbnail; return details."""
    from media_library.models import CustomDocument

    started = time.monotonic()
    with document.open_file() as f:
        data = f.read()
    reader = pypdf.PdfReader(io.BytesIO(data))
    texts = [(page.extract_text() or "").strip() for page in reader.pages]
    pdf = pypdfium2.PdfDocument(data)
    ocr_pages = 0
    try:
        for index, text in enumerate(texts):
            if len(text) < MIN_TEXT_PER_PAGE:
                from media_library.ocr import ocr_image_file

                rendered = pdf[index].render(scale=OCR_DPI / 72).to_pil()
                recognised, _words = ocr_image_file(rendered, languages or "uzb+uzb_cyrl+rus+eng")
                if recognised.strip():
                    texts[index] = recognised.strip()
                    ocr_pages += 1
        thumb = pdf[0].render(scale=300 / max(pdf[0].get_size())).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    thumb.convert("RGB").save(buffer, "PNG")
    name = thumbnail_name(document)
    default_storage.save_exact(name, ContentFile(buffer.getvalue()))
    text = "\n\f\n".join(texts)
    CustomDocument.objects.filter(pk=document.pk).update(page_count=len(texts), extracted_text=text)
    return {
        "pages": len(texts),
        "characters": len(text),
        "ocr_pages": ocr_pages,
        "thumbnail": name,
        "seconds": round(time.monotonic() - started, 2),
    }
