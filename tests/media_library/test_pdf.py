"""PDFs: refused when they are not PDFs; page count, text (OCR when scanned) and thumbnail when attached to an item."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from catalogue.factories import ItemFactory
from media_library.models import CustomDocument, Derivative

from ..conftest import english_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(superuser):
    """The superuser, with the admin in English: the tests read why an upload is refused, not its translation."""
    return english_admin(superuser)


def text_pdf(lines):
    """A real PDF with a text layer, written by hand (the format is simple enough for one page)."""
    stream = "BT /F1 24 Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -32 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def scanned_pdf(lines):
    """A PDF that is only a picture of text (as from a scanner), made with Pillow."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSans.ttf", 56)
    for n, line in enumerate(lines):
        draw.text((150, 200 + n * 110), line, fill=0, font=font)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=200)
    return buffer.getvalue()


def attach(pdf_bytes, name="book.pdf"):
    document = CustomDocument(title=name, file=SimpleUploadedFile(name, pdf_bytes))
    document.full_clean(exclude=["collection"])
    document.save()
    item = ItemFactory(title="Kitob")
    item.files.create(kind="pdf", document=document, label="PDF")
    item.save()
    document.refresh_from_db()
    return item, document


def test_a_pdf_with_text_gets_pages_text_and_a_thumbnail(library):
    _item, document = attach(text_pdf(["Turkiston viloyatining gazeti", "Toshkent 1913"]))
    derivative = Derivative.objects.get(document=document, kind="pdf")
    assert derivative.status == "done", derivative.error
    assert document.page_count == 1
    assert "Turkiston viloyatining gazeti" in document.extracted_text
    assert derivative.data["ocr_pages"] == 0
    assert document.file.storage.exists(derivative.data["thumbnail"])


def test_a_scanned_pdf_without_text_is_recognised(library):
    _item, document = attach(scanned_pdf(["Alisher Navoiy asarlari", "Toshkent shahri"]), "scan.pdf")
    derivative = Derivative.objects.get(document=document, kind="pdf")
    assert derivative.status == "done", derivative.error
    assert derivative.data["ocr_pages"] == 1
    assert "Navoiy" in document.extracted_text


def test_the_pdf_is_offered_as_a_rendering_in_the_manifest(client, library):
    import json

    item, document = attach(text_pdf(["Oyina"]))
    item.save_revision().publish()
    manifest = json.loads(client.get(f"/iiif/{item.pk}/manifest").content)
    [rendering] = manifest["rendering"]
    assert rendering["format"] == "application/pdf" and rendering["type"] == "Text"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n not really", "is not a PDF"),
        (b"%PDF-1.4\n garbage without any objects", "could not be read as a PDF"),
    ],
)
def test_a_file_that_is_not_a_pdf_is_refused_with_its_name(client, superuser, content, expected):
    client.force_login(superuser)
    response = client.post(
        "/admin/documents/add/", {"title": "Gazeta", "file": SimpleUploadedFile("gazeta.pdf", content)}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "gazeta.pdf" in errors and expected in errors
    assert not CustomDocument.objects.exists()
