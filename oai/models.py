"""What the OAI-PMH endpoint disseminates: one row per catalogue record, kept up to date by oai.sync."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from oai.fields import SetSpecsField


class Record(models.Model):
    """A catalogue item as harvesters see it, or the tombstone of one they saw before.

    `item_id` is the id of the item in the library's main language (Uzbek, Latin script);
    its translations share `translation_key` and appear in the same record as values in
    other languages. The id stays when the item is deleted, so the tombstone keeps its identifier.
    """

    item_id = models.BigIntegerField(_("item id"), primary_key=True)
    translation_key = models.UUIDField(_("translation key"), unique=True)
    # The time the disseminated metadata last changed (or the item left the public catalogue).
    # Kept at full precision so that a harvest's snapshot bound orders every change; shown in seconds.
    datestamp = models.DateTimeField(_("datestamp"), null=True, blank=True)
    deleted = models.BooleanField(_("deleted"), default=False)
    # GIN-indexed on PostgreSQL by migration 0001 (oai_record_sets).
    set_specs = SetSpecsField(models.CharField(max_length=200), default=list, blank=True)
    oai_dc = models.TextField(blank=True)
    marc21 = models.TextField(blank=True)
    digest = models.CharField(max_length=64, blank=True)
    pending = models.BooleanField(_("to be rebuilt"), default=True)

    class Meta:
        verbose_name = _("OAI-PMH record")
        verbose_name_plural = _("OAI-PMH records")
        indexes = [
            models.Index(fields=["datestamp", "item_id"], name="oai_record_datestamp"),
            models.Index(fields=["item_id"], condition=models.Q(pending=True), name="oai_record_pending"),
        ]

    def __str__(self):
        return f"{self.item_id} ({'deleted' if self.deleted else 'live'})"
