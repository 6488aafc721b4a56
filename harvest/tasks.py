"""Harvests as background tasks (django-tasks): started from the admin's “Harvest now”."""

from django_tasks import task


@task()
def harvest_source(source_id, full=False):
    """Harvest one source; returns the run's id, or None when another run of it is in progress."""
    from harvest.harvester import HarvestLocked, harvest
    from harvest.models import HarvestSource

    source = HarvestSource.objects.select_related("target_collection").get(pk=source_id)
    try:
        return harvest(source, full=full).pk
    except HarvestLocked:
        return None
