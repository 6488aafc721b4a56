"""Harvesting one OAI-PMH source into the catalogue, with Sickle as the OAI-PMH client.

A run asks for the records changed since the source's last successful run (all records for a
full harvest), page by page. After each page it saves the resumption token, so a run that is
interrupted (network failure, the repository's error, the process stopped) is continued by the
next run from the page where it stopped; records are matched by their OAI identifier, so a page
read twice updates its items instead of duplicating them. A record that cannot be read is
reported and skipped; the others are kept. A deleted record unpublishes its item.
"""

import contextlib
import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from django.utils.translation import gettext as _
from lxml import etree
from sickle import Sickle
from sickle.iterator import OAIResponseIterator
from sickle.models import Record
from sickle.oaiexceptions import BadResumptionToken, NoRecordsMatch

from catalogue.dates import parse_date as parse_catalogue_date
from catalogue.identifiers import IdentifierScheme
from catalogue.models import (
    Agent,
    AlternativeTitle,
    DCMIType,
    Item,
    ItemAgent,
    ItemIdentifier,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    Language,
    Place,
    RightsStatement,
    Subject,
)
from catalogue.models.items import language_tag_validator
from harvest.models import HarvestedRecord, HarvestRun, HarvestSource

OAI = "http://www.openarchives.org/OAI/2.0/"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# First key of the PostgreSQL advisory lock held while a source is harvested (second key: its id).
LOCK_CLASS = 0x4F4149  # "OAI"
# A report names each bad record; a repository of nothing but bad records does not fill the database.
MAX_REPORT_LINES = 2000
DCMI_TYPES = {value.lower(): value for value in DCMIType.values}


class HarvestLocked(Exception):
    """Another harvest of the same source is running."""


class RecordError(Exception):
    """A record that cannot become an item; the message says why."""


@contextlib.contextmanager
def source_lock(source):
    """Hold a lock on `source` for the length of a run, so that two runs of it never overlap.

    A PostgreSQL session-level advisory lock: it is released when the run ends or when the
    process dies, so a crashed run never leaves the source locked. Other databases run unlocked.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, source.pk])
        acquired = cursor.fetchone()[0]
    if not acquired:
        raise HarvestLocked(_("“%(source)s” is being harvested by another process.") % {"source": source})
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, source.pk])


def harvest(source, full=False, **client_args):
    """Harvest `source` once; return the HarvestRun. Raises HarvestLocked if it is already running."""
    with source_lock(source):
        return Harvester(source, full=full, **client_args).run()


def parse_datestamp(value):
    """An OAI datestamp (day or seconds granularity, UTC) as an aware datetime, or None."""
    value = (value or "").strip()
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            return None
        moment = datetime.datetime(day.year, day.month, day.day)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def format_datestamp(moment, granularity):
    moment = moment.astimezone(datetime.UTC)
    if granularity == HarvestSource.Granularity.DAY:
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def dublin_core(record):
    """{element: [(text, xml:lang), ...]} of a record's oai_dc metadata."""
    metadata = record.xml.find(f"{{{OAI}}}metadata")
    payload = next((child for child in metadata if isinstance(child.tag, str)), None) if metadata is not None else None
    if payload is None:
        raise RecordError(_("the record has no metadata"))
    if etree.QName(payload).localname != "dc":
        raise RecordError(
            _("the metadata is <%(element)s>, not Dublin Core (oai_dc)") % {"element": etree.QName(payload).localname}
        )
    values = defaultdict(list)
    for element in payload:
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        name = etree.QName(element)
        text = " ".join("".join(element.itertext()).split())
        if name.namespace == DC and text:
            values[name.localname].append((text, element.get(XML_LANG, "")))
    return values


def language_tag(value):
    """`value` if it is a language tag the catalogue accepts (uz-Cyrl, ru, en), else ""."""
    try:
        language_tag_validator(value)
    except ValidationError:
        return ""
    return value


def is_period(text):
    """Whether a dc:coverage value is a time (1850, 1920s, XVI asr, Timurid era 1370-1507) rather than a place."""
    try:
        return parse_catalogue_date(text) is not None
    except ValidationError:
        return any(ch.isdigit() for ch in text)


class Harvester:
    def __init__(self, source, full=False, **client_args):
        self.source = source
        self.full = full
        self.client = Sickle(
            source.base_url,
            iterator=OAIResponseIterator,
            max_retries=client_args.pop("max_retries", 3),
            default_retry_after=client_args.pop("default_retry_after", 30),
            timeout=client_args.pop("timeout", 60),
            **client_args,
        )
        self.locale = source.target_collection.locale
        self._agents, self._subjects, self._places, self._languages = {}, {}, {}, {}

    # --- the run -------------------------------------------------------------------------------

    def run(self):
        source = self.source
        interrupted = None
        if not self.full:
            interrupted = (
                source.runs.filter(status__in=[HarvestRun.Status.FAILED, HarvestRun.Status.RUNNING])
                .order_by("-started_at")
                .first()
            )
            latest = source.runs.order_by("-started_at").first()
            if interrupted and interrupted != latest:
                interrupted = None  # a later run has finished since; its datestamp governs
        run = HarvestRun.objects.create(source=source, full=self.full, resumed_from=interrupted)
        self.run_ = run
        self.lines, self.omitted, self.summary = [], 0, ""
        token = ""
        if interrupted:
            run.full = interrupted.full
            run.from_datestamp = interrupted.from_datestamp
            run.response_datestamp = interrupted.response_datestamp
            token = run.resumption_token = interrupted.resumption_token
            interrupted.status = HarvestRun.Status.RESUMED
            interrupted.save(update_fields=["status"])
            self.note(
                _("Continues the interrupted run of %(date)s.") % {"date": f"{interrupted.started_at:%Y-%m-%d %H:%M}"}
            )
        elif not self.full:
            run.from_datestamp = source.last_success_datestamp
        try:
            self._harvest(token)
        except Exception as exc:  # noqa: BLE001 — any failure of the transport or the repository ends the run
            run.status = HarvestRun.Status.FAILED
            self.note(
                _("Stopped: %(error)s. The next run continues from here.") % {"error": f"{type(exc).__name__}: {exc}"}
            )
        else:
            run.status = HarvestRun.Status.SUCCEEDED
            run.resumption_token = ""
            source.last_success_datestamp = run.response_datestamp or source.last_success_datestamp
            source.save(update_fields=["last_success_datestamp"])
        run.finished_at = timezone.now()
        self.summary = _("%(created)d created, %(updated)d updated, %(deleted)d deleted, %(failed)d failed.") % {
            "created": run.created,
            "updated": run.updated,
            "deleted": run.deleted,
            "failed": run.failed,
        }
        self._save_run()
        return run

    def _harvest(self, token):
        run = self.run_
        if not self.source.granularity:
            identify = self.client.Identify()
            granularity = getattr(identify, "granularity", "")
            self.source.granularity = (
                granularity if granularity in HarvestSource.Granularity.values else HarvestSource.Granularity.DAY
            )
            self.source.save(update_fields=["granularity"])
        pages = None
        if token:
            try:
                pages = self.client.ListRecords(resumptionToken=token)
            except BadResumptionToken:
                self.note(_("The repository no longer accepts the saved resumption token; starting the run again."))
            except NoRecordsMatch:
                return
        if pages is None:
            params = {"metadataPrefix": self.source.metadata_prefix}
            if self.source.set_spec:
                params["set"] = self.source.set_spec
            if run.from_datestamp:
                params["from"] = format_datestamp(run.from_datestamp, self.source.granularity)
            try:
                pages = self.client.ListRecords(**params)
            except NoRecordsMatch:
                self._remember_response_date(None)
                return
        for response in pages:
            self._remember_response_date(response)
            for element in response.xml.iterfind(f".//{{{OAI}}}record"):
                self.process(element)
            run.resumption_token = (pages.resumption_token.token or "") if pages.resumption_token else ""
            self._save_run()

    def _remember_response_date(self, response):
        if self.run_.response_datestamp is None:
            stamp = response.xml.findtext(f"{{{OAI}}}responseDate") if response is not None else None
            self.run_.response_datestamp = parse_datestamp(stamp) or self.run_.started_at

    def _save_run(self):
        run = self.run_
        run.report = self.report_text()
        run.save()

    def note(self, line):
        """Add a line to the run's report (at most MAX_REPORT_LINES, then a count of the rest)."""
        if len(self.lines) < MAX_REPORT_LINES:
            self.lines.append(line)
        else:
            self.omitted += 1

    def report_text(self):
        lines = self.lines
        if self.omitted:
            lines = [*lines, _("… and %(count)d more lines.") % {"count": self.omitted}]
        if self.summary:
            lines = [*lines, self.summary]
        return "\n".join(lines)

    # --- one record ----------------------------------------------------------------------------

    def process(self, element):
        run = self.run_
        identifier = (element.findtext(f"{{{OAI}}}header/{{{OAI}}}identifier") or "").strip()
        try:
            if not identifier:
                raise RecordError(_("the record has no identifier"))
            header = element.find(f"{{{OAI}}}header")
            if header.get("status") != "deleted" and element.find(f"{{{OAI}}}metadata") is None:
                raise RecordError(_("the record has no metadata"))
            record = Record(element)
            with transaction.atomic():
                if record.header.deleted:
                    outcome = self.delete(identifier, record)
                else:
                    outcome = self.upsert(identifier, record)
        except Exception as exc:  # noqa: BLE001 — a bad record is reported; the harvest goes on
            # Terms made for this record were rolled back with it.
            self._agents, self._subjects, self._places = {}, {}, {}
            run.failed += 1
            reason = str(exc) if isinstance(exc, RecordError) else f"{type(exc).__name__}: {exc}"
            self.note(
                _("%(identifier)s: not harvested, %(reason)s.") % {"identifier": identifier or "?", "reason": reason}
            )
            return
        if outcome:
            setattr(run, outcome, getattr(run, outcome) + 1)

    def delete(self, identifier, record):
        link, _created = HarvestedRecord.objects.select_for_update().get_or_create(
            source=self.source, identifier=identifier
        )
        link.deleted = True
        link.datestamp = parse_datestamp(record.header.datestamp)
        link.save()
        if link.item_id is None:
            return None
        item = Item.objects.get(pk=link.item_id)
        if not item.live:
            return None
        item.unpublish()
        return "deleted"

    def upsert(self, identifier, record):
        dc = dublin_core(record)
        if not dc.get("title"):
            raise RecordError(_("it has no dc:title"))
        link = HarvestedRecord.objects.select_for_update().filter(source=self.source, identifier=identifier).first()
        item = Item.objects.filter(pk=link.item_id).first() if link and link.item_id else None
        created = item is None
        if created:
            item = Item(locale=self.locale, live=False)
        self.fill(item, identifier, dc)
        item.save()
        item.save_revision().publish()
        HarvestedRecord.objects.update_or_create(
            source=self.source,
            identifier=identifier,
            defaults={"item": item, "deleted": False, "datestamp": parse_datestamp(record.header.datestamp)},
        )
        return "created" if created else "updated"

    def fill(self, item, identifier, dc):
        """Copy the Dublin Core values of a record onto `item`, linking the library's vocabularies."""

        def joined(element, limit):
            return "; ".join(text for text, _lang in dc.get(element, []))[:limit]

        (title, title_lang), *other_titles = dc["title"]
        item.title = title[:1000]
        item.title_language = language_tag(title_lang)
        item.alternative_titles = [
            AlternativeTitle(title=text[:1000], language=language_tag(lang)) for text, lang in other_titles
        ]
        agents = []
        for element, role in (("creator", ItemAgent.Role.CREATOR), ("contributor", ItemAgent.Role.CONTRIBUTOR)):
            for name, _lang in dc.get(element, []):
                agents.append(ItemAgent(agent=self.agent(name[:255]), role=role, dc_element=element))
        item.agent_links = agents
        subjects = {}
        for label, _lang in dc.get("subject", []):
            subject = self.subject(label[:255])
            subjects.setdefault(subject.pk, subject)
        item.subject_links = [ItemSubject(subject=subject) for subject in subjects.values()]
        item.description = "".join(f"<p>{escape(text)}</p>" for text, _lang in dc.get("description", []))
        item.publisher = joined("publisher", 500)
        item.date = dc["date"][0][0][:100] if dc.get("date") else ""
        types = [DCMI_TYPES.get(text.rsplit("/", 1)[-1].lower()) for text, _lang in dc.get("type", [])]
        item.dcmi_type = next((t for t in types if t), DCMIType.TEXT)
        # A format given in words, in a language ("320 varaq"), is the extent, as this library's
        # own records write it; a format without a language is the format (a media type, say).
        item.format = "; ".join(text for text, lang in dc.get("format", []) if not lang)[:255]
        item.extent = "; ".join(text for text, lang in dc.get("format", []) if lang)[:255]
        item.source = joined("source", 500)
        identifiers = [ItemIdentifier(scheme=IdentifierScheme.OAI, value=identifier[:255])]
        for text, _lang in dc.get("identifier", []):
            prefix, _colon, rest = text.partition(":")
            if text.startswith(("http://", "https://")):
                scheme, value = IdentifierScheme.URI, text
            elif rest and prefix in IdentifierScheme.values:
                # "isbn:978…", as this library's own records write their identifiers.
                scheme, value = prefix, rest
            else:
                scheme, value = IdentifierScheme.LEGACY, text
            identifiers.append(ItemIdentifier(scheme=scheme, value=value[:255]))
        item.identifiers = identifiers
        languages = {}
        for code, _lang in dc.get("language", []):
            language = self.language(code)
            if language is None:
                self.note(
                    _("%(identifier)s: language “%(code)s” not recognised.") % {"identifier": identifier, "code": code}
                )
            else:
                languages[language.pk] = language
        item.languages = list(languages.values())
        rights_uris, rights_notes = [], []
        for text, _lang in dc.get("rights", []):
            (rights_uris if text.startswith(("http://", "https://")) else rights_notes).append(text)
        statement = RightsStatement.objects.filter(uri__in=rights_uris).first() if rights_uris else None
        item.rights = statement
        item.rights_note = "\n".join(rights_notes + [u for u in rights_uris if not statement or u != statement.uri])
        item.relations = [
            ItemRelation(uri=text[:200], relation_type=ItemRelation.RelationType.RELATION)
            for text, _lang in dc.get("relation", [])
            if text.startswith(("http://", "https://"))
        ]
        places, periods = {}, []
        for text, _lang in dc.get("coverage", []):
            if is_period(text):
                periods.append(text)
            else:
                place = self.place(text[:255])
                places.setdefault(place.pk, place)
        item.place_links = [ItemPlace(place=place) for place in places.values()]
        item.temporal_coverage = "; ".join(periods)[:255]
        collection = self.source.target_collection
        item.collections = [collection]
        item.primary_collection = collection

    # --- vocabularies: found by their preferred form, made when missing ---------------------------

    def agent(self, name):
        if name not in self._agents:
            self._agents[name] = Agent.find_or_create(name)[0]
        return self._agents[name]

    def subject(self, label):
        if label not in self._subjects:
            self._subjects[label] = Subject.find_or_create(label)[0]
        return self._subjects[label]

    def place(self, name):
        if name not in self._places:
            self._places[name] = Place.find_or_create(name)[0]
        return self._places[name]

    def language(self, code):
        """The Language of an ISO 639-1/-2/-3 code or a BCP 47 tag (uz-Cyrl → Uzbek), or None."""
        key = code.strip().split("-")[0].lower()
        if key not in self._languages:
            if len(key) == 2:
                found = Language.objects.filter(iso639_1=key).first()
            else:
                found = Language.objects.filter(code=key).first() or Language.objects.filter(iso639_2b=key).first()
            self._languages[key] = found
        return self._languages[key]
