"""Accessibility of the public pages, checked by axe-core (from npm) inside headless chromium.

The demo library (`load_demo`) provides pages with every exhibit block, items with scans and the
IIIF viewer, reading lists and collections; each page is scanned as a visitor sees it.
"""

import json

from django.core.management import call_command

from catalogue.models import CollectionPage, Item
from exhibits.models import ExhibitPage
from reading_lists.models import ReadingListPage

from ..conftest import AXE_JS, BROWSER_TEST

pytestmark = BROWSER_TEST

# WCAG 2.1 A and AA rules and axe's best practices; "serious" and "critical" fail the test.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
BLOCKING = {"serious", "critical"}


def axe_violations(page):
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


def test_public_pages_have_no_serious_accessibility_violations(live_server, settings, page):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo", stdout=open("/dev/null", "w"))
    item = Item.objects.public().filter(files__kind="scan").distinct().first()
    pages = {
        "home": "/",
        "collection": CollectionPage.objects.live().first().url,
        "item": item.get_url(),
        "exhibit": ExhibitPage.objects.live().first().url,
        "reading list": ReadingListPage.objects.live().first().url,
        "search": "/search/?q=" + item.title.split()[0],
    }

    found = {}
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, (name, path)
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert not found, json.dumps(found, indent=2, ensure_ascii=False)

    # The scan does catch what it is meant to: a button without a name and an image without alt.
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<button type=button></button><img src=/favicon.ico>')"
    )
    assert {"button-name", "image-alt"} <= {v["rule"] for v in axe_violations(page)}
