"""Plone HTML → Wagtail rich text: resolveuid links and images become Wagtail references.

`convert(html, resolve)` returns (blocks, warnings): stream blocks for a page body
(heading / paragraph / image / quote, as raw StreamField data) whose paragraphs are in Wagtail's
stored rich-text format. `resolve(uid)` returns a `Target` or None for a UID outside the export.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

RESOLVEUID = re.compile(r"(?:^|/)resolve[uU]id/([0-9a-fA-F-]{32,36})(/.*)?$")
SCALE = re.compile(r"@@images/[^/]+(?:/([a-z_]+))?")
# Plone's scale names (plone.namedfile defaults) → Wagtail rendition filters.
SCALES = {
    "huge": "max-1600x65536",
    "great": "max-1200x65536",
    "larger": "max-1000x65536",
    "large": "max-800x65536",
    "teaser": "max-600x65536",
    "preview": "max-400x65536",
    "mini": "max-200x65536",
    "thumb": "max-128x128",
    "tile": "max-64x64",
    "icon": "max-32x32",
    "listing": "max-16x16",
}
# Rich-text elements the paragraph editor of the project keeps; others are reported.
EDITABLE = {"p", "a", "b", "strong", "i", "em", "ul", "ol", "li", "sup", "br", "embed", "span"}
# Parts of an element already reported (a table is reported once, not once per cell).
INSIDE = {"thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "figcaption"}


@dataclass
class Target:
    kind: str  # "page", "document", "image", "item", "url"
    id: int | None = None
    url: str = ""


def _rewrite(soup, resolve, warnings, uid_for_url=None):
    for a in soup.find_all("a"):
        href = a.get("href", "")
        match = RESOLVEUID.search(href)
        uid = match.group(1) if match else (uid_for_url(href) if uid_for_url else None)
        if not uid:
            continue
        target = resolve(uid.replace("-", ""))
        if target is None:
            warnings.append(f"link to UID {uid} that is not in the export: kept as text")
            a.unwrap()
            continue
        text_attrs = {}
        if target.kind in ("page", "document"):
            text_attrs = {"linktype": target.kind, "id": str(target.id)}
        else:
            text_attrs = {"href": target.url}
        a.attrs = text_attrs
    for img in soup.find_all("img"):
        src = img.get("src", "")
        match = RESOLVEUID.search(src)
        if not match:
            continue
        target = resolve(match.group(1).replace("-", ""))
        if target is None or target.kind != "image":
            warnings.append(f"image with UID {match.group(1)} that is not an imported image: removed")
            img.decompose()
            continue
        scale = SCALE.search(match.group(2) or "")
        name = scale.group(1) if scale else None
        embed = soup.new_tag("embed")
        embed.attrs = {
            "embedtype": "image",
            "id": str(target.id),
            "format": "left" if name in ("thumb", "mini", "tile", "icon", "listing") else "fullwidth",
            "alt": img.get("alt", ""),
        }
        img.replace_with(embed)


def _image_of(tag):
    embed = tag if tag.name == "embed" else tag.find("embed")
    if embed is None or embed.get("embedtype") != "image":
        return None
    if tag.name == "figure" or len(tag.get_text(strip=True)) == 0:
        return embed
    return None


def convert(html, resolve, uid_for_url=None):
    """Stream blocks and warnings for the Plone HTML `html`; `uid_for_url(href)` gives the UID of a
    link to an address of the old site."""
    warnings = []
    soup = BeautifulSoup(html or "", "html.parser")
    _rewrite(soup, resolve, warnings, uid_for_url)
    blocks = []
    run = []

    def flush():
        text = "".join(run).strip()
        if text:
            blocks.append({"type": "paragraph", "value": text})
        run.clear()

    for node in list(soup.children):
        if isinstance(node, NavigableString):
            if str(node).strip():
                run.append(f"<p>{node.strip()}</p>")
            continue
        if not isinstance(node, Tag):
            continue
        if node.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            flush()
            level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(node.name, "h4")
            blocks.append({"type": "heading", "value": {"text": node.get_text(" ", strip=True)[:255], "level": level}})
            continue
        image = _image_of(node) if node.name in ("figure", "p", "embed") else None
        if image is not None:
            flush()
            caption = node.find("figcaption")
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": int(image["id"]),
                        "caption": caption.get_text(" ", strip=True)[:255] if caption else "",
                        "credit": "",
                    },
                }
            )
            continue
        if node.name == "blockquote":
            flush()
            blocks.append({"type": "quote", "value": {"text": node.get_text("\n", strip=True), "attribution": ""}})
            continue
        for tag in [node, *node.find_all(True)]:
            if tag.name not in EDITABLE and tag.name not in INSIDE:
                warnings.append(f"<{tag.name}> kept on the site but not editable in the rich-text editor")
        run.append(str(node))
    flush()
    return blocks, sorted(set(warnings), key=warnings.index)


def convert_inline(html, resolve, uid_for_url=None):
    """One rich-text value (for a RichTextField such as an item's description)."""
    warnings = []
    soup = BeautifulSoup(html or "", "html.parser")
    _rewrite(soup, resolve, warnings, uid_for_url)
    for tag in soup.find_all(True):
        if tag.name in ("table", "blockquote", "code", "figure", "pre", "h5", "h6"):
            warnings.append(f"<{tag.name}> kept on the site but not editable in the rich-text editor")
    return str(soup), sorted(set(warnings), key=warnings.index)
