"""A small OAI-PMH data provider for the harvesting tests, served by Django's live server.

Its records are set by each test (REPOSITORY); it pages ListRecords two records at a time with
resumption tokens, honours `from`, and can fail once on a given page to interrupt a harvest.
"""

from xml.sax.saxutils import escape, quoteattr

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns

PAGE_SIZE = 2


class Repository:
    def __init__(self):
        self.records = []
        self.response_date = "2024-03-01T12:00:00Z"
        self.fail_once_at = set()  # offsets of pages that answer HTTP 500 once
        self.requests = []

    def add(self, oai_id, datestamp, title=None, deleted=False, **dc):
        self.records = [r for r in self.records if r["oai_id"] != oai_id]
        self.records.append({"oai_id": oai_id, "datestamp": datestamp, "deleted": deleted, "title": title, **dc})


REPOSITORY = Repository()


def envelope(body, request_attrs=""):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<responseDate>{REPOSITORY.response_date}</responseDate>"
        f"<request{request_attrs}>http://testserver/oai</request>{body}</OAI-PMH>"
    )


def dc_xml(record):
    parts = []
    titles = record["title"] if isinstance(record["title"], list) else [(record["title"], "")]
    for text, lang in titles if record["title"] else []:
        lang_attr = f" xml:lang={quoteattr(lang)}" if lang else ""
        parts.append(f"<dc:title{lang_attr}>{escape(text)}</dc:title>")
    for element in ("creator", "contributor", "subject", "description", "date", "type", "language", "identifier",
                    "rights", "relation", "coverage", "publisher", "format"):  # fmt: skip
        for value in record.get(element, []):
            parts.append(f"<dc:{element}>{escape(value)}</dc:{element}>")
    return (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(parts) + "</oai_dc:dc>"
    )


def record_xml(record):
    status = ' status="deleted"' if record["deleted"] else ""
    header = (
        f"<header{status}><identifier>{escape(record['oai_id'])}</identifier>"
        f"<datestamp>{record['datestamp']}</datestamp></header>"
    )
    if record["deleted"]:
        return f"<record>{header}</record>"
    if record.get("no_metadata"):
        return f"<record>{header}</record>"
    return f"<record>{header}<metadata>{dc_xml(record)}</metadata></record>"


def error(code, text):
    return HttpResponse(envelope(f'<error code="{code}">{text}</error>'), content_type="text/xml")


def oai(request):
    params = request.GET.dict()
    REPOSITORY.requests.append(params)
    verb = params.get("verb")
    if verb == "Identify":
        return HttpResponse(
            envelope(
                "<Identify><repositoryName>Test</repositoryName><baseURL>http://testserver/oai</baseURL>"
                "<protocolVersion>2.0</protocolVersion><adminEmail>a@example.org</adminEmail>"
                "<earliestDatestamp>2000-01-01</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                "<granularity>YYYY-MM-DD</granularity></Identify>"
            ),
            content_type="text/xml",
        )
    if verb != "ListRecords":
        return error("badVerb", "Only Identify and ListRecords here.")
    if "resumptionToken" in params:
        try:
            since, offset = params["resumptionToken"].split("|")
            offset = int(offset)
        except ValueError:
            return error("badResumptionToken", "Unknown token.")
    else:
        if params.get("metadataPrefix") != "oai_dc":
            return error("cannotDisseminateFormat", "oai_dc only.")
        since, offset = params.get("from", ""), 0
    if offset in REPOSITORY.fail_once_at:
        REPOSITORY.fail_once_at.discard(offset)
        return HttpResponse("The repository is down.", status=500)
    matching = sorted((r for r in REPOSITORY.records if r["datestamp"] >= since), key=lambda r: r["oai_id"])
    if not matching:
        return error("noRecordsMatch", "Nothing changed.")
    page = matching[offset : offset + PAGE_SIZE]
    body = "".join(record_xml(r) for r in page)
    if offset + PAGE_SIZE < len(matching):
        body += (
            f'<resumptionToken completeListSize="{len(matching)}" cursor="{offset}">'
            f"{since}|{offset + PAGE_SIZE}</resumptionToken>"
        )
    elif offset:
        body += f'<resumptionToken completeListSize="{len(matching)}" cursor="{offset}"/>'
    return HttpResponse(envelope(f"<ListRecords>{body}</ListRecords>"), content_type="text/xml; charset=utf-8")


# The provider beside the project's own addresses (the admin is used in the same tests).
urlpatterns = [path("oai", oai), *project_urlpatterns]
