"""The OAI-PMH 2.0 endpoint (https://www.openarchives.org/OAI/openarchivesprotocol.html).

Records come from the Record table (oai.sync), listed in (datestamp, item id) order, 100 a
page. A resumption token is signed and holds the whole state of a harvest: its arguments, the
moment of its first request (records changed after it are left to the next harvest, so a
harvest neither skips nor repeats records), the last record returned, the cursor and the list size.
"""

import json
import re
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape, quoteattr

from django.core import signing
from django.db import connection, models
from django.db.models import Min, Q
from django.db.models.functions import Cast
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from oai import conf
from oai.models import Record
from oai.sync import collection_sets, lift_embargoes_daily, rebuild_pending

PAGE_SIZE = 100
TOKEN_LIFETIME = timedelta(hours=24)
TOKEN_SALT = "oai.resumption"

OAI = "http://www.openarchives.org/OAI/2.0/"
SCHEMA_LOCATION = f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    "marc21": ("http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim"),
}
LIST_ARGUMENTS = {"metadataPrefix", "from", "until", "set", "resumptionToken"}
VERBS = {
    "Identify": set(),
    "ListMetadataFormats": {"identifier"},
    "ListSets": {"resumptionToken"},
    "GetRecord": {"identifier", "metadataPrefix"},
    "ListIdentifiers": LIST_ARGUMENTS,
    "ListRecords": LIST_ARGUMENTS,
}
REQUIRED = {"GetRecord": {"identifier", "metadataPrefix"}, "ListIdentifiers": {"metadataPrefix"}}
REQUIRED["ListRecords"] = REQUIRED["ListIdentifiers"]
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def datestamp(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_date(name, value):
    """(start, granularity) of a from/until argument, or badArgument."""
    try:
        if DAY.match(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
        if SECOND.match(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
    except ValueError:
        pass
    raise OAIError("badArgument", f"'{name}' must be a UTC date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not {value!r}.")


@csrf_exempt
def endpoint(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    query = request.POST if request.method == "POST" else request.GET
    base_url = request.build_absolute_uri(request.path)
    arguments, body = {}, ""
    try:
        verb, arguments = _check_arguments(query)
        # Records changed since the last request are brought up to date before the harvest's
        # snapshot is taken (at most oai.sync.REBUILD_LIMIT; the rest is done by the next requests).
        lift_embargoes_daily()
        rebuild_pending()
        now = timezone.now()
        body = HANDLERS[verb](request, arguments, now, base_url)
        request_attributes = {"verb": verb, **arguments}
    except OAIError as error:
        now = timezone.now()
        body = f"<error code={quoteattr(error.code)}>{escape(error.message)}</error>"
        echo = error.code not in ("badVerb", "badArgument")
        request_attributes = {"verb": query.get("verb"), **arguments} if echo else {}
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in request_attributes.items())
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{SCHEMA_LOCATION}">'
        f"<responseDate>{datestamp(now)}</responseDate>"
        f"<request{attributes}>{escape(base_url)}</request>"
        f"{body}</OAI-PMH>"
    )
    return HttpResponse(xml.encode("utf-8"), content_type="text/xml; charset=utf-8")


def _check_arguments(query):
    verbs = query.getlist("verb")
    if not verbs:
        raise OAIError("badVerb", "The request has no verb.")
    if len(verbs) > 1:
        raise OAIError("badVerb", "The verb is repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OAIError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    arguments = {}
    for name in query:
        if name == "verb":
            continue
        values = query.getlist(name)
        if name not in VERBS[verb]:
            raise OAIError("badArgument", f"{verb} takes no argument {name!r}.")
        if len(values) > 1:
            raise OAIError("badArgument", f"The argument {name!r} is repeated.")
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken may not be combined with other arguments.")
        return verb, arguments
    missing = sorted(REQUIRED.get(verb, set()) - set(arguments))
    if missing:
        raise OAIError("badArgument", f"{verb} needs the argument {', '.join(missing)}.")
    dates = {name: _parse_date(name, arguments[name]) for name in ("from", "until") if name in arguments}
    if len(dates) == 2:
        (start, from_granularity), (end, until_granularity) = dates["from"], dates["until"]
        if from_granularity != until_granularity:
            raise OAIError("badArgument", "'from' and 'until' must have the same granularity.")
        if start > end:
            raise OAIError("badArgument", "'from' is later than 'until'.")
    return verb, arguments


# --- verbs -----------------------------------------------------------------------------------


def identify(request, arguments, now, base_url):
    earliest = Record.objects.filter(datestamp__isnull=False).aggregate(first=Min("datestamp"))["first"] or now
    domain = conf.repository_identifier()
    emails = "".join(f"<adminEmail>{escape(e)}</adminEmail>" for e in conf.admin_emails())
    oai_identifier = "http://www.openarchives.org/OAI/2.0/oai-identifier"
    return (
        "<Identify>"
        f"<repositoryName>{escape(conf.repository_name())}</repositoryName>"
        f"<baseURL>{escape(base_url)}</baseURL>"
        "<protocolVersion>2.0</protocolVersion>"
        f"{emails}"
        f"<earliestDatestamp>{datestamp(earliest)}</earliestDatestamp>"
        "<deletedRecord>persistent</deletedRecord>"
        "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"
        "<description>"
        f'<oai-identifier xmlns="{oai_identifier}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{oai_identifier} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
        "<scheme>oai</scheme>"
        f"<repositoryIdentifier>{escape(domain)}</repositoryIdentifier>"
        "<delimiter>:</delimiter>"
        f"<sampleIdentifier>{escape(conf.oai_identifier(1))}</sampleIdentifier>"
        "</oai-identifier>"
        "</description>"
        "</Identify>"
    )


def _record_or_error(identifier):
    item_id = conf.item_id_of(identifier)
    record = Record.objects.filter(pk=item_id, datestamp__isnull=False).first() if item_id is not None else None
    if record is None:
        raise OAIError("idDoesNotExist", f"No record has the identifier {identifier!r}.")
    return record


def list_metadata_formats(request, arguments, now, base_url):
    if "identifier" in arguments:
        _record_or_error(arguments["identifier"])
    formats = "".join(
        f"<metadataFormat><metadataPrefix>{prefix}</metadataPrefix><schema>{schema}</schema>"
        f"<metadataNamespace>{namespace}</metadataNamespace></metadataFormat>"
        for prefix, (schema, namespace) in FORMATS.items()
    )
    return f"<ListMetadataFormats>{formats}</ListMetadataFormats>"


def list_sets(request, arguments, now, base_url):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "ListSets is never split: this resumption token is not valid.")
    sets = sorted(set(collection_sets().values()))
    if not sets:
        raise OAIError("noSetHierarchy", "This repository has no sets.")
    body = "".join(
        f"<set><setSpec>{escape(spec)}</setSpec><setName>{escape(name)}</setName></set>" for spec, name in sets
    )
    return f"<ListSets>{body}</ListSets>"


def _check_format(prefix):
    if prefix not in FORMATS:
        raise OAIError(
            "cannotDisseminateFormat",
            f"The format {prefix!r} is not offered; ListMetadataFormats lists those that are.",
        )


def _header(record):
    status = ' status="deleted"' if record.deleted else ""
    specs = "".join(f"<setSpec>{escape(spec)}</setSpec>" for spec in record.set_specs)
    return (
        f"<header{status}><identifier>{escape(conf.oai_identifier(record.item_id))}</identifier>"
        f"<datestamp>{datestamp(record.datestamp)}</datestamp>{specs}</header>"
    )


def _record(record, prefix):
    if record.deleted:
        return f"<record>{_header(record)}</record>"
    return f"<record>{_header(record)}<metadata>{getattr(record, prefix)}</metadata></record>"


def get_record(request, arguments, now, base_url):
    _check_format(arguments["metadataPrefix"])
    record = _record_or_error(arguments["identifier"])
    return f"<GetRecord>{_record(record, arguments['metadataPrefix'])}</GetRecord>"


def _harvest_state(verb, arguments, now):
    """The state of a list request: from a resumption token, or a new harvest starting now."""
    if "resumptionToken" in arguments:
        try:
            state = signing.loads(arguments["resumptionToken"], salt=TOKEN_SALT, max_age=TOKEN_LIFETIME.total_seconds())
        except signing.SignatureExpired:
            raise OAIError("badResumptionToken", "The resumption token has expired; start the harvest again.") from None
        except signing.BadSignature:
            raise OAIError("badResumptionToken", "The resumption token is not valid.") from None
        if not isinstance(state, dict) or state.get("verb") != verb:
            raise OAIError("badResumptionToken", f"The resumption token does not belong to {verb}.")
        return state
    _check_format(arguments["metadataPrefix"])
    return {
        "verb": verb,
        "prefix": arguments["metadataPrefix"],
        "from": arguments.get("from"),
        "until": arguments.get("until"),
        "set": arguments.get("set"),
        "snapshot": now.isoformat(),
        "after": None,
        "cursor": 0,
        "size": None,
    }


def _selection(state):
    records = Record.objects.filter(datestamp__isnull=False, datestamp__lte=datetime.fromisoformat(state["snapshot"]))
    if state["from"]:
        records = records.filter(datestamp__gte=_parse_date("from", state["from"])[0])
    if state["until"]:
        end, granularity = _parse_date("until", state["until"])
        records = records.filter(
            datestamp__lt=end + (timedelta(days=1) if granularity == "day" else timedelta(seconds=1))
        )
    if state["set"]:
        if connection.vendor == "postgresql":
            records = records.filter(set_specs__contains=[state["set"]])
        else:  # JSON text (oai.fields): the spec as a whole, quoted element
            records = records.annotate(specs_text=Cast("set_specs", models.TextField())).filter(
                specs_text__contains=json.dumps(state["set"])
            )
    return records


def _list(verb, arguments, now):
    state = _harvest_state(verb, arguments, now)
    records = _selection(state)
    if state["size"] is None:
        state["size"] = records.count()
    if state["after"]:
        after_datestamp, after_id = datetime.fromisoformat(state["after"][0]), state["after"][1]
        # (datestamp, id) > (after): the first condition alone lets PostgreSQL walk the index
        # from that point and stop after one page, however deep in the list it is.
        records = records.filter(datestamp__gte=after_datestamp).filter(
            Q(datestamp__gt=after_datestamp) | Q(item_id__gt=after_id)
        )
    if state["prefix"] == "oai_dc" and verb == "ListRecords":
        records = records.defer("marc21")
    elif verb == "ListRecords":
        records = records.defer("oai_dc")
    else:
        records = records.defer("oai_dc", "marc21")
    page = list(records.order_by("datestamp", "item_id")[: PAGE_SIZE + 1])
    if not page:
        if state["set"] and not collection_sets():
            raise OAIError("noSetHierarchy", "This repository has no sets.")
        raise OAIError("noRecordsMatch", "No records match the arguments of this request.")
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    cursor = state["cursor"]
    if more:
        last = page[-1]
        state.update(after=[last.datestamp.isoformat(), last.item_id], cursor=cursor + len(page))
        token = signing.dumps(state, salt=TOKEN_SALT, compress=True)
        expires = datestamp(now + TOKEN_LIFETIME)
        resumption = (
            f'<resumptionToken expirationDate="{expires}" completeListSize="{state["size"]}"'
            f' cursor="{cursor}">{token}</resumptionToken>'
        )
    elif "resumptionToken" in arguments:
        resumption = f'<resumptionToken completeListSize="{state["size"]}" cursor="{cursor}"/>'
    else:
        resumption = ""
    return state, page, resumption


def list_identifiers(request, arguments, now, base_url):
    state, page, resumption = _list("ListIdentifiers", arguments, now)
    return f"<ListIdentifiers>{''.join(_header(r) for r in page)}{resumption}</ListIdentifiers>"


def list_records(request, arguments, now, base_url):
    state, page, resumption = _list("ListRecords", arguments, now)
    return f"<ListRecords>{''.join(_record(r, state['prefix']) for r in page)}{resumption}</ListRecords>"


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
