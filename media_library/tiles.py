"""IIIF Image API level-0 tiles, made once with libvips and served as static files.

`dzsave(layout="iiif3")` writes every tile a viewer can ask for plus `info.json`;
they are stored through the configured storage under ``iiif/<image id>/`` (or
``private/iiif/<image id>/`` for a restricted image), so deep zoom comes straight
from object storage or a CDN with no image server.
"""

import json
import os
import tempfile
import time
from pathlib import Path

import pyvips
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms.storages import PRIVATE_PREFIX, is_private_name

TILE_SIZE = 512


def tiles_prefix(image):
    return f"{PRIVATE_PREFIX if is_private_name(image.file.name) else ''}iiif/{image.pk}"


def absolute(url):
    return url if url.startswith(("http://", "https://")) else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def tiles_base_url(image, prefix=None):
    """The IIIF Image service id: the URL under which info.json and the tiles are found."""
    return absolute(default_storage.url(prefix or tiles_prefix(image)))


def delete_tiles(prefix):
    """Delete everything stored under `prefix` (a tiles folder)."""
    if not default_storage.exists(f"{prefix}/info.json"):
        return
    stack = [prefix]
    while stack:
        folder = stack.pop()
        dirs, files = default_storage.listdir(folder)
        for name in files:
            default_storage.delete(f"{folder}/{name}")
        stack.extend(f"{folder}/{d}" for d in dirs)


def make_tiles(image):
    """Generate and store the tiles and info.json of `image`; return details for the record."""
    started = time.monotonic()
    prefix = tiles_prefix(image)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "source"
        with image.open_file() as f, open(source, "wb") as out:
            for chunk in iter(lambda: f.read(1024 * 1024), b""):
                out.write(chunk)
        # Sequential access streams the image through memory: a 300 MP master needs no 900 MB buffer.
        vips_image = pyvips.Image.new_from_file(str(source), access="sequential")
        if vips_image.hasalpha():
            vips_image = vips_image.flatten(background=[255, 255, 255])
        if vips_image.interpretation not in ("srgb", "b-w"):
            vips_image = vips_image.colourspace("srgb")
        vips_image.dzsave(str(Path(work) / "tiles"), layout="iiif3", tile_size=TILE_SIZE, suffix=".jpg[Q=85,strip]")
        root = Path(work) / "tiles"
        info = json.loads((root / "info.json").read_text())
        info["id"] = tiles_base_url(image, prefix)
        # dzsave also writes the whole image at one small size; announcing it lets viewers
        # use it for thumbnails instead of asking a level-0 service for sizes it does not have.
        full = [d.name for d in (root / "full").iterdir()] if (root / "full").is_dir() else []
        sizes = sorted(tuple(int(n) for n in name.split(",")) for name in full if "," in name)
        if sizes:
            info["sizes"] = [{"width": w, "height": h} for w, h in sizes]
        (root / "info.json").write_text(json.dumps(info))
        delete_tiles(prefix)  # regenerated tiles replace the old ones
        count = 0
        for dirpath, _dirs, files in os.walk(root):
            for filename in files:
                path = Path(dirpath) / filename
                with open(path, "rb") as fh:
                    default_storage.save_exact(f"{prefix}/{path.relative_to(root).as_posix()}", ContentFile(fh.read()))
                count += 1
    return {
        "prefix": prefix,
        "tiles": count,
        "width": info["width"],
        "height": info["height"],
        "sizes": info.get("sizes", []),
        "seconds": round(time.monotonic() - started, 2),
    }
