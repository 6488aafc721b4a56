import factory

from media_library.generated import make_image_file  # noqa: F401 (tests import it from here)
from media_library.models import CustomDocument, CustomImage


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
