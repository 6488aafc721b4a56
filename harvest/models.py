"""OAI-PMH sources the library harvests records from, each run of a harvest, and what it brought.

A source is another repository's OAI-PMH base URL, with the set and metadata format to ask for
and the collection its records go into. Each run asks only for what changed since the last
successful run, remembers where it is (the resumption token) so an interrupted run can carry on,
and keeps a report of what it created, updated, deleted and could not read.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HarvestSource(models.Model):
    """A repository whose records the library copies into one of its collections."""

    class Granularity(models.TextChoices):
        DAY = "YYYY-MM-DD", _("Days")
        SECONDS = "YYYY-MM-DDThh:mm:ssZ", _("Seconds")

    name = models.CharField(_("name"), max_length=255)
    base_url = models.URLField(
        _("base URL"), max_length=500, help_text=_("The repository's OAI-PMH address, e.g. https://example.org/oai")
    )
    set_spec = models.CharField(
        _("set"), max_length=255, blank=True, help_text=_("Harvest only this set (setSpec). Empty: all records.")
    )
    metadata_prefix = models.CharField(
        _("metadata format"),
        max_length=50,
        default="oai_dc",
        help_text=_("The metadataPrefix to ask for. Records are read as Dublin Core (oai_dc)."),
    )
    target_collection = models.ForeignKey(
        "catalogue.CollectionPage",
        verbose_name=_("target collection"),
        on_delete=models.PROTECT,
        related_name="harvest_sources",
        help_text=_("Harvested records become items of this collection."),
    )
    enabled = models.BooleanField(
        _("harvest on schedule"), default=True, help_text=_("Included when scheduled harvests run.")
    )
    interval_hours = models.PositiveIntegerField(
        _("interval (hours)"), default=24, help_text=_("How often the scheduled harvest runs this source.")
    )
    granularity = models.CharField(
        _("datestamp granularity"),
        max_length=30,
        choices=Granularity.choices,
        blank=True,
        editable=False,
        help_text=_("As the repository declares it (Identify)."),
    )
    last_success_datestamp = models.DateTimeField(
        _("harvested up to"),
        null=True,
        blank=True,
        help_text=_("The next run asks for records changed since then. Clear it to harvest everything again."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def last_run(self):
        return self.runs.order_by("-started_at").first()

    def is_due(self, now=None):
        """Whether a scheduled harvest should run this source now."""
        if not self.enabled:
            return False
        now = now or timezone.now()
        last = self.runs.exclude(status=HarvestRun.Status.RUNNING).order_by("-started_at").first()
        return last is None or last.started_at + datetime.timedelta(hours=self.interval_hours) <= now


class HarvestRun(models.Model):
    """One harvest of one source, with its counts and report."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Interrupted")
        RESUMED = "resumed", _("Interrupted, then resumed")

    source = models.ForeignKey(HarvestSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    full = models.BooleanField(_("full harvest"), default=False)
    from_datestamp = models.DateTimeField(_("changes since"), null=True, blank=True)
    response_datestamp = models.DateTimeField(
        _("repository time at start"),
        null=True,
        blank=True,
        help_text=_("Becomes the source's “harvested up to” when the run succeeds."),
    )
    resumption_token = models.TextField(
        _("resumption token"),
        blank=True,
        help_text=_("Where an interrupted run stopped; the next run continues there."),
    )
    resumed_from = models.ForeignKey(
        "self", verbose_name=_("continues"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    deleted = models.PositiveIntegerField(_("deleted"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    report = models.TextField(_("report"), blank=True)

    class Meta:
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class HarvestedRecord(models.Model):
    """The item a record of a source became, found again by its OAI identifier."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="records")
    identifier = models.CharField(_("OAI identifier"), max_length=500)
    item = models.ForeignKey(
        "catalogue.Item", verbose_name=_("item"), null=True, on_delete=models.SET_NULL, related_name="harvested_from"
    )
    datestamp = models.DateTimeField(_("datestamp"), null=True)
    deleted = models.BooleanField(_("deleted at the source"), default=False)
    harvested_at = models.DateTimeField(_("harvested"), auto_now=True)

    class Meta:
        verbose_name = _("harvested record")
        verbose_name_plural = _("harvested records")
        constraints = [models.UniqueConstraint(fields=["source", "identifier"], name="harvest_record_once")]

    def __str__(self):
        return self.identifier
