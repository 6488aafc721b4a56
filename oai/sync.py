"""Keeps the Record table in step with the catalogue.

Changes to items, their translations, vocabularies and collections mark records *pending*
(oai.signals); pending records are rebuilt when the transaction commits, at the start of each
OAI-PMH request (a bounded number) and by `manage.py oai_sync`. A rebuilt record gets a new
datestamp only when what it disseminates (metadata, set membership, deletion) has changed.
"""

import hashlib
import logging
from datetime import timedelta
from xml.etree import ElementTree as ET

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from wagtail.models import Locale

from catalogue.models import (
    CollectionPage,
    Item,
    ItemAgent,
    ItemIndexPage,
    ItemPlace,
    ItemRelation,
    ItemSubject,
)
from catalogue.records import dublin_core
from oai.marc import marc_record
from oai.models import Record

logger = logging.getLogger(__name__)

# Records rebuilt at once when a transaction commits or a request starts; the rest wait for the next.
REBUILD_LIMIT = 200
BATCH = 500


# --- sets ------------------------------------------------------------------------------------


def collection_sets():
    """{collection page id: (setSpec, setName)} for every published public collection.

    Specs follow the page tree: `collection:<id>`, a sub-collection `collection:<parent id>:<id>`.
    Collections of the other languages map to the set of their Uzbek (Latin) original; a
    collection under an unpublished or restricted collection is no set of its own.
    """
    default = Locale.get_default()
    pages = list(
        CollectionPage.objects.order_by("path").values("id", "path", "title", "live", "locale_id", "translation_key")
    )
    public = set(CollectionPage.objects.live().public().values_list("id", flat=True))
    by_path, sets = {}, {}
    collection_paths = {p["path"] for p in pages}
    for page in pages:
        if page["locale_id"] != default.pk:
            continue
        parent = page["path"][:-4]
        if parent in collection_paths:
            if parent not in by_path:
                continue  # under a collection that is no set
            spec = f"{by_path[parent]}:{page['id']}"
        else:
            spec = f"collection:{page['id']}"
        if page["id"] in public:
            by_path[page["path"]] = spec
            sets[page["id"]] = (spec, page["title"])
    originals = {p["translation_key"]: p["id"] for p in pages if p["id"] in sets}
    for page in pages:
        if page["locale_id"] != default.pk and page["translation_key"] in originals:
            sets[page["id"]] = sets[originals[page["translation_key"]]]
    return sets


def specs_with_ancestors(specs):
    """Every spec and its ancestors: a record in a:b is also in a."""
    result = set()
    for spec in specs:
        parts = spec.split(":")
        for end in range(2, len(parts) + 1):
            result.add(":".join(parts[:end]))
    return sorted(result)


# --- rendering -------------------------------------------------------------------------------


def _item_queryset():
    return Item.objects.select_related("rights", "locale").prefetch_related(
        Prefetch("agent_links", queryset=ItemAgent.objects.select_related("agent").order_by("sort_order")),
        "alternative_titles",
        "identifiers",
        Prefetch("subject_links", queryset=ItemSubject.objects.select_related("subject").order_by("sort_order")),
        Prefetch("place_links", queryset=ItemPlace.objects.select_related("place").order_by("sort_order")),
        "languages",
        "collections",
        Prefetch("relations", queryset=ItemRelation.objects.select_related("target_item").order_by("sort_order")),
    )


class _Urls:
    """Canonical item addresses, with the item index page of each language looked up once."""

    def __init__(self):
        self.bases = {}

    def __call__(self, item):
        from media_library.tiles import absolute

        if item.locale_id not in self.bases:
            index = ItemIndexPage.objects.live().filter(locale_id=item.locale_id).first()
            if index is None:
                index = ItemIndexPage.objects.live().filter(locale=Locale.get_default()).first()
            self.bases[item.locale_id] = (index, index.get_url() if index else None)
        index, base = self.bases[item.locale_id]
        if index is None or base is None:
            return ""
        return absolute(base + index.reverse_subpage("item", args=(item.pk, item.slug)))


def render(item, translations, sets, urls, public_targets):
    """(oai_dc XML, marc21 XML without its 005 field, set specs) of a public item.

    In English whatever the language of the request that triggers it (MARC relator terms): the
    same item always gives the same record, so its datestamp moves only when the item changes.
    """
    with translation.override("en"):
        return _render(item, translations, sets, urls, public_targets)


def _render(item, translations, sets, urls, public_targets):
    specs = specs_with_ancestors(sets[c.pk][0] for c in item.collections.all() if c.pk in sets)
    url = urls(item)
    dc = ET.tostring(
        dublin_core(item, url=url, translations=translations, public_targets=public_targets), encoding="unicode"
    )
    return dc, marc_record(item, url=url, translations=translations), specs


def _digest(*parts):
    hash = hashlib.sha256()
    for part in parts:
        hash.update(str(part).encode())
        hash.update(b"\0")
    return hash.hexdigest()


def rebuild(translation_keys):
    """Rebuild the records of these translation groups; return how many changed."""
    keys = list(dict.fromkeys(translation_keys))
    if not keys:
        return 0
    sets = collection_sets()
    urls = _Urls()
    default_locale_id = Locale.get_default().pk
    changed = 0
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        records = {r.translation_key: r for r in Record.objects.filter(translation_key__in=batch)}
        groups = {}
        for item in _item_queryset().filter(translation_key__in=batch):
            groups.setdefault(item.translation_key, []).append(item)
        public_ids = set(Item.objects.public().filter(translation_key__in=batch).values_list("pk", flat=True))
        targets = {r.target_item_id for items in groups.values() for i in items for r in i.relations.all()}
        targets.discard(None)
        public_targets = set(Item.objects.public().filter(pk__in=targets).values_list("pk", flat=True))
        now = timezone.now()
        to_save, to_delete = [], []
        for key in batch:
            items = sorted(groups.get(key, []), key=lambda i: i.pk)
            record = records.get(key)
            if record is not None and record.datestamp is not None:
                primary = next((i for i in items if i.pk == record.item_id), None)
            else:
                # Not yet disseminated: the main-language item, else the first public translation.
                candidates = [i for i in items if i.pk in public_ids] or items
                primary = next(
                    (i for i in candidates if i.locale_id == default_locale_id), candidates[0] if candidates else None
                )
            if primary is None or primary.pk not in public_ids:
                if record is None:
                    continue
                if record.datestamp is None:
                    to_delete.append(record.pk)  # never disseminated: nothing to tell harvesters
                    continue
                if not record.deleted:
                    record.deleted, record.oai_dc, record.marc21, record.digest = True, "", "", ""
                    record.datestamp = now
                    changed += 1
                record.pending = False
                to_save.append(record)
                continue
            translations = [i for i in items if i.pk != primary.pk and i.pk in public_ids]
            translations.sort(key=lambda i: i.locale.language_code)
            dc, marc, specs = render(primary, translations, sets, urls, public_targets)
            digest = _digest(dc, marc, specs)
            if record is None:
                record = Record(item_id=primary.pk, translation_key=key)
            elif record.item_id != primary.pk:
                # Not yet disseminated under the other id: the record takes the main-language item's id.
                Record.objects.filter(pk=record.pk).delete()
                record = Record(item_id=primary.pk, translation_key=key)
            if record.digest != digest or record.deleted or record.datestamp is None:
                record.datestamp = now
                record.deleted = False
                record.digest = digest
                record.oai_dc = dc
                record.marc21 = marc
                record.set_specs = specs
                changed += 1
            record.marc21 = _with_datestamp(record.marc21, record.datestamp)
            record.pending = False
            to_save.append(record)
        with transaction.atomic():
            if to_delete:
                Record.objects.filter(pk__in=to_delete).delete()
            Record.objects.bulk_create(
                to_save,
                update_conflicts=True,
                unique_fields=["item_id"],
                update_fields=["datestamp", "deleted", "set_specs", "oai_dc", "marc21", "digest", "pending"],
            )
    return changed


def _with_datestamp(marc, datestamp):
    """The MARCXML record with its 005 field (date and time of latest transaction) set."""
    from oai.marc import set_latest_transaction

    return set_latest_transaction(marc, datestamp)


def rebuild_pending(limit=REBUILD_LIMIT):
    """Rebuild up to `limit` pending records; those another process is rebuilding are skipped."""
    if not Record.objects.filter(pending=True).exists():
        return 0
    with transaction.atomic():
        keys = list(
            Record.objects.filter(pending=True)
            .select_for_update(skip_locked=True)
            .order_by("item_id")
            .values_list("translation_key", flat=True)[:limit]
        )
        if keys:
            rebuild(keys)
    return len(keys)


def rebuild_all(progress=None):
    """Every translation group with a public item or a record; returns (groups, changed)."""
    lift_embargoes()
    keys = set(Item.objects.public().values_list("translation_key", flat=True))
    keys |= set(Record.objects.values_list("translation_key", flat=True))
    keys = sorted(keys)
    changed = 0
    for start in range(0, len(keys), BATCH * 4):
        changed += rebuild(keys[start : start + BATCH * 4])
        if progress:
            progress(min(start + BATCH * 4, len(keys)), len(keys))
    return len(keys), changed


# --- marking records pending -----------------------------------------------------------------

# How far back an ended embargo is looked for (the check runs on the first OAI request of each day).
EMBARGO_LOOKBACK = timedelta(days=30)


def lift_embargoes(today=None):
    """Items made public by the end of their embargo, which no save announced: marked pending."""
    today = today or timezone.localdate()
    disseminated = Record.objects.filter(deleted=False, datestamp__isnull=False).values("translation_key")
    keys = list(
        Item.objects.public()
        .filter(embargo_until__gt=today - EMBARGO_LOOKBACK)
        .exclude(translation_key__in=disseminated)
        .values_list("translation_key", flat=True)
    )
    if keys:
        mark_pending(translation_keys=keys)
    return len(keys)


def lift_embargoes_daily():
    """lift_embargoes() once a day (per cache), so a request costs no query for it otherwise."""
    today = timezone.localdate()
    if cache.add(f"oai:embargoes:{today.isoformat()}", True, timeout=26 * 3600):
        lift_embargoes(today)


def mark_pending(item_ids=None, translation_keys=None):
    """Mark the records of these items (or translation groups) pending and rebuild them on commit.

    Public items without a record get one; groups that are neither public nor disseminated are skipped.
    """
    if item_ids is not None:
        translation_keys = Item.objects.filter(pk__in=item_ids).values("translation_key")
    existing = Record.objects.filter(translation_key__in=translation_keys)
    existing.update(pending=True)
    new = (
        Item.objects.public()
        .filter(translation_key__in=translation_keys)
        .exclude(translation_key__in=Record.objects.values("translation_key"))
        .order_by("translation_key", "pk")
        .values_list("pk", "translation_key")
    )
    seen, rows = set(), []
    for pk, key in new:
        if key not in seen:
            seen.add(key)
            rows.append(Record(item_id=pk, translation_key=key, pending=True))
    Record.objects.bulk_create(rows, ignore_conflicts=True)
    _schedule()


def _schedule():
    """Rebuild when the current transaction commits. Every change asks; after the first rebuild
    the others find nothing pending (one query each)."""
    transaction.on_commit(_rebuild_on_commit)


def _rebuild_on_commit():
    try:
        rebuild_pending()
    except Exception:  # the records stay pending; the next request or oai_sync rebuilds them
        logger.exception("Rebuilding OAI-PMH records failed")
