"""The one place imports write catalogue records: MARC and CSV both end here.

An importer turns each source record into a :class:`Record` (Dublin Core, as plain values) and
hands it to :class:`Writer`, which finds the item it describes (by its key identifier, e.g. a MARC
control number, or by item id), creates it or updates it through a Wagtail revision, and links it
to agents, subjects, places and languages found by name whatever the case, creating those that do
not exist yet. A record that changes nothing leaves the item alone, so a re-run of an import is
cheap and creates no duplicates.

Memory stays bounded: the vocabulary caches are LRU caches of fixed size, and callers stream their
records in batches (:func:`run_batches`), one transaction per batch, so an interrupted run keeps
every batch it finished.
"""

import functools
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Upper
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from modelsearch import signal_handlers
from wagtail import signal_handlers as wagtail_signal_handlers
from wagtail.log_actions import log
from wagtail.models import Locale, ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail.signals import published

from catalogue.identifiers import IdentifierScheme, clean_identifier
from catalogue.lookups import in_array
from catalogue.models import (
    AccessLevel,
    Agent,
    AlternativeTitle,
    CollectionPage,
    DCMIType,
    Item,
    ItemAgent,
    ItemIdentifier,
    ItemPlace,
    ItemSubject,
    Language,
    Place,
    RightsStatement,
    Subject,
)
from catalogue.seeds import language_rows

CACHE_SIZE = 20_000
SCHEMES = frozenset(IdentifierScheme.values)  # Django computes .values anew at each use
BATCH_SIZE = 500

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class RecordError(Exception):
    """A source record that cannot become an item; the message says why."""


@dataclass
class AgentRef:
    name: str
    kind: str = Agent.Kind.PERSON
    role: str = ItemAgent.Role.AUTHOR
    dates: str = ""


@dataclass
class Record:
    """One catalogue record as plain Dublin Core values, whatever format it came from."""

    title: str
    key: tuple | None = None  # (scheme, value) that identifies the record across runs
    item_id: int | None = None  # an existing item to update (CSV exports carry it)
    title_language: str = ""
    alternative_titles: list = field(default_factory=list)  # [(title, language)]
    creators: list = field(default_factory=list)  # [AgentRef]
    contributors: list = field(default_factory=list)  # [AgentRef]
    subjects: list = field(default_factory=list)  # [label]
    places: list = field(default_factory=list)  # [name]
    languages: list = field(default_factory=list)  # ISO 639-3 or 639-2/B codes
    identifiers: list = field(default_factory=list)  # [(scheme, value)]
    date: str = ""
    publisher: str = ""
    place_of_publication: str = ""
    description: str = ""  # plain text; paragraphs separated by blank lines
    dcmi_type: str = DCMIType.TEXT
    format: str = ""
    extent: str = ""
    source: str = ""
    temporal_coverage: str = ""
    rights_uri: str = ""
    rights_holder: str = ""
    rights_note: str = ""
    access_level: str = AccessLevel.OPEN
    collections: list = field(default_factory=list)  # CollectionPage ids or slugs
    warnings: list = field(default_factory=list)  # values dropped, reported but not fatal
    # The fields the source gives (a CSV may carry only some columns); None: all of them.
    only: set | None = None

    def all_identifiers(self):
        ids = list(self.identifiers)
        if self.key and self.key not in ids:
            ids.insert(0, self.key)
        return ids


def unique_names(names):
    """`names` without empty ones and without repeats that differ only in case (the first is kept)."""
    kept = {}
    for name in names:
        if name:
            kept.setdefault(name[:255].casefold(), name)
    return list(kept.values())


def paragraphs_to_html(text):
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


class LRU(OrderedDict):
    def __init__(self, size=CACHE_SIZE):
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


@contextmanager
def search_signals_paused():
    """Items and vocabularies are indexed (search, references) once per batch, not once per save."""
    models = [Item, Agent, Subject, Place]
    references = wagtail_signal_handlers.update_reference_index_on_save
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    # Saving an item saves its child rows (agent links, identifiers …), each of which would
    # re-index the item's references: the writer does it once per item in flush_index().
    reference_senders = [model for model in apps.get_models() if post_save.disconnect(references, sender=model)]
    try:
        yield
    finally:
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
        for model in reference_senders:
            post_save.connect(references, sender=model)


class Writer:
    """Creates and updates items from :class:`Record` objects (see the module docstring).

    `collection`: a CollectionPage every written item is put in. `draft`: new items are saved as
    drafts for review instead of published. `dry_run`: nothing is written; `write()` only says what
    would happen. `index`: whether items are added to the search index after each batch.
    """

    def __init__(self, *, collection=None, draft=False, dry_run=False, index=True, user=None, bulk=True):
        self.bulk = bulk
        self.collection = collection
        self.draft = draft
        self.dry_run = dry_run
        self.index = index
        self.user = user
        self.agents = LRU()
        self.subjects = LRU()
        self.places = LRU()
        self.languages = {}
        self.collections = {}
        self.rights = {}
        self.pending_index = []
        self.pending_created = []  # items made by flush_new, indexed from memory (see _index_created)
        self.pending_new = []  # (record, values) of new published items, created in bulk per batch
        self.pending_keys = set()
        # {(scheme, value): item id} of the identifiers the current batch's records may match,
        # read in one query per batch (see prefetch_keys); None outside a batch: one query each.
        self.known_keys = None

    def forget(self):
        self.agents.clear()
        self.subjects.clear()
        self.places.clear()
        self.languages.clear()

    # --- vocabularies -----------------------------------------------------------------

    def agent(self, ref):
        key = (ref.kind, ref.name.casefold())
        agent_id = self.agents.get(key)
        if agent_id is None:
            agent, created = Agent.find_or_create(ref.name, defaults={"dates": ref.dates[:100]}, kind=ref.kind)
            if created:
                self.pending_index.append(agent)
            agent_id = agent.pk
            self.agents.put(key, agent_id)
        return agent_id

    def subject(self, label):
        key = label.casefold()
        subject_id = self.subjects.get(key)
        if subject_id is None:
            subject, created = Subject.find_or_create(label)
            if created:
                self.pending_index.append(subject)
            subject_id = subject.pk
            self.subjects.put(key, subject_id)
        return subject_id

    def place(self, name):
        key = name.casefold()
        place_id = self.places.get(key)
        if place_id is None:
            place, created = Place.find_or_create(name)
            if created:
                self.pending_index.append(place)
            place_id = place.pk
            self.places.put(key, place_id)
        return place_id

    def language(self, code):
        code = code.strip().lower()
        if code not in self.languages:
            language = (
                Language.objects.filter(code=code).first()
                or Language.objects.filter(iso639_2b=code).first()
                or Language.objects.filter(iso639_1=code).first()
            )
            if language is None and not self.dry_run:
                row = next(
                    (r for r in language_rows(include_all=True) if code in (r["code"], r.get("iso639_2b"))), None
                )
                language = Language.objects.create(**row) if row else None
            self.languages[code] = language
        return self.languages[code]

    def collection_page(self, ref):
        if ref not in self.collections:
            pages = CollectionPage.objects.all()
            page = pages.filter(pk=int(ref)).first() if str(ref).isdigit() else pages.filter(slug=ref).first()
            if page is None:
                raise RecordError(f"no collection “{ref}”")
            self.collections[ref] = page
        return self.collections[ref]

    def rights_statement(self, uri):
        if uri not in self.rights:
            statement = RightsStatement.objects.filter(uri=uri).first()
            if statement is None:
                raise RecordError(f"unknown rights statement “{uri}”")
            self.rights[uri] = statement.pk
        return self.rights[uri]

    # --- items ------------------------------------------------------------------------

    def candidate_keys(self, record):
        """The cleaned (scheme, value) pairs that find the item of `record`, best first: its key
        identifier alone when it has one, else every identifier but the source's control number.
        Kept on the record: the batch's lookup and the record's own both ask."""
        known = record.__dict__.get("_candidate_keys")
        if known is not None:
            return known
        candidates = [record.key] if record.key else []
        candidates += [i for i in record.identifiers if i[0] != IdentifierScheme.CONTROL_NUMBER]
        keys = []
        for scheme, value in candidates[:1] if record.key else candidates:
            try:
                keys.append((scheme, clean_identifier(scheme, value)))
            except Exception:  # noqa: S112 - a malformed identifier matches nothing; values() reports it
                continue
        record._candidate_keys = keys
        return keys

    def prefetch_keys(self, records):
        """Read in one query which items a batch's records already describe; `find_existing`
        then looks them up in memory (one query per record was a fifth of an import's time)."""
        self.known_keys = {}
        wanted = {}
        for record in records:
            if not record.item_id:
                for scheme, value in self.candidate_keys(record):
                    wanted.setdefault(scheme, set()).add(value)
        if not wanted:
            return
        condition = Q()
        for scheme, values in wanted.items():
            condition |= Q(scheme=scheme, **in_array("value", values))
        rows = ItemIdentifier.objects.filter(condition).order_by("-item_id")
        for scheme, value, item_id in rows.values_list("scheme", "value", "item_id"):
            self.known_keys[(scheme, value)] = item_id  # the lowest id wins, as in the query below

    def remember_keys(self, item_id, identifiers):
        """Keep `known_keys` true after an item of this batch was created or given identifiers."""
        if self.known_keys is not None:
            for key in identifiers:
                if self.known_keys.get(key, item_id) >= item_id:
                    self.known_keys[key] = item_id

    def find_existing(self, record):
        """The item `record` describes, or None: by item id, else by its key identifier."""
        if record.item_id:
            item = Item.objects.filter(pk=record.item_id).first()
            if item is None:
                raise RecordError(f"no item with id {record.item_id}")
            return item
        for scheme, value in self.candidate_keys(record):
            if self.known_keys is not None:
                link = self.known_keys.get((scheme, value))
            else:
                link = (
                    ItemIdentifier.objects.filter(scheme=scheme, value=value)
                    .order_by("item_id")
                    .values_list("item_id", flat=True)
                    .first()
                )
            if link:
                return Item.objects.get(pk=link)
        return None

    def clean_identifiers(self, record):
        cleaned = []
        for scheme, value in record.all_identifiers():
            if scheme not in SCHEMES:
                record.warnings.append(f"unknown identifier scheme “{scheme}” (value “{value}” dropped)")
                continue
            try:
                value = clean_identifier(scheme, value)
            except Exception as exc:  # ValidationError: a bad ISBN in the source is reported, not fatal
                record.warnings.append(f"{scheme} “{value}” dropped: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
                continue
            if (scheme, value) not in cleaned:
                cleaned.append((scheme, value))
        return cleaned

    def values(self, record):
        """What the item should hold, in the form :meth:`snapshot` reads from an item."""
        collections = [self.collection_page(ref) for ref in record.collections]
        if self.collection is not None:
            collections.append(self.collection)
        languages = [pk for pk in (self.language(c) for c in record.languages if c) if pk]
        for code in record.languages:
            if code and not self.languages.get(code.strip().lower()) and not self.dry_run:
                record.warnings.append(f"unknown language code “{code}”")
        values = {
            "title": record.title[:1000],
            "title_language": record.title_language,
            "description": paragraphs_to_html(record.description) if record.description else "",
            "publisher": record.publisher[:500],
            "place_of_publication": record.place_of_publication[:255],
            "date": record.date[:100],
            "dcmi_type": record.dcmi_type,
            "format": record.format[:255],
            "extent": record.extent[:255],
            "source": record.source[:500],
            "temporal_coverage": record.temporal_coverage[:255],
            "rights_id": self.rights_statement(record.rights_uri) if record.rights_uri else None,
            "rights_holder": record.rights_holder[:255],
            "rights_note": record.rights_note,
            "access_level": record.access_level,
            "alternative_titles": [(t[:1000], lang) for t, lang in record.alternative_titles],
            "identifiers": self.clean_identifiers(record),
            "agents": [(ref, ItemAgent.DCElement.CREATOR) for ref in record.creators]
            + [(ref, ItemAgent.DCElement.CONTRIBUTOR) for ref in record.contributors],
            # One link per vocabulary record: headings that differ only in case are one subject.
            "subjects": unique_names(record.subjects),
            "places": unique_names(record.places),
            "languages": list({lang.pk: lang for lang in languages}.values()),
            "collections": collections,
        }
        if record.only is not None:
            values = {k: v for k, v in values.items() if k in record.only or k == "title"}
            if collections:
                values["collections"] = collections
        return values

    SCALARS = (
        "title",
        "title_language",
        "description",
        "publisher",
        "place_of_publication",
        "date",
        "dcmi_type",
        "format",
        "extent",
        "source",
        "temporal_coverage",
        "rights_id",
        "rights_holder",
        "rights_note",
        "access_level",
    )

    def changes(self, item, values):
        """The names of the fields `values` would change on `item` (empty: nothing to do)."""
        changed = [
            name for name in self.SCALARS if name in values and (getattr(item, name) or None) != (values[name] or None)
        ]
        if (
            "alternative_titles" in values
            and [(a.title, a.language) for a in item.alternative_titles.all()] != values["alternative_titles"]
        ):
            changed.append("alternative_titles")
        current_ids = [(i.scheme, i.value) for i in item.identifiers.all()]
        if any(i not in current_ids for i in values.get("identifiers", [])):
            changed.append("identifiers")
        if "agents" not in values:
            return changed + self._link_changes(item, values)
        current_agents = [
            (link.agent.name.casefold(), link.agent.kind, link.role, link.dc_element)
            for link in item.agent_links.select_related("agent")
        ]
        wanted_agents = [(ref.name[:255].casefold(), ref.kind, ref.role, el) for ref, el in values["agents"]]
        if current_agents != wanted_agents:
            changed.append("agents")
        return changed + self._link_changes(item, values)

    def _link_changes(self, item, values):
        changed = []
        if "subjects" in values and [
            link.subject.label.casefold() for link in item.subject_links.select_related("subject")
        ] != [s[:255].casefold() for s in values["subjects"]]:
            changed.append("subjects")
        if "places" in values and [link.place.name.casefold() for link in item.place_links.select_related("place")] != [
            p[:255].casefold() for p in values["places"]
        ]:
            changed.append("places")
        if "languages" in values and {lang.pk for lang in item.languages.all()} != {
            lang.pk for lang in values["languages"]
        }:
            changed.append("languages")
        current_collections = {c.pk for c in item.collections.all()}
        if any(c.pk not in current_collections for c in values.get("collections", [])):
            changed.append("collections")
        return changed

    def apply(self, item, values):
        for name in self.SCALARS:
            if name in values:
                setattr(item, name, values[name] if values[name] is not None else None)
        if "alternative_titles" in values:
            item.alternative_titles = [
                AlternativeTitle(title=t, language=lang, sort_order=i)
                for i, (t, lang) in enumerate(values["alternative_titles"])
            ]
        if "identifiers" in values:
            # Identifiers the item already has (added by hand) are kept; the record's are added.
            kept = [(i.scheme, i.value) for i in item.identifiers.all()] if item.pk else []
            ids = kept + [i for i in values["identifiers"] if i not in kept]
            item.identifiers = [ItemIdentifier(scheme=s, value=v, sort_order=n) for n, (s, v) in enumerate(ids)]
        if "agents" in values:
            item.agent_links = [
                ItemAgent(agent_id=self.agent(ref), role=ref.role, dc_element=element, sort_order=i)
                for i, (ref, element) in enumerate(values["agents"])
            ]
        if "subjects" in values:
            subject_ids = list(dict.fromkeys(self.subject(s) for s in values["subjects"]))
            item.subject_links = [ItemSubject(subject_id=pk, sort_order=i) for i, pk in enumerate(subject_ids)]
        if "places" in values:
            place_ids = list(dict.fromkeys(self.place(p) for p in values["places"]))
            item.place_links = [ItemPlace(place_id=pk, sort_order=i) for i, pk in enumerate(place_ids)]
        if "languages" in values:
            item.languages = values["languages"]
        wanted = values.get("collections", [])
        current = list(item.collections.all()) if item.pk else []
        item.collections = current + [c for c in wanted if c.pk not in {x.pk for x in current}]
        if not item.primary_collection_id and wanted:
            item.primary_collection = wanted[0]

    def write(self, record):
        """Create or update the item of `record`; return CREATED, UPDATED or UNCHANGED."""
        if not record.title.strip():
            raise RecordError("no title")
        if record.key in self.pending_keys or (record.item_id and self.pending_new):
            self.flush_new()  # the same record twice in one batch: the second one updates the first
        item = self.find_existing(record)
        values = self.values(record)
        if item is not None:
            if not self.changes(item, values):
                return UNCHANGED
            if self.dry_run:
                return UPDATED
            # An item with unpublished edits keeps them: the import goes into a new draft revision
            # on top of them, and the live record is untouched until someone publishes it.
            pending = item.has_unpublished_changes and item.latest_revision_id
            target = item.get_latest_revision_as_object() if pending else item
            self.apply(target, values)
            revision = target.save_revision(user=self.user, clean=False, log_action=True)
            if item.live and not pending:
                revision.publish(user=self.user)
            if not pending:
                self.remember_keys(item.pk, values.get("identifiers", []))
            self.pending_index.append(target)
            return UPDATED
        if self.dry_run:
            return CREATED
        if not self.draft and self.bulk:
            self.pending_new.append((record, values))
            if record.key:
                self.pending_keys.add(record.key)
            return CREATED
        item = Item(live=not self.draft)
        self.apply(item, values)
        if self.draft:
            item.save()
            item.save_revision(user=self.user, clean=False, log_action="wagtail.create")
        else:
            self.create_published(item)
        self.remember_keys(item.pk, values.get("identifiers", []))
        self.pending_index.append(item)
        return CREATED

    def create_published(self, item):
        """Save a new item as published: the state and history `revision.publish()` leaves, with
        one save of the item instead of three (publishing reloads the revision and saves it again,
        children included, which made imports several times slower)."""
        now = timezone.now()
        item.live = True
        item.first_published_at = item.last_published_at = now
        item.save()
        revision = item.save_revision(user=self.user, clean=False, log_action="wagtail.create")
        item.live_revision = revision
        item.has_unpublished_changes = False
        Item.objects.filter(pk=item.pk).update(live_revision=revision, has_unpublished_changes=False)
        log(instance=item, action="wagtail.publish", user=self.user, revision=revision, content_changed=True)
        published.send(sender=Item, instance=item, revision=revision)

    def prefetch_vocabularies(self, all_values):
        """Find (or create) in a few queries the agents, subjects and places a batch links to."""
        agents = {(ref.kind, ref.name[:255]) for values in all_values for ref, _element in values.get("agents", [])}
        subjects = {s[:255] for values in all_values for s in values.get("subjects", [])}
        places = {p[:255] for values in all_values for p in values.get("places", [])}
        agents = {(kind, name) for kind, name in agents if self.agents.get((kind, name.casefold())) is None}
        subjects = {s for s in subjects if self.subjects.get(s.casefold()) is None}
        places = {p for p in places if self.places.get(p.casefold()) is None}
        for model, column, names, cache in (
            (Subject, "label", subjects, self.subjects),
            (Place, "name", places, self.places),
        ):
            wanted = {n.casefold(): n for n in names}
            if not wanted:
                continue
            found = model.objects.annotate(key=Upper(column)).filter(**in_array("key", {n.upper() for n in names}))
            for pk, name in found.order_by("-pk").values_list("pk", column):
                cache.put(name.casefold(), pk)
            missing = [n for key, n in wanted.items() if cache.get(key) is None]
            made = model.objects.bulk_create(
                [
                    model(**{column: n, "slug": slugify(n, allow_unicode=True)[:255] or model._meta.model_name})
                    for n in missing
                ]
            )
            for obj in made:
                cache.put(getattr(obj, column).casefold(), obj.pk)
            self.pending_index += made
        if agents:
            found = Agent.objects.annotate(key=Upper("name")).filter(**in_array("key", {n.upper() for _k, n in agents}))
            for pk, kind, name in found.order_by("-pk").values_list("pk", "kind", "name"):
                self.agents.put((kind, name.casefold()), pk)
            dates = {
                (ref.kind, ref.name[:255]): ref.dates
                for values in all_values
                for ref, _element in values.get("agents", [])
            }
            missing = {}
            for kind, name in agents:
                if self.agents.get((kind, name.casefold())) is None:
                    missing.setdefault((kind, name.casefold()), (kind, name))
            made = Agent.objects.bulk_create(
                [
                    Agent(
                        name=name,
                        kind=kind,
                        dates=dates.get((kind, name), "")[:100],
                        slug=slugify(name, allow_unicode=True)[:255] or "agent",
                    )
                    for kind, name in missing.values()
                ]
            )
            for agent in made:
                self.agents.put((agent.kind, agent.name.casefold()), agent.pk)
            self.pending_index += made

    def flush_new(self):
        """Create the queued new items of this batch with a few queries per table, published.

        The state and history match `create_published()` (and so `revision.publish()`): live,
        a revision that is both latest and live, "create" and "publish" log entries.
        """
        pending, self.pending_new, self.pending_keys = self.pending_new, [], set()
        if not pending:
            return
        self.prefetch_vocabularies([values for _record, values in pending])
        now = timezone.now()
        locale = Locale.get_default()
        items = []
        for _record, values in pending:
            item = Item(live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now)
            item.locale = locale
            item.relations = []  # held in memory, so the revision does not read them back
            item.files = []
            self.apply(item, values)
            item.set_derived_fields()
            items.append(item)
        Item.objects.bulk_create(items)
        children = {model: [] for model in (AlternativeTitle, ItemIdentifier, ItemAgent, ItemSubject, ItemPlace)}
        languages, collections = [], []
        for item in items:
            for relation, model in (
                ("alternative_titles", AlternativeTitle),
                ("identifiers", ItemIdentifier),
                ("agent_links", ItemAgent),
                ("subject_links", ItemSubject),
                ("place_links", ItemPlace),
            ):
                for child in getattr(item, relation).all():
                    child.item_id = item.pk
                    children[model].append(child)
            languages += [Item.languages.through(item_id=item.pk, language_id=lang.pk) for lang in item.languages.all()]
            collections += [
                Item.collections.through(item_id=item.pk, collectionpage_id=c.pk) for c in item.collections.all()
            ]
        for model, rows in children.items():
            model.objects.bulk_create(rows)
        Item.languages.through.objects.bulk_create(languages)
        Item.collections.through.objects.bulk_create(collections)
        content_type = ContentType.objects.get_for_model(Item)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=str(item.pk),
                    created_at=now,
                    user=self.user,
                    content=item.serializable_data(),
                    object_str=str(item)[:255],
                )
                for item in items
            ]
        )
        for item, revision in zip(items, revisions, strict=True):
            item.latest_revision = item.live_revision = revision
        # One UPDATE that finds each item's revision, instead of bulk_update's CASE of every pk.
        revision_of_item = Subquery(
            Revision.objects.filter(
                **in_array("pk", [r.pk for r in revisions]),
                content_type=content_type,
                object_id=Cast(OuterRef("pk"), CharField()),
            ).values("pk")[:1]
        )
        Item.objects.filter(**in_array("pk", [item.pk for item in items])).update(
            latest_revision=revision_of_item, live_revision=revision_of_item
        )
        for (_record, values), item in zip(pending, items, strict=True):
            self.remember_keys(item.pk, values.get("identifiers", []))
        ModelLogEntry.objects.bulk_create(
            [
                ModelLogEntry(
                    content_type=content_type,
                    object_id=str(item.pk),
                    label=str(item)[:1000],
                    action=action,
                    timestamp=now,
                    user=self.user,
                    revision=revision,
                    content_changed=True,
                )
                for item, revision in zip(items, revisions, strict=True)
                for action in ("wagtail.create", "wagtail.publish")
            ]
        )
        for item, revision in zip(items, revisions, strict=True):
            published.send(sender=Item, instance=item, revision=revision)
        self.pending_created += items

    def flush_index(self):
        """Add this batch's items and new vocabulary records to the search index, in bulk."""
        pending, self.pending_index = self.pending_index, []
        created, self.pending_created = self.pending_created, []
        if not self.index or not (pending or created):
            return
        backend = get_search_backend()
        by_model = {}
        for obj in pending:
            by_model.setdefault(type(obj), set()).add(obj.pk)
        # An item created and then updated in the same batch (its record came twice) is read back
        # with the rest: the objects in memory hold its first version.
        updated = by_model.get(Item, set())
        self._index_created(backend, [item for item in created if item.pk not in updated])
        self._index(backend, by_model)

    def _index(self, backend, by_model):
        for model, ids in by_model.items():
            objects = list(model.get_indexed_objects().filter(pk__in=ids))
            keys_computed_once(objects)
            if objects:
                backend.add_bulk(model, objects)
            if model is Item:
                index_references(objects)

    def _index_created(self, backend, items):
        """Index the items flush_new made from the objects in memory: their titles, identifiers,
        languages and links are those just written, so only the vocabulary records they link to
        are read (one query per vocabulary), not every related row of every item
        (get_indexed_objects' prefetches: a fifth of an indexed import). The entries are the
        same as those of a re-index from the database (tests/interchange/test_marc.py)."""
        if not items:
            return
        links = (
            ("agent_links", "agent", Agent),
            ("subject_links", "subject", Subject),
            ("place_links", "place", Place),
        )
        for relation, name, model in links:
            rows = [link for item in items for link in getattr(item, relation).all()]
            found = model.objects.in_bulk({getattr(link, f"{name}_id") for link in rows})
            for link in rows:
                setattr(link, name, found[getattr(link, f"{name}_id")])
        keys_computed_once(items)
        backend.add_bulk(Item, items)
        index_references(items)


def keys_computed_once(objects):
    """The backend reads each search field once per column it fills (title, autocomplete, body):
    replace the costly keys of these instances, which are only indexed from here on, by their
    value."""
    for obj in objects:
        for name in ("search_key", "title_key"):
            method = getattr(obj, name, None)
            if callable(method):
                setattr(obj, name, functools.partial(str, method()))


def index_references(items):
    """What `ReferenceIndex.create_or_update_for_object` does, for a batch of items: one read of
    the rows they have and one insert, instead of a read (and an insert) per item. Item is not a
    multi-table model, so its content type is also its base content type."""
    if not items:
        return
    content_type = ContentType.objects.get_for_model(Item)
    found = {str(item.pk): set(ReferenceIndex._extract_references_from_object(item)) for item in items}
    existing = {}
    rows = ReferenceIndex.objects.filter(base_content_type=content_type, object_id__in=list(found))
    fields = ("id", "object_id", "to_content_type_id", "to_object_id", "model_path", "content_path")
    for pk, object_id, *reference in rows.values_list(*fields):
        existing.setdefault(object_id, {})[tuple(reference)] = pk
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=content_type,
                object_id=object_id,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for object_id, references in found.items()
            for to_content_type_id, to_object_id, model_path, content_path in references
            - set(existing.get(object_id, ()))
        ],
        ignore_conflicts=True,
    )
    gone = [pk for object_id, rows in existing.items() for ref, pk in rows.items() if ref not in found[object_id]]
    if gone:
        ReferenceIndex.objects.filter(pk__in=gone).delete()


@dataclass
class Report:
    """Counts and throughput of one run, and the records that failed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    MAX_KEPT = 1000

    def count(self, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)

    def fail(self, where, reason):
        self.failed += 1
        if len(self.errors) < self.MAX_KEPT:
            self.errors.append(f"{where}: {reason}")
        return f"{where}: {reason}"

    def warn(self, where, reason):
        if len(self.warnings) < self.MAX_KEPT:
            self.warnings.append(f"{where}: {reason}")

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + self.failed

    @property
    def seconds(self):
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def rate(self):
        return self.total / self.seconds

    def summary(self):
        return (
            f"{self.total} records in {self.seconds:.1f} s ({self.rate:.0f} records/s): "
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        )


def run_batches(entries, writer, report, *, batch_size=BATCH_SIZE, on_error=None, on_batch=None):
    """Write a stream of (where, Record or exception) entries, one transaction per batch.

    A failed record rolls back only itself (a savepoint) and is reported with `where`, the rest of
    the batch is kept. `on_error(message)` is called for each failure, `on_batch(report)` after each
    committed batch.
    """
    with search_signals_paused():
        batch = []
        for entry in entries:
            batch.append(entry)
            if len(batch) >= batch_size:
                _write_batch(batch, writer, report, on_error)
                batch = []
                if on_batch:
                    on_batch(report)
        if batch:
            _write_batch(batch, writer, report, on_error)
            if on_batch:
                on_batch(report)
    return report


def _write_batch(batch, writer, report, on_error):
    writer.prefetch_keys([record for _where, record in batch if not isinstance(record, Exception)])
    try:
        _write_batch_records(batch, writer, report, on_error)
    finally:
        writer.known_keys = None


def _write_batch_records(batch, writer, report, on_error):
    with transaction.atomic():
        for where, record in batch:
            if isinstance(record, Exception):
                message = report.fail(where, record)
                if on_error:
                    on_error(message)
                continue
            record.where = where
            try:
                with transaction.atomic():
                    outcome = writer.write(record)
            except Exception as exc:  # any bad record is reported and skipped; the batch goes on
                writer.forget()  # vocabulary rows made for it were rolled back with it
                message = report.fail(where, exc)
                if on_error:
                    on_error(message)
                continue
            report.count(outcome)
            for warning in record.warnings:
                report.warn(where, warning)
        if writer.pending_new:
            queued = list(writer.pending_new)
            try:
                with transaction.atomic():
                    writer.flush_new()
            except Exception as exc:  # a row the database refused: create them one by one to find it
                report.warn("batch", f"created one by one ({type(exc).__name__}: {exc})")
                writer.pending_new, writer.pending_keys = [], set()
                writer.forget()
                _create_one_by_one(queued, writer, report, on_error)
        if not writer.dry_run:
            writer.flush_index()


def _create_one_by_one(queued, writer, report, on_error):
    for record, values in queued:
        where = getattr(record, "where", "record")
        try:
            with transaction.atomic():
                item = Item(live=True)
                writer.apply(item, values)
                writer.create_published(item)
                writer.pending_index.append(item)
        except Exception as exc:
            writer.forget()
            report.created -= 1  # counted when it was queued
            message = report.fail(where, exc)
            if on_error:
                on_error(message)
