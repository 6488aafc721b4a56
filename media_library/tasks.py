"""Background work on stored files, run by django-tasks (immediately in development, by `db_worker` in production)."""

import contextvars
import logging
import time
import traceback
from contextlib import contextmanager

from django.db.models import F
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def sync_access(image_ids, document_ids=(), media_ids=()):
    """Move each file to the storage its current access calls for (a fixed number of queries to decide)."""
    from media_library.access import public_file_ids, sync_document_access, sync_image_access, sync_media_access
    from media_library.models import CustomDocument, CustomImage, CustomMedia

    public = public_file_ids("image", image_ids)
    for image in CustomImage.objects.filter(pk__in=image_ids):
        sync_image_access(image, public=image.pk in public)
    public = public_file_ids("document", document_ids)
    for document in CustomDocument.objects.filter(pk__in=document_ids):
        sync_document_access(document, public=document.pk in public)
    public = public_file_ids("media", media_ids)
    for media in CustomMedia.objects.filter(pk__in=media_ids):
        sync_media_access(media, public=media.pk in public)


_derivative_kinds = contextvars.ContextVar("derivative_kinds", default=None)


@contextmanager
def derivatives_limited_to(kinds):
    """Within this block, new images get only these derivatives (e.g. no OCR of generated demo pages)."""
    token = _derivative_kinds.set(list(kinds))
    try:
        yield
    finally:
        _derivative_kinds.reset(token)


def schedule_item_media(image_ids, document_ids=(), media_ids=()):
    """After an item is saved: put its files where their access says, and make missing derivatives."""
    from django.conf import settings

    from media_library.models import Derivative

    image_ids = sorted({i for i in image_ids if i})
    document_ids = sorted({i for i in document_ids if i})
    media_ids = sorted({i for i in media_ids if i})
    if not image_ids and not document_ids and not media_ids:
        return
    sync_access.enqueue(image_ids, document_ids, media_ids)
    probed = set(
        Derivative.objects.filter(media_id__in=media_ids, kind=Derivative.Kind.AV).values_list("media_id", flat=True)
    )
    for media_id in media_ids:
        if media_id not in probed:
            process_media.enqueue(media_id)
    pdfs_done = set(
        Derivative.objects.filter(document_id__in=document_ids, kind=Derivative.Kind.PDF).values_list(
            "document_id", flat=True
        )
    )
    for document_id in document_ids:
        if document_id not in pdfs_done:
            process_document.enqueue(document_id)
    kinds = _derivative_kinds.get()
    if kinds is None:
        kinds = settings.KUTUBXONA_IMAGE_DERIVATIVES
    done = set(Derivative.objects.filter(image_id__in=image_ids, kind__in=kinds).values_list("image_id", "kind"))
    for image_id in image_ids:
        missing = [kind for kind in kinds if (image_id, kind) not in done]
        if missing:
            process_image.enqueue(image_id, kinds=missing)


@task()
def process_image(image_id, kinds=None):
    """Make the derivatives of an image (tiles, OCR); each outcome is recorded, a failure never touches the file."""
    from media_library.models import CustomImage, Derivative

    image = CustomImage.objects.filter(pk=image_id).first()
    if image is None:
        return
    for kind in kinds or [Derivative.Kind.TILES, Derivative.Kind.OCR]:
        run_derivative(image, kind)


@task()
def process_document(document_id):
    """Page count, text and thumbnail of a PDF attached to an item."""
    from media_library.models import CustomDocument, Derivative

    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is not None and document.file.name.lower().endswith(".pdf"):
        run_derivative(document, Derivative.Kind.PDF)


@task()
def process_media(media_id):
    """Duration, size and poster frame of an audio or video file."""
    from media_library.models import CustomMedia, Derivative

    media = CustomMedia.objects.filter(pk=media_id).first()
    if media is not None:
        run_derivative(media, Derivative.Kind.AV)


def run_derivative(obj, kind):
    """Run one derivative of an image, document or recording and record the outcome."""
    from media_library.models import CustomDocument, CustomImage, Derivative

    owner = {CustomImage: "image", CustomDocument: "document"}.get(type(obj), "media")
    owner = {owner: obj}
    derivative, _created = Derivative.objects.get_or_create(kind=kind, **owner)
    Derivative.objects.filter(pk=derivative.pk).update(attempts=F("attempts") + 1)
    started = time.monotonic()
    try:
        data = DERIVATIVE_RUNNERS[kind](obj)
    except Exception as exc:  # recorded for staff to see and retry; the original file is untouched
        logger.exception("%s of %s %s failed", kind, obj._meta.model_name, obj.pk)
        Derivative.objects.filter(pk=derivative.pk).update(
            status=Derivative.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc(limit=5)}",
            seconds=time.monotonic() - started,
        )
        return False
    Derivative.objects.filter(pk=derivative.pk).update(
        status=Derivative.Status.DONE, error="", data=data or {}, seconds=time.monotonic() - started
    )
    return True


def _tiles(image):
    from media_library.tiles import make_tiles

    return make_tiles(image)


def _ocr(image):
    from media_library.ocr import recognise_image

    return recognise_image(image)


def _pdf(document):
    from media_library.ocr import tesseract_languages_for
    from media_library.pdf import process_pdf

    return process_pdf(document, languages=tesseract_languages_for(document=document))


def _av(media):
    from media_library.av import process_av

    return process_av(media)


DERIVATIVE_RUNNERS = {"tiles": _tiles, "ocr": _ocr, "pdf": _pdf, "av": _av}
