"""The library's images and documents.

Custom models from the first migration, because Wagtail cannot switch image or
document model later without a painful data migration. Images carry what a
cataloguer needs to publish a reproduction responsibly (alt text, caption, credit,
rights); both carry a SHA-256 checksum so a file's integrity can be checked after
it has been copied between storages.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index


def sha256_of(filelike, chunk_size=1024 * 1024):
    digest = hashlib.sha256()
    filelike.seek(0)
    for chunk in iter(lambda: filelike.read(chunk_size), b""):
        digest.update(chunk)
    filelike.seek(0)
    return digest.hexdigest()


class ChecksumMixin(models.Model):
    """Keeps `sha256` in step with the stored file."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._checksummed_name = self.file.name if self.sha256 else None

    def save(self, *args, **kwargs):
        if self.file and (not self.sha256 or self.file.name != self._checksummed_name):
            with self.open_file() as f:
                self.sha256 = sha256_of(f)
            self._checksummed_name = self.file.name
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sha256"}
        super().save(*args, **kwargs)


class CustomImage(ChecksumMixin, AbstractImage):
    """An image: a photograph, a scan of a page, a poster or an illustration."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=500,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Leave empty only for decoration."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer, lender or holding institution.")
    )
    rights = models.CharField(
        _("rights"),
        max_length=255,
        blank=True,
        help_text=_("Rights statement or licence, e.g. “In Copyright” or “CC BY 4.0”."),
    )
    rights_url = models.URLField(
        _("rights URL"), blank=True, help_text=_("The rightsstatements.org or Creative Commons URI.")
    )

    admin_form_fields = Image.admin_form_fields + ("alt_text", "caption", "credit", "rights", "rights_url")

    search_fields = AbstractImage.search_fields + [
        index.SearchField("caption"),
        index.SearchField("credit"),
        index.SearchField("alt_text"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self):
        # Used by Wagtail's {% image %} tag when no alt is given.
        return self.alt_text or self.caption or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(ChecksumMixin, AbstractDocument):
    """A document: a PDF of a book, a transcript, a finding aid."""

    admin_form_fields = ("title", "file", "collection", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
