"""The library's images and documents.

Custom models from the first migration, because Wagtail cannot switch image or
document model later without a painful data migration. Images carry what a
cataloguer needs to publish a reproduction responsibly (alt text, caption, credit,
rights); both carry a SHA-256 checksum so a file's integrity can be checked after
it has been copied between storages.
"""

import hashlib
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index
from wagtailmedia.models import AbstractMedia


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
        # Read what was loaded without touching deferred fields (which would query again).
        loaded = self.__dict__
        stored = loaded.get("file")
        self._checksummed_name = getattr(stored, "name", stored) if loaded.get("sha256") else None

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
    """An image: a photograph, a scan of a page, a poster or an illustration.

    Technical metadata (pixel size, resolution, colour mode, size, checksum) is read
    from the file when it is stored. Text recognised on a page scan (OCR) is kept
    here with its word boxes, so search and the IIIF viewer can use it.
    """

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

    dpi = models.PositiveIntegerField(_("resolution (DPI)"), null=True, blank=True, editable=False)
    colour_mode = models.CharField(
        _("colour mode"), max_length=16, blank=True, editable=False, help_text=_("e.g. RGB, L (greyscale), CMYK.")
    )
    ocr_text = models.TextField(_("recognised text"), blank=True, editable=False)
    ocr_words = models.JSONField(
        _("recognised words"), default=list, blank=True, editable=False, help_text=_("[text, x, y, w, h, confidence]")
    )
    ocr_languages = models.CharField(_("OCR languages"), max_length=100, blank=True, editable=False)
    # The recognised text under the cross-script search key (alphabet.canonical_key): the public
    # search finds the pages of a scan where a word occurs, in whichever script it was typed.
    ocr_key = models.TextField(_("recognised text, search key"), blank=True, editable=False)

    admin_form_fields = Image.admin_form_fields + ("alt_text", "caption", "credit", "rights", "rights_url")

    search_fields = AbstractImage.search_fields + [
        index.SearchField("caption"),
        index.SearchField("credit"),
        index.SearchField("alt_text"),
        index.SearchField("ocr_text"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    def save(self, *args, **kwargs):
        if self.file and (not self.colour_mode or self.file.name != self._checksummed_name):
            self._read_technical_metadata()
        super().save(*args, **kwargs)

    def _read_technical_metadata(self):
        from PIL import Image as PILImage

        with self.open_file() as f:
            with PILImage.open(f) as img:  # reads the header only
                self.colour_mode = img.mode[:16]
                dpi = img.info.get("dpi")
                self.dpi = round(float(dpi[0])) if dpi and dpi[0] else None

    def get_upload_to(self, filename):
        from cms.storages import private_name

        name = super().get_upload_to(filename)
        return private_name(name) if getattr(self, "store_private", False) else name

    @property
    def megapixels(self):
        return round(self.width * self.height / 1_000_000, 1) if self.width and self.height else None

    @property
    def is_private(self):
        from cms.storages import is_private_name

        return is_private_name(self.file.name)

    @property
    def default_alt_text(self):
        # Used by Wagtail's {% image %} tag when no alt is given.
        return self.alt_text or self.caption or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        # A rendition of a restricted image is as restricted as the image.
        from cms.storages import private_name

        name = super().get_upload_to(filename)
        return private_name(name) if self.image.is_private else name


class CustomDocument(ChecksumMixin, AbstractDocument):
    """A document: a PDF of a book, a transcript, a finding aid."""

    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extracted_text = models.TextField(_("text"), blank=True, editable=False)

    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    admin_form_fields = ("title", "file", "collection", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        super().clean()
        if self.file and self.file.name.lower().endswith(".pdf"):
            from media_library.pdf import check_pdf

            try:
                self.page_count = check_pdf(self.file, self.file.name.rsplit("/", 1)[-1])
            except ValidationError as exc:
                raise ValidationError({"file": exc.messages}) from exc

    @property
    def is_private(self):
        from cms.storages import is_private_name

        return is_private_name(self.file.name)


class CustomMedia(ChecksumMixin, AbstractMedia):
    """An audio or video recording, with its captions or transcript as WebVTT.

    Duration, picture size and a poster frame are read with ffmpeg in the background.
    """

    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="media_captions",
        blank=True,
        help_text=_("Subtitles or a transcript with timings, as a .vtt file."),
    )
    captions_language = models.CharField(
        _("language of the captions"), max_length=20, blank=True, help_text=_("e.g. uz-Latn, uz-Cyrl, ru, en")
    )
    transcript = models.TextField(_("transcript"), blank=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "thumbnail",
        "captions",
        "captions_language",
        "transcript",
        "tags",
    )
    search_fields = AbstractMedia.search_fields + [index.SearchField("transcript")]

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    @contextmanager
    def open_file(self):
        # As Wagtail's documents do: an upload not yet stored is read where it is.
        if not self.file._committed or not self.file.closed:
            self.file.seek(0)
            yield self.file
            self.file.seek(0)
            return
        f = self.file.storage.open(self.file.name, "rb")
        try:
            yield f
        finally:
            f.close()

    def clean(self):
        super().clean()
        if self.file and hasattr(self.file, "file") and not self.file._committed:
            from media_library.av import check_media_upload

            try:
                check_media_upload(self.file.file, self.file.name.rsplit("/", 1)[-1])
            except ValidationError as exc:
                raise ValidationError({"file": exc.messages}) from exc
        if self.captions and not self.captions.name.lower().endswith(".vtt"):
            raise ValidationError({"captions": _("Captions must be a WebVTT file (.vtt).")})
        if self.captions and not self.captions._committed:
            head = self.captions.file.read(16)
            self.captions.file.seek(0)
            if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
                raise ValidationError(
                    {
                        "captions": _("%(name)s is not a WebVTT file: it must start with “WEBVTT”.")
                        % {"name": self.captions.name}
                    }
                )

    @property
    def is_private(self):
        from cms.storages import is_private_name

        return is_private_name(self.file.name)


class Derivative(models.Model):
    """Background work done on a stored file (deep-zoom tiles, OCR, PDF text), with its outcome.

    A failure is recorded with its error and never touches the uploaded file; staff
    can retry it from the admin.
    """

    class Kind(models.TextChoices):
        TILES = "tiles", _("IIIF tiles")
        OCR = "ocr", _("text recognition")
        PDF = "pdf", _("PDF text and thumbnail")
        AV = "av", _("audio/video probe")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    image = models.ForeignKey(CustomImage, null=True, blank=True, on_delete=models.CASCADE, related_name="derivatives")
    document = models.ForeignKey(
        CustomDocument, null=True, blank=True, on_delete=models.CASCADE, related_name="derivatives"
    )
    media = models.ForeignKey(CustomMedia, null=True, blank=True, on_delete=models.CASCADE, related_name="derivatives")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    seconds = models.FloatField(_("seconds taken"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("derivative")
        verbose_name_plural = _("derivatives")
        constraints = [
            models.UniqueConstraint(fields=["image", "kind"], name="one_derivative_per_image_kind"),
            models.UniqueConstraint(fields=["document", "kind"], name="one_derivative_per_document_kind"),
            models.UniqueConstraint(fields=["media", "kind"], name="one_derivative_per_media_kind"),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.image or self.document or self.media}: {self.get_status_display()}"
