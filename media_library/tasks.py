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
def sync_access(image_ids):
    """Move each image to the storage its current access calls for (a fixed number of queries to decide)."""
    from media_library.access import public_image_ids, sync_image_access
    from media_library.models import CustomImage

    public = public_image_ids(image_ids)
    for image in CustomImage.objects.filter(pk__in=image_ids):
        sync_image_access(image, public=image.pk in public)


_derivative_kinds = contextvars.ContextVar("derivative_kinds", default=None)


@contextmanager
def derivatives_limited_to(kinds):
    """Within this block, new images get only these derivatives (e.g. no OCR of generated demo pages)."""
    token = _derivative_kinds.set(list(kinds))
    try:
        yield
    finally:
        _derivative_kinds.reset(token)


def schedule_item_media(image_ids):
    """After an item is saved: put its images where their access says, and make missing derivatives."""
    from django.conf import settings

    from media_library.models import Derivative

    image_ids = sorted({i for i in image_ids if i})
    if not image_ids:
        return
    sync_access.enqueue(image_ids)
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


def run_derivative(image, kind):
    from media_library.models import Derivative

    derivative, _created = Derivative.objects.get_or_create(image=image, kind=kind)
    Derivative.objects.filter(pk=derivative.pk).update(attempts=F("attempts") + 1)
    started = time.monotonic()
    try:
        data = DERIVATIVE_RUNNERS[kind](image)
    except Exception as exc:  # recorded for staff to see and retry; the original file is untouched
        logger.exception("%s of image %s failed", kind, image.pk)
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


DERIVATIVE_RUNNERS = {"tiles": _tiles, "ocr": _ocr}
