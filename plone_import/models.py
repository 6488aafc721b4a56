"""What the Plone importer remembers between runs: one row per Plone object, keyed on its UID."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PloneObject(models.Model):
    """A Plone object already imported, and what it became.

    A re-run compares `checksum` (of the exported JSON) to decide between "unchanged" and
    "updated"; `checksum` is written only once the object is complete, so an interrupted run
    finishes the object on the next run.
    """

    uid = models.CharField(_("Plone UID"), max_length=64, unique=True)
    portal_type = models.CharField(_("Plone type"), max_length=100)
    path = models.CharField(_("Plone path"), max_length=1000)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(max_length=64, blank=True)
    # What Wagtail has no field for (event dates, smart-collection query, link URL), kept as exported.
    data = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported Plone object")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.portal_type} {self.path}"


class PloneComment(models.Model):
    """A Plone discussion comment, kept as a read-only archive (not shown on the public site)."""

    plone_object = models.ForeignKey(PloneObject, on_delete=models.CASCADE, related_name="comments")
    comment_id = models.CharField(max_length=64)
    in_reply_to = models.CharField(max_length=64, blank=True)
    author_username = models.CharField(max_length=150, blank=True)
    author_name = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)
    mime_type = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("archived Plone comment")
        constraints = [models.UniqueConstraint(fields=["plone_object", "comment_id"], name="unique_plone_comment")]
        ordering = ["created", "comment_id"]

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"
