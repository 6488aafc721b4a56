"""The editorial life of a reading list, an item and an exhibit, as the staff live it in the admin.

Each person signs in with their own browser context (their own cookies) against Django's live
server on PostgreSQL; the groups and workflows are those of `manage.py setup_roles`.
"""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from catalogue.models import Item
from exhibits.models import ExhibitPage
from media_library.factories import make_image_file
from reading_lists.models import ReadingListPage

from ..conftest import BROWSER_TEST, english_admin, publish_child
from ..exhibits.conftest import make_item

pytestmark = BROWSER_TEST

PASSWORD = "kitob-oʻqish-yaxshi-2026"


@pytest.fixture
def staff(django_user_model, staff_site):
    """One person per role, each with the admin in English (labels are what the tests click)."""

    def person(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        return english_admin(user)

    return {
        "educator": person("educator", "Educators"),
        "curator": person("curator", "Curators"),
        "cataloguer": person("cataloguer", "Cataloguers"),
        "reviewer": person("reviewer", "Reviewers"),
    }


@pytest.fixture
def browse(new_context, live_server):
    """`browse(username)` gives a page signed in as that person; `browse()` an anonymous visitor."""

    def open_page(username=None):
        page = new_context().new_page()
        page.set_default_timeout(15_000)
        if username:
            page.goto(live_server.url + "/admin/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(re.compile(r".*/admin/$"))
        return page

    return open_page


def footer_action(page, name):
    """Click an action of the editor's footer, opening its "more actions" menu when needed."""
    button = page.locator(f'footer button[name="{name}"]').first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    button.click()


def workflow_action(page, action, comment=None):
    """Approve or request changes from the editor's footer; with a comment, through its dialog."""
    with_dialog = "[data-workflow-action-modal-url]"
    selector = f'footer button[data-workflow-action-name="{action}"]'
    selector += with_dialog if comment is not None else f":not({with_dialog})"
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    if comment is None:
        with page.expect_navigation():
            button.click()
    else:
        button.click()
        dialog = page.locator(".modal-content").last
        dialog.locator("textarea").fill(comment)
        with page.expect_navigation():
            dialog.locator("button[type=submit], input[type=submit]").first.click()


# --- 1. A reading list: educator → curator → public --------------------------------------------


def add_catalogue_item_entry(page, prefix):
    """Add a "Catalogue item" entry to the reading list's section through the block menu.

    The menu opens from the "+" after the last entry. In about one run in five of the whole file
    (in CI and here) the menu showed no option within 15 s, or choosing it added no entry; the
    cause is not known. The menu is opened again until its option shows, at most three times, and
    the entry counts as added only when its chooser is in the form, so no entry is added twice."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    option = page.get_by_role("option", name=re.compile("Catalogue item", re.I))
    chooser = page.locator(f"input[name='{prefix}-item']")
    for _attempt in range(3):
        if not option.is_visible():
            page.locator("[data-contentpath='entries'] .c-sf-add-button").last.click()
        try:
            option.click(timeout=5000)
            chooser.wait_for(state="attached", timeout=5000)
            return
        except PlaywrightTimeout:
            if chooser.count():
                return
    raise AssertionError(f"no catalogue item entry {prefix} after three tries of the block menu")


def test_educator_builds_a_reading_list_a_curator_approves_and_visitors_see_it(
    live_server, settings, staff_site, staff, browse
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    manuscripts = staff_site.manuscripts
    books = [
        make_item("Boburnoma", pages=0, collections=[manuscripts]),
        make_item("Xamsa", pages=0, collections=[manuscripts]),
        make_item("Mahbub ul-qulub", pages=0, collections=[manuscripts]),
    ]
    make_item("Devoni Foniy", pages=0, collections=[manuscripts])
    add_url = f"{live_server.url}/admin/pages/add/reading_lists/readinglistpage/{staff_site.reading_lists.pk}/"

    educator = browse("educator")
    educator.goto(add_url)
    educator.fill("#id_title", "Navoiy va Bobur: 9-sinf")
    educator.select_option("#id_audience", "grades_5_9")
    educator.locator("[data-streamfield-stream-container] ~ button, .c-sf-add-button").first.click()
    educator.fill("#body-0-value-heading", "Asosiy asarlar")

    for n, book in enumerate(books):
        prefix = f"body-0-value-entries-{n}-value"
        add_catalogue_item_entry(educator, prefix)
        # The catalogue is searched from the item chooser, as an educator does.
        educator.get_by_role("button", name="Choose item").last.click()
        modal = educator.locator(".modal-content").last
        modal.locator("input[name=q]").fill(book.title.split()[0])
        modal.get_by_role("link", name=book.title).click()
        modal.wait_for(state="hidden")
        assert educator.locator(f"input[name='{prefix}-item']").input_value() == str(book.pk)
        annotation = educator.locator(f"#{prefix}-annotation")
        annotation.fill(f"{book.title}: sinfda muhokama qilinadi.")
        annotation.press("Tab")  # leave the field, as a person does, so every change handler has run

    for n, book in enumerate(books):
        value = educator.locator(f"#body-0-value-entries-{n}-value-annotation").input_value()
        assert value == f"{book.title}: sinfda muhokama qilinadi."

    footer_action(educator, "action-submit")
    educator.wait_for_url(re.compile(r".*/admin/pages/\d+/"))
    reading_list = ReadingListPage.objects.get(title="Navoiy va Bobur: 9-sinf")
    assert reading_list.owner.username == "educator"
    assert not reading_list.live
    assert reading_list.workflow_in_progress
    submitted = reading_list.get_latest_revision_as_object()
    entries = [entry.value for entry in submitted.body[0].value["entries"]]
    assert [e["item"].pk for e in entries] == [b.pk for b in books]
    assert all(e["annotation"].endswith("sinfda muhokama qilinadi.") for e in entries)
    assert "curator@example.org" in [a for m in mail.outbox for a in m.to]

    curator = browse("curator")
    curator.goto(f"{live_server.url}/admin/pages/{reading_list.pk}/edit/")
    workflow_action(curator, "approve")
    reading_list.refresh_from_db()
    assert reading_list.live

    visitor = browse()
    visitor.goto(live_server.url + reading_list.url)
    assert visitor.locator("h1").inner_text() == "Navoiy va Bobur: 9-sinf"
    for book in books:
        entry = visitor.locator(".reading-entry, article, li").filter(has_text=book.title).first
        assert entry.is_visible()
        assert f"{book.title}: sinfda muhokama qilinadi." in visitor.content()
    assert "Devoni Foniy" not in visitor.content()


# --- 2. An item: cataloguer → rejected with a comment → fixed → approved -------------------------


def test_cataloguer_item_is_rejected_with_a_comment_fixed_and_approved(
    live_server, settings, staff_site, staff, browse, tmp_path
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.KUTUBXONA_IMAGE_DERIVATIVES = []
    scan = tmp_path / "boburnoma-f1r.png"
    scan.write_bytes(make_image_file("boburnoma-f1r.png", size=(600, 800), text="f. 1r").read())

    cataloguer = browse("cataloguer")
    cataloguer.goto(live_server.url + "/admin/snippets/catalogue/item/add/")
    cataloguer.fill("#id_title", "Boburnoma")
    cataloguer.fill("#id_date", "1589")
    cataloguer.get_by_role("tab", name="Files").click()
    cataloguer.locator("#id_files-ADD, button:has-text('Add file')").first.click()
    cataloguer.select_option("#id_files-0-kind", "scan")
    cataloguer.fill("#id_files-0-label", "f. 1r")
    cataloguer.locator("#id_files-0-image-chooser").get_by_role("button", name=re.compile("Choose", re.I)).click()
    modal = cataloguer.locator(".modal-content").last
    modal.get_by_role("tab", name=re.compile("Upload", re.I)).click()
    modal.locator("input[type=file]").set_input_files(str(scan))
    modal.locator("input[name='image-chooser-upload-title'], #id_image-chooser-upload-title").fill("Boburnoma f. 1r")
    alt = modal.locator("#id_image-chooser-upload-alt_text")
    if alt.count():
        alt.fill("Boburnoma, 1-varaq oʻngi")
    modal.locator("form button[type=submit], form input[type=submit]").last.click()
    cataloguer.locator("#id_files-0-image-chooser").get_by_text("Boburnoma f. 1r").wait_for()
    footer_action(cataloguer, "action-submit")
    cataloguer.get_by_text("submitted for moderation").wait_for()

    item = Item.objects.get(title="Boburnoma")
    assert item.workflow_in_progress and not item.live
    assert item.files.filter(kind="scan", image__title="Boburnoma f. 1r").count() == 1

    curator = browse("curator")
    curator.goto(f"{live_server.url}/admin/snippets/catalogue/item/edit/{item.pk}/")
    workflow_action(curator, "reject", comment="Sanani hijriy yil bilan ham yozing.")
    item.refresh_from_db()
    assert not item.workflow_in_progress and not item.live
    rejection = [m for m in mail.outbox if "cataloguer@example.org" in m.to][-1]
    assert "Sanani hijriy yil bilan ham yozing." in rejection.body

    # The cataloguer sees the comment in the editor, fixes the date and resubmits.
    cataloguer.goto(f"{live_server.url}/admin/snippets/catalogue/item/edit/{item.pk}/")
    assert "Sanani hijriy yil bilan ham yozing." in cataloguer.content()
    cataloguer.fill("#id_date", "997 AH")
    footer_action(cataloguer, "action-submit")
    cataloguer.get_by_text("submitted for moderation").wait_for()
    item.refresh_from_db()
    assert item.workflow_in_progress

    curator.goto(f"{live_server.url}/admin/snippets/catalogue/item/edit/{item.pk}/")
    workflow_action(curator, "approve")
    item.refresh_from_db()
    assert item.live and item.date == "997 AH"

    visitor = browse()
    response = visitor.goto(live_server.url + item.get_url())
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == "Boburnoma"


# --- 3. A scheduled exhibit goes live only when publish_scheduled runs after its time ----------


def test_curator_schedules_an_exhibit(live_server, settings, staff_site, staff, browse):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    today = timezone.localdate()
    exhibit = ExhibitPage(
        title="Temuriylar sanʼati",
        slug="temuriylar",
        start_date=today + datetime.timedelta(days=7),
        end_date=today + datetime.timedelta(days=60),
        venue="Koʻrgazmalar zali",
        summary="Temuriylar davri kitob sanʼati.",
        live=False,
    )
    staff_site.exhibits.add_child(instance=exhibit)
    exhibit.save_revision()
    go_live = timezone.localtime().replace(second=0, microsecond=0) + datetime.timedelta(days=3)
    url = live_server.url + "/exhibits/temuriylar/"

    curator = browse("curator")
    curator.goto(f"{live_server.url}/admin/pages/{exhibit.pk}/edit/")
    curator.locator("[data-side-panel-toggle='status']").click()
    curator.get_by_role("button", name=re.compile("Set schedule", re.I)).click()
    dialog = curator.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker opened by the field may lie over the dialog's buttons (where depends on
    # the window and the timing): the button gets its click event directly, not through the mouse.
    dialog.get_by_role("button", name=re.compile("Save schedule", re.I)).dispatch_event("click")
    with curator.expect_navigation():
        footer_action(curator, "action-publish")

    exhibit.refresh_from_db()
    assert not exhibit.live
    assert exhibit.scheduled_revision is not None
    visitor = browse()
    assert visitor.goto(url).status == 404

    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert visitor.goto(url).status == 404  # not yet

    with time_machine.travel(go_live + datetime.timedelta(minutes=5), tick=False):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    response = visitor.goto(url)
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == "Temuriylar sanʼati"


# --- 4. Typing the edit URL of an exhibit does not let an educator in ----------------------------


def test_educator_typing_an_exhibit_edit_url_is_refused(live_server, staff_site, staff, browse):
    today = timezone.localdate()
    exhibit = publish_child(
        staff_site.exhibits,
        ExhibitPage(
            title="Temuriylar sanʼati",
            slug="temuriylar",
            start_date=today,
            end_date=today + datetime.timedelta(days=60),
            venue="Zal",
            summary="Qisqacha.",
        ),
    )
    educator = browse("educator")
    for path in (
        f"/admin/pages/{exhibit.pk}/edit/",
        f"/admin/pages/{exhibit.pk}/delete/",
        f"/admin/pages/{exhibit.pk}/unpublish/",
        f"/admin/pages/add/exhibits/exhibitpage/{staff_site.exhibits.pk}/",
    ):
        educator.goto(live_server.url + path)
        assert educator.locator("form#page-edit-form").count() == 0, path
        assert "permission" in educator.locator(".messages, main").first.inner_text().lower(), path
    exhibit.refresh_from_db()
    assert exhibit.live
