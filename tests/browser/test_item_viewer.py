"""The item page shows its scans in the Mirador IIIF viewer, in a real browser.

pytest-playwright drives Debian's chromium against Django's live server (tests/conftest.py); Mirador and the page's script are served by the site itself
(vendor/mirador from npm, see scripts/npm-install.sh).
"""

from catalogue.factories import ItemFactory
from media_library.factories import CustomImageFactory, make_image_file

from ..conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_item_page_shows_the_scans_in_mirador(live_server, settings, library, page):
    # Before the images: their tiles' info.json names this server when storage is local
    # (with S3, tiles are on the S3 endpoint, which the browser reaches on loopback too).
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    item = ItemFactory(title="Boburnoma", collections=[library.manuscripts])
    for n, label in enumerate(["f. 1r", "f. 1v"], start=1):
        image = CustomImageFactory(
            title=label, file=make_image_file(f"viewer-{n}.png", size=(900, 1300), text=f"Boburnoma {label}")
        )
        item.files.create(kind="scan", image=image, label=label, sort_order=n)
    item.save_revision().publish()
    url, manifest = live_server.url + item.get_url(), f"/iiif/{item.pk}/manifest"

    responses, errors = [], []

    def images_served():
        """IIIF image requests (tiles and thumbnails, from the level-0 service) that succeeded."""
        return [u for status, u in responses if status == 200 and "/iiif/" in u and u.endswith("/default.jpg")]

    page.on("response", lambda response: responses.append((response.status, response.url)))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    viewer = page.locator("#item-viewer")
    assert viewer.get_attribute("data-manifest") == manifest

    # Mirador draws the first scan with OpenSeadragon and shows both scans in its thumbnail strip.
    viewer.locator(".mirador-osd-container .openseadragon-canvas canvas").first.wait_for(timeout=30_000)
    thumbnails = viewer.locator(".mirador-thumb-navigation img")
    thumbnails.nth(1).wait_for(timeout=15_000)
    assert thumbnails.count() == 2
    assert viewer.get_by_text("f. 1v").count() >= 1
    # One window on this item: no workspace control panel to add or close windows.
    assert viewer.locator(".mirador-workspace-control-panel").count() == 0
    for _ in range(150):
        if images_served():
            break
        page.wait_for_timeout(100)
    # The plain list of the files stays below the viewer, with the manifest link for other viewers.
    assert page.locator(".file-list .file").count() == 2
    assert page.locator("a.iiif-link").get_attribute("href") == manifest

    assert images_served(), responses
    assert (200, live_server.url + manifest) in responses
    assert not [(status, u) for status, u in responses if status >= 400 and not u.endswith("/favicon.ico")]
    assert not errors
