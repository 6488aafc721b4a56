"""MARC 21 records (binary, MARC-8 or UTF-8, and MARCXML) read with pymarc and mapped to Dublin Core.

The mapping follows the Library of Congress MARC → Dublin Core crosswalk
(https://www.loc.gov/marc/marc2dc.html; docs/importing.md has the table). Records are read one at
a time, so a file of any size is imported in bounded memory.
"""

import hashlib
import re
import unicodedata
import xml.sax

import pymarc
from pymarc.marcxml import XmlHandler

from catalogue.identifiers import IdentifierScheme
from catalogue.models import Agent, DCMIType, ItemAgent

from .writer import AgentRef, Record, RecordError

READ_SIZE = 64 * 1024


def is_marcxml(path):
    with open(path, "rb") as f:
        head = f.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def read_binary(path, *, encoding="iso8859-1", force_utf8=False, utf8_handling="strict"):
    """Yield (where, pymarc.Record or exception) for each record of a MARC 21 transmission file.

    MARC-8 records (leader/09 blank) are converted to Unicode; `encoding` is what non-MARC-8 legacy
    files really use (e.g. cp1251 for Russian files that claim MARC-8); `force_utf8` reads every
    record as UTF-8 whatever its leader says.
    """
    with open(path, "rb") as handle:
        reader = pymarc.MARCReader(
            handle,
            to_unicode=True,
            force_utf8=force_utf8,
            utf8_handling=utf8_handling,
            file_encoding=encoding,
            hide_utf8_warnings=True,
        )
        offset = 0
        number = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            number += 1
            where = f"record {number} (byte offset {offset})"
            chunk = reader.current_chunk or b""
            offset += len(chunk)
            if record is None:
                exc = reader.current_exception
                yield where, RecordError(describe(exc))
                if isinstance(exc, pymarc.exceptions.FatalReaderError):
                    return
            else:
                yield where, record


def describe(exc):
    """A reader's exception as a sentence for staff."""
    name = type(exc).__name__
    text = str(exc).strip()
    reasons = {
        "BaseAddressInvalid": "the base address of data points past the end of the record",
        "BaseAddressNotFound": "the leader has no base address of data",
        "RecordDirectoryInvalid": "the directory of fields is damaged",
        "NoFieldsFound": "the record has no fields",
        "TruncatedRecord": "the record is cut short (the file ends inside it)",
        "EndOfRecordNotFound": "the record does not end with the end-of-record mark",
        "RecordLengthInvalid": "the record length in the leader is not a number",
        "UnicodeDecodeError": "the text is not in the declared character set (try --encoding)",
        "ValueError": "a number in the leader or directory is not a number",
    }
    reason = reasons.get(name, name)
    return f"{reason} ({text})" if text and text not in reason else reason


class _Collector(XmlHandler):
    def __init__(self):
        super().__init__(strict=False, normalize_form="NFC")
        self.ready = []
        self.lines = []
        self.line = 0

    def startElementNS(self, name, qname, attrs):
        if name[1] == "record" and getattr(self, "_locator", None):
            self.line = self._locator.getLineNumber()
        super().startElementNS(name, qname, attrs)

    def setDocumentLocator(self, locator):
        self._locator = locator

    def endElementNS(self, name, qname):
        try:
            super().endElementNS(name, qname)
        except Exception as exc:  # one damaged record (a bad leader, tag …): report it, read on
            if self._record is not None:
                self.ready.append((self.line, RecordError(describe(exc))))
            self._record = None
            self._field = None
            self._text = []

    def process_record(self, record):
        self.ready.append((self.line, record))


def read_xml(path, **_binary_options):
    """Yield (where, pymarc.Record or exception) for each record of a MARCXML file, streaming."""
    handler = _Collector()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, 1)
    parser.setContentHandler(handler)
    number = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(READ_SIZE)
            try:
                if chunk:
                    parser.feed(chunk)
                else:
                    parser.close()
            except Exception as exc:  # malformed XML: nothing after this point can be read
                for line, record in handler.ready:
                    number += 1
                    yield _xml_where(number, line), record
                handler.ready = []
                number += 1
                line = getattr(exc, "getLineNumber", lambda: handler.line)()
                yield _xml_where(number, line), RecordError(f"the XML is not well formed: {exc}")
                return
            for line, record in handler.ready:
                number += 1
                yield _xml_where(number, line), record
            handler.ready = []
            if not chunk:
                return


def read_marc(path, **options):
    return read_xml(path) if is_marcxml(path) else read_binary(path, **options)


# --- mapping ---------------------------------------------------------------------------

TRAILING = re.compile(r"[\s/:;,=.]+$")
LEADING = re.compile(r"^[\s\[]+")


def tidy(text):
    """A MARC value without its ISBD punctuation at the end ("Title :" → "Title")."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    text = TRAILING.sub("", text)
    if text.count("[") > text.count("]"):
        text = text.replace("[", "", 1)
    if text.count("]") > text.count("["):
        text = text[::-1].replace("]", "", 1)[::-1]
    return text.strip()


def subfields(field, codes):
    return [v for code, v in _pairs(field) if code in codes and v]


def _pairs(field):
    return [(sf.code, sf.value) for sf in field.subfields]


def joined(field, codes, sep=" "):
    return tidy(sep.join(v.strip() for v in subfields(field, codes)))


# Leader/06 (type of record) → DCMI type (LoC crosswalk, "Type").
TYPES = {
    "a": DCMIType.TEXT,
    "c": DCMIType.TEXT,
    "d": DCMIType.TEXT,
    "t": DCMIType.TEXT,
    "e": DCMIType.STILL_IMAGE,
    "f": DCMIType.STILL_IMAGE,
    "k": DCMIType.STILL_IMAGE,
    "g": DCMIType.MOVING_IMAGE,
    "i": DCMIType.SOUND,
    "j": DCMIType.SOUND,
    "m": DCMIType.SOFTWARE,
    "o": DCMIType.COLLECTION,
    "p": DCMIType.COLLECTION,
    "r": DCMIType.PHYSICAL_OBJECT,
}

RELATORS = set(ItemAgent.Role.values)
RELATOR_TERMS = {label.lower(): code for code, label in ItemAgent.Role.choices}


def role_of(field, default):
    for code in subfields(field, "4"):
        code = code.strip().lower()[:3]
        if code in RELATORS:
            return code
    for term in subfields(field, "e"):
        code = RELATOR_TERMS.get(tidy(term).lower())
        if code:
            return code
    return default


def agent_of(field, default_role):
    kind = {"0": Agent.Kind.PERSON, "1": Agent.Kind.PERSON, "3": Agent.Kind.FAMILY}.get(field.indicator1 or "1")
    if field.tag[1:] in ("10", "11"):
        kind = Agent.Kind.ORGANISATION
        name = joined(field, "abcn" if field.tag[1:] == "11" else "ab")
    else:
        name = joined(field, "abc")
    if not name:
        return None
    dates = tidy(" ".join(subfields(field, "d")))
    return AgentRef(name=name, kind=kind or Agent.Kind.PERSON, role=role_of(field, default_role), dates=dates)


def control_number(record):
    """(scheme, value) the record is known by across runs: 001 with its 003 agency."""
    number = (record.get("001").data if record.get("001") else "").strip()
    if number:
        agency = (record.get("003").data if record.get("003") else "").strip()
        return (IdentifierScheme.CONTROL_NUMBER, f"({agency}){number}" if agency else number)
    # No control number: the record's content stands in, so a re-run still finds it.
    digest = hashlib.sha1(record.as_marc(), usedforsecurity=False).hexdigest()[:20]
    return (IdentifierScheme.CONTROL_NUMBER, f"(sha1){digest}")


def fixed(record):
    return record.get("008").data if record.get("008") else ""


def to_record(marc):
    """The Dublin Core :class:`Record` of a pymarc record (raises RecordError when it has no title)."""
    f245 = marc.get("245")
    title = joined(f245, "abfgknps") if f245 else ""
    if not title:
        raise RecordError("no title (field 245 $a is missing)")
    data = Record(title=title, key=control_number(marc))

    for f in marc.get_fields("130", "240", "246", "730", "740"):
        alt = joined(f, "anp")
        if alt and alt != title:
            data.alternative_titles.append((alt, ""))
    # 880: the same fields in the original script (Cyrillic of Uzbek and Russian books).
    for f in marc.get_fields("880"):
        linked = (subfields(f, "6") or [""])[0][:3]
        if linked == "245":
            alt = joined(f, "abnp")
            if alt and alt != title:
                data.alternative_titles.insert(0, (alt, ""))
        elif linked in ("100", "110", "111", "700", "710", "711"):
            pass  # an agent's name in the original script becomes a variant below
    data.alternative_titles = list(dict.fromkeys(data.alternative_titles))

    for f in marc.get_fields("100", "110", "111"):
        ref = agent_of(f, ItemAgent.Role.AUTHOR)
        if ref:
            data.creators.append(ref)
    for f in marc.get_fields("700", "710", "711", "720"):
        ref = agent_of(f, ItemAgent.Role.CONTRIBUTOR)
        if ref:
            data.contributors.append(ref)

    for f in marc.get_fields("600", "610", "611", "630", "650", "653", "655"):
        label = " -- ".join(tidy(v) for v in subfields(f, "abcdqtvxyz") if tidy(v))
        if label:
            data.subjects.append(label)
    for f in marc.get_fields("651", "662", "752"):
        name = tidy((subfields(f, "a") or [""])[0])
        if name:
            data.places.append(name)

    publication = marc.get_fields("260") or [f for f in marc.get_fields("264") if f.indicator2 == "1"]
    if publication:
        data.publisher = tidy("; ".join(tidy(v) for v in subfields(publication[0], "b")))
        data.place_of_publication = tidy("; ".join(tidy(v) for v in subfields(publication[0], "a")))
    ff = fixed(marc)
    year = ff[7:11] if len(ff) >= 11 else ""
    if re.fullmatch(r"\d{4}", year) and year != "9999":
        data.date = year
    elif publication:
        date = tidy(" ".join(subfields(publication[0], "c")))
        data.date = re.sub(r"^[©cp℗]\s*(?=\d)", "", date).strip("[]. ")
    codes = [ff[35:38]] if len(ff) >= 38 and ff[35:38].strip(" |") else []
    for f in marc.get_fields("041"):
        for value in subfields(f, "a"):
            codes += [value[i : i + 3] for i in range(0, len(value), 3)]
    data.languages = list(dict.fromkeys(c.strip().lower() for c in codes if len(c.strip()) == 3 and c != "und"))

    notes = []
    for f in marc.get_fields("520"):
        notes.append(" ".join(subfields(f, "ab")).strip())
    for f in marc.get_fields("500", "502", "504", "505"):
        notes.append(" ".join(subfields(f, "agrt")).strip())
    data.description = "\n\n".join(n for n in notes if n)
    leader = str(marc.leader)
    data.dcmi_type = TYPES.get(leader[6] if len(leader) > 6 else "a", DCMIType.TEXT)
    extent = [joined(f, "abc") for f in marc.get_fields("300")]
    data.extent = "; ".join(e for e in extent if e)
    data.format = "; ".join(joined(f, "a") for f in marc.get_fields("340") if joined(f, "a"))
    data.rights_note = "\n".join(joined(f, "abcdu") for f in marc.get_fields("506", "540") if joined(f, "abcdu"))
    data.temporal_coverage = "; ".join(joined(f, "a") for f in marc.get_fields("648") if joined(f, "a"))

    for f in marc.get_fields("010"):
        for v in subfields(f, "a"):
            data.identifiers.append((IdentifierScheme.LCCN, v.strip()))
    for f in marc.get_fields("020"):
        for v in subfields(f, "a"):
            isbn = v.strip().split(" ")[0]
            if isbn:
                data.identifiers.append((IdentifierScheme.ISBN, isbn))
    for f in marc.get_fields("022"):
        for v in subfields(f, "a"):
            data.identifiers.append((IdentifierScheme.ISSN, v.strip()))
    for f in marc.get_fields("035"):
        for v in subfields(f, "a"):
            if v.startswith("(OCoLC)"):
                data.identifiers.append((IdentifierScheme.OCLC, v.replace("(OCoLC)", "").strip()))
    for f in marc.get_fields("050"):
        call = joined(f, "ab")
        if call:
            data.identifiers.append((IdentifierScheme.CALL_NUMBER, call))
    for f in marc.get_fields("856"):
        for v in subfields(f, "u"):
            data.identifiers.append((IdentifierScheme.URI, v.strip()))
    return data


def _xml_where(number, line):
    return f"record {number} (line {line})" if line else f"record {number}"
