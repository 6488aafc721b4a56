"""In a real browser: the gallery lightbox and the comparison slider work with the keyboard, the viewer zooms.

pytest-playwright drives Debian's chromium against Django's live server (see tests/conftest.py).
"""

from django.utils.translation import gettext, override

from ..conftest import BROWSER_TEST
from .conftest import make_exhibit, make_image, make_item


def counter(n, total):
    """The lightbox's "Image n of total", as the Uzbek page (the exhibit's language) says it."""
    with override("uz"):
        return gettext("Image {n} of {total}").format(n=n, total=total)


pytestmark = BROWSER_TEST


def test_gallery_comparison_and_viewer_work_with_the_keyboard(live_server, settings, index, page):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    images = [make_image(caption=f"Varaq {n}") for n in range(1, 4)]
    item = make_item("Xamsa", pages=2)
    exhibit = make_exhibit(
        index,
        body=[
            {"type": "gallery", "value": {"heading": "Varaqlar", "images": [{"image": i.pk} for i in images]}},
            {"type": "image_comparison", "value": {"before": images[0].pk, "after": images[1].pk}},
            {"type": "iiif_viewer", "value": {"item": item.pk, "page": 2, "region": "40,50,120,90"}},
        ],
    )
    url, alt_text = live_server.url + exhibit.url, images[0].alt_text  # no ORM while Playwright runs
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)

    # The lightbox: opened from the keyboard, focus inside, arrows move, Tab stays in, Esc closes.
    first = page.locator("[data-gallery-item]").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.dataset.action") == "close"
    assert dialog.locator(".lightbox__counter").inner_text() == counter(1, 3)
    assert dialog.locator(".lightbox__image").get_attribute("alt") == alt_text
    page.keyboard.press("ArrowRight")
    assert dialog.locator(".lightbox__counter").inner_text() == counter(2, 3)
    assert "Varaq 2" in dialog.locator(".lightbox__caption").inner_text()
    page.keyboard.press("End")
    assert dialog.locator(".lightbox__counter").inner_text() == counter(3, 3)
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('dialog.lightbox')")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement === document.querySelector('[data-gallery-item]')")

    # The comparison: a range input that the arrow keys move, and a button back to side by side.
    slider = page.locator(".comparison__range")
    slider.focus()
    page.keyboard.press("ArrowRight")
    assert slider.input_value() == "51"
    assert page.evaluate("document.querySelector('[data-comparison]').style.getPropertyValue('--split')") == "51%"
    page.locator(".comparison__toggle").click()
    assert not page.locator("[data-comparison]").evaluate("el => el.classList.contains('is-slider')")

    # The viewer opens at page 2, zoomed so the region (40,50,120,90 in pixels of that page) fills the view.
    page.locator(".mirador-osd-container .openseadragon-canvas canvas").first.wait_for(timeout=30_000)
    view = None
    for _ in range(100):
        view = page.evaluate(
            """() => {
                const el = document.querySelector('[data-iiif-viewer]');
                const v = Object.values(el.mirador.store.getState().viewers)[0];
                const canvas = el.querySelector('.openseadragon-canvas');
                if (!v || !v.zoom) return null;  // OpenSeadragon has not reported its viewport yet
                const width = 1 / v.zoom;  // OpenSeadragon's zoom: 1 / the width shown, in world units
                return {x: v.x, y: v.y, width: width, height: width * canvas.clientHeight / canvas.clientWidth};
            }"""
        )
        if view:
            break
        page.wait_for_timeout(100)
    assert page.get_by_text("2 of 2").count() >= 1
    assert view, "the viewer reported no viewport"
    assert abs(view["x"] - 100) <= 2 and abs(view["y"] - 95) <= 2, view  # centred on the region
    fit = min(view["width"] / 120, view["height"] / 90)
    assert 0.95 <= fit <= 1.15, view  # the region just fits; the whole page (320x400) does not
    assert not errors
