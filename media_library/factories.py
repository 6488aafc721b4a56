import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from media_library.models import CustomDocument, CustomImage


def make_image_file(name="scan.png", size=(640, 480), colour=(180, 150, 110), text=None, fmt="PNG"):
    """A generated image, so tests and the demo need no binary files in the repository."""
    image = PILImage.new("RGB", size, colour)
    if text:
        draw = ImageDraw.Draw(image)
        draw.rectangle(
            [size[0] // 12, size[1] // 12, size[0] * 11 // 12, size[1] * 11 // 12], outline=(60, 40, 20), width=4
        )
        draw.text((size[0] // 8, size[1] // 2), text, fill=(40, 25, 10))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    buffer.seek(0)
    return ImageFile(buffer, name=name)


class CustomImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(lambda o: make_image_file(f"image-{o.title[:20]}.png"))
    alt_text = factory.LazyAttribute(lambda o: o.title)

    class Meta:
        model = CustomImage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        image._set_image_file_metadata()
        image.save()
        return image


class CustomDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="document.txt", data=b"Kutubxona document")

    class Meta:
        model = CustomDocument
