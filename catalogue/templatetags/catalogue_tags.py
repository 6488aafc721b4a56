"""Template tags of the public site: URLs of items and terms, list query strings, menus.

Everything here is cheap by design: the menu and breadcrumbs come from the site cache
(home/site_cache.py), item and term URLs reuse the per-request memo of catalogue.routing,
and the rest touches no database at all.
"""

from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.db.models import Case, IntegerField, Q, Subquery, Value, When
from django.urls import NoReverseMatch
from django.utils import translation
from wagtail.models import Page

from home import site_cache

register = template.Library()

MENU_MEMO = "_kutubxona_main_menu"

AUTHORITY_LABELS = {
    "viaf.org": "VIAF",
    "www.viaf.org": "VIAF",
    "wikidata.org": "Wikidata",
    "www.wikidata.org": "Wikidata",
    "id.loc.gov": "Library of Congress",
    "d-nb.info": "GND",
    "isni.org": "ISNI",
    "orcid.org": "ORCID",
    "geonames.org": "GeoNames",
    "www.geonames.org": "GeoNames",
    "sws.geonames.org": "GeoNames",
    "vocab.getty.edu": "Getty",
}


def _request(context):
    return context.get("request")


# --- URLs ------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def item_url(context, item, absolute=False):
    """The URL of a catalogue item for this visitor, or "" when it has none (e.g. an unsaved preview).

    Links in pages keep the visitor's language (Item.get_url); an absolute URL — the canonical
    link, citations, metadata — is the item's own address in its own language.
    """
    request = _request(context)
    if item is None or not getattr(item, "pk", None) or not getattr(item, "slug", ""):
        return ""
    try:
        url = item.get_canonical_url(request) if absolute else item.get_url(request)
    except NoReverseMatch:
        return ""
    if url and absolute and request is not None:
        url = request.build_absolute_uri(url)
    return url or ""


@register.simple_tag(takes_context=True)
def vocab_url(context, obj):
    """The public URL of an agent, subject or place, or "" when no vocabulary page routes it."""
    if obj is None or not getattr(obj, "pk", None) or not getattr(obj, "slug", ""):
        return ""
    try:
        return obj.get_url(_request(context)) or ""
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def item_index_url(context):
    """The URL of the page listing all items, in the current page's locale."""
    from catalogue.models import ItemIndexPage

    page = context.get("page")
    locale_id = page.locale_id if isinstance(page, Page) else None
    request = _request(context)

    def find():
        pages = ItemIndexPage.objects.live()
        index = pages.filter(locale_id=locale_id).first() if locale_id else None
        index = index or pages.first()
        return index.get_url(request) if index else ""

    host = request.get_host() if request is not None else ""
    return site_cache.cached(("item_index_url", locale_id, host), find)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = _request(context)
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


# --- Query strings and pagination -------------------------------------------------------


def _drop_first_page(values):
    if str(values.get("page", "")) == "1":
        values["page"] = None
    return values


@register.simple_tag
def listing_query(listing, **overrides):
    """`listing.querystring(**overrides)`: the list's filters with some values replaced; page 1 is left out."""
    return listing.querystring(**_drop_first_page(overrides))


@register.simple_tag
def urlparams(**params):
    """A query string of the given parameters, leaving out empty ones and page 1."""
    params = _drop_first_page(params)
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@register.simple_tag
def page_window(page_obj, on_each_side=2, on_ends=1):
    """The page numbers to show around the current one, with gaps: [{number, current, gap}]."""
    paginator = page_obj.paginator
    window = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends):
        if number == paginator.ELLIPSIS:
            window.append({"number": None, "current": False, "gap": True})
        else:
            window.append({"number": number, "current": number == page_obj.number, "gap": False})
    return window


# --- Navigation -------------------------------------------------------------------------


def _site_root_queryset(site):
    """The site's root page, or its translation into the active language when there is one."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return Page.objects.filter(pk=site.root_page_id)
    from django.utils.translation import get_supported_language_variant

    try:
        language = get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        language = settings.LANGUAGE_CODE
    key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
    return (
        Page.objects.filter(translation_key=Subquery(key))
        .annotate(
            in_language=Case(
                When(locale__language_code=language, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-in_language", "pk")
    )


def _menu_entries(request, site):
    """[(page, title, url)] of the home page (first, or None) and its live children shown in menus."""
    roots = _site_root_queryset(site)
    root_path = Subquery(roots.values("path")[:1])
    root_depth = Subquery(roots.values("depth")[:1])
    pages = list(
        Page.objects.live()
        .filter(path__startswith=root_path)
        .filter(Q(depth=root_depth) | Q(depth=root_depth + 1, show_in_menus=True))
        .annotate(is_root=Case(When(depth=root_depth, then=Value(1)), default=Value(0), output_field=IntegerField()))
        .order_by("path")
    )
    home = pages[0] if pages and pages[0].is_root else None
    entries = [(home, home.title, home.get_url(request)) if home else (None, "", None)]
    for page in pages:
        if page is not home:
            url = page.get_url(request)
            if url:
                entries.append((page, page.title, url))
    return entries


def _menu(request):
    site = site_cache.site_for_request(request) if request is not None else None
    if site is None:
        return {"home_url": "/", "home": None, "items": [], "is_home": False}
    language = translation.get_language() or settings.LANGUAGE_CODE
    entries = site_cache.cached(("menu", site.pk, language), lambda: _menu_entries(request, site))
    home, _title, home_url = entries[0]
    home_url = home_url or "/"
    current_path = request.path
    items = [
        {
            "page": page,
            "title": title,
            "url": url,
            "current": url == current_path,
            "active": url != home_url and current_path.startswith(url),
        }
        for page, title, url in entries[1:]
    ]
    is_home = current_path == home_url
    # Which entries are marked: the key of the menu's cached HTML (home/templatetags/site_fragments.py).
    state = (
        "home"
        if is_home
        else ",".join(f"{i}{'c' if e['current'] else ''}" for i, e in enumerate(items) if e["active"] or e["current"])
    )
    return {"home_url": home_url, "home": home, "items": items, "is_home": is_home, "state": state}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page and its live children shown in menus, in one query (memoised on the request).

    Returns {"home_url", "home", "items": [{"title", "url", "current", "active"}], "is_home"}.
    """
    request = _request(context)
    if request is None:
        return _menu(None)
    memo = getattr(request, MENU_MEMO, None)
    if memo is None:
        memo = _menu(request)
        setattr(request, MENU_MEMO, memo)
    return memo


@register.simple_tag
def page_breadcrumbs(page):
    """The live ancestors of `page` below the tree root (the site's home page first)."""
    if not isinstance(page, Page) or not page.pk:
        return []
    return site_cache.ancestors(page)


# --- Presentation helpers ---------------------------------------------------------------


@register.simple_tag
def lead_image(item, files):
    """The image to show at the top of an item page, chosen only among the files the visitor may see."""
    images = [f.image for f in files if getattr(f, "image_id", None)]
    if not images:
        return None
    thumbnail_id = getattr(item, "thumbnail_id", None)
    for image in images:
        if image.pk == thumbnail_id:
            return image
    return images[0]


@register.simple_tag
def group_by_initial(terms):
    """Terms grouped by their first letter, in the order given: [{"initial", "terms"}]."""
    groups = []
    for term in terms:
        label = str(term).strip()
        initial = label[:1].upper() if label else "#"
        if not initial.isalpha():
            initial = "#"
        if not groups or groups[-1]["initial"] != initial:
            groups.append({"initial": initial, "terms": []})
        groups[-1]["terms"].append(term)
    return groups


@register.filter
def authority_label(uri):
    """A short name for an authority record's site, e.g. "VIAF" for https://viaf.org/viaf/…"""
    host = (urlsplit(str(uri)).hostname or "").lower()
    return AUTHORITY_LABELS.get(host) or host.removeprefix("www.") or str(uri)


@register.filter
def recordings(files):
    """The audio and video files among an item's files, in order."""
    return [f for f in files if getattr(f, "media_id", None)]


@register.filter
def mime_type(name):
    import mimetypes

    return mimetypes.guess_type(str(name))[0] or "application/octet-stream"


@register.filter
def duration(seconds):
    """1:02:03 or 4:05 from a number of seconds."""
    try:
        total = round(float(seconds))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# --- linked data ---------------------------------------------------------------------------

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> element with `data` (escaped: text cannot close the element)."""
    import json

    from django.utils.safestring import mark_safe

    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


# --- Item cards ------------------------------------------------------------------------------

CARD_TEMPLATE = "includes/item_card.html"


def _card_key(request, pk, stamp):
    return site_cache.rendered_key(request, "item-card", pk, stamp.isoformat() if stamp else "")


@register.simple_tag(takes_context=True)
def item_cards(context, items):
    """The grid cells (<li>) of the cards of `items`.

    For visitors who are not signed in, the cards of a page of a list (catalogue.listing.ListedItems)
    come from the cache under the item's id and `updated_at` (and the language, host and
    generation tokens, as every rendered fragment: home/site_cache.py); only the items whose card
    is not cached are loaded and rendered. Anything else (related items, signed-in visitors) is
    rendered from the items themselves.
    """
    from django.core.cache import cache
    from django.utils.html import format_html_join
    from django.utils.safestring import mark_safe

    template = context.template.engine.get_template(CARD_TEMPLATE)

    request = _request(context)

    def render(item):
        return template.render(context.new({"item": item, "request": request}))

    rows = getattr(items, "rows", None)
    if rows is None or request is None or request.user.is_authenticated:
        cards = [render(item) for item in items]
    else:
        from catalogue.listing import load_listed

        keys = {pk: _card_key(request, pk, stamp) for pk, stamp in rows}
        found = cache.get_many(list(keys.values()))
        missing = [pk for pk, key in keys.items() if key not in found]
        if missing:
            made = {item.pk: render(item) for item in load_listed(missing)}
            cache.set_many({keys[pk]: html for pk, html in made.items()}, site_cache.timeout())
            found.update({keys[pk]: html for pk, html in made.items()})
        cards = [found[keys[pk]] for pk, _stamp in rows if keys[pk] in found]
    # Each card was rendered (and escaped) by the template engine.
    return format_html_join("\n", '<li class="card-grid__cell">{}</li>', ((mark_safe(c),) for c in cards))  # noqa: S308
