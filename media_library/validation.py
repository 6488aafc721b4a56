"""Checks on an image before it is stored, each failure with a message naming the file and the reason."""

from pathlib import Path

import pyvips
from django.conf import settings

SCAN_EXTENSIONS = {".tif", ".tiff", ".jpg", ".jpeg", ".png", ".jp2", ".webp"}


class FileRejected(Exception):
    def __init__(self, filename, reason):
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


def _vips_reason(exc):
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    detail = next((line for line in lines[1:] if line), lines[0] if lines else "")
    return detail[:200]


def check_scan(path, filename=None):
    """Raise FileRejected unless `path` is a whole, readable raster image within the size limit.

    Returns (width, height). The image is decoded once, streaming, so truncated or
    damaged files are caught here rather than when tiles are made.
    """
    path = Path(path)
    filename = filename or path.name
    suffix = Path(filename).suffix.lower()
    if suffix == ".svg":
        raise FileRejected(
            filename, "SVG files are not accepted as scans (they can carry scripts); use TIFF, JPEG or PNG."
        )
    if suffix not in SCAN_EXTENSIONS:
        raise FileRejected(
            filename, f"“{suffix or 'no extension'}” is not a scan format; use TIFF, JPEG, PNG, JPEG 2000 or WebP."
        )
    if path.stat().st_size == 0:
        raise FileRejected(filename, "the file is empty (0 bytes).")
    try:
        image = pyvips.Image.new_from_file(str(path), access="sequential", fail_on="error")
    except pyvips.Error as exc:
        raise FileRejected(
            filename, f"not a readable image (renamed from another format, or damaged): {_vips_reason(exc)}"
        ) from exc
    pixels = image.width * image.height
    limit = settings.KUTUBXONA_MAX_IMAGE_PIXELS
    if pixels > limit:
        raise FileRejected(
            filename,
            f"{image.width}×{image.height} is {pixels / 1e6:,.0f} megapixels, above the limit of {limit / 1e6:,.0f}; "
            "refused as a possible decompression bomb (raise KUTUBXONA_MAX_IMAGE_PIXELS for a genuine master).",
        )
    try:
        image.avg()  # decodes every pixel once
    except pyvips.Error as exc:
        raise FileRejected(filename, f"the image is truncated or damaged: {_vips_reason(exc)}") from exc
    return image.width, image.height
