"""Generated images, so tests, the demo library and benchmarks need no binary files in the repository."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont


def _font(size):
    for name in ("DejaVuSerif.ttf", "DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def make_image_file(name="scan.png", size=(640, 480), colour=(180, 150, 110), text=None, fmt="PNG"):
    """A generated image, so tests and the demo need no binary files in the repository.

    With `text`, it looks like a page: a frame, a title and lines of simulated writing.
    """
    image = PILImage.new("RGB", size, colour)
    if text:
        width, height = size
        rng = random.Random(text)
        ink = tuple(max(0, c - 140) for c in colour)
        faint = tuple(max(0, c - 60) for c in colour)
        draw = ImageDraw.Draw(image)
        margin = width // 12
        draw.rectangle([margin, margin, width - margin, height - margin], outline=ink, width=max(2, width // 300))
        draw.rectangle([margin + 8, margin + 8, width - margin - 8, height - margin - 8], outline=faint, width=1)
        font = _font(max(14, width // 28))
        draw.text((width // 2, margin * 2), text[:60], fill=ink, font=font, anchor="mm")
        line_height = max(12, height // 36)
        y = margin * 2 + line_height * 2
        while y < height - margin * 1.5:
            x = margin * 1.5
            end = width - margin * 1.5 - rng.randint(0, width // 5)
            while x < end:
                word = rng.randint(width // 40, width // 12)
                draw.line([(x, y), (min(x + word, end), y)], fill=faint, width=max(2, line_height // 5))
                x += word + rng.randint(width // 80, width // 40)
            y += line_height
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    buffer.seek(0)
    return ImageFile(buffer, name=name)
