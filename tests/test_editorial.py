"""Editorial tools the staff rely on: scheduled publishing and expiry, revisions, locking,
comments and the dashboard panels, through the admin views."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, Revision

from catalogue.factories import ItemFactory
from catalogue.models import Item
from exhibits.models import ExhibitPage

from .catalogue.item_form import item_form_data
from .conftest import as_role, english_admin, publish_child

pytestmark = pytest.mark.django_db

ITEM_ADD = "wagtailsnippets_catalogue_item:add"
ITEM_EDIT = "wagtailsnippets_catalogue_item:edit"


@pytest.fixture
def make_user(make_user):
    """conftest's make_user (also behind as_role), with the admin in English."""
    return lambda role, username=None: english_admin(make_user(role, username))


@pytest.fixture
def superuser(superuser):
    return english_admin(superuser)


def publish_scheduled():
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def admin_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def exhibit(**fields):
    today = timezone.localdate()
    defaults = {
        "title": "Temuriylar sanʼati",
        "slug": "temuriylar",
        "start_date": today,
        "end_date": today + datetime.timedelta(days=30),
        "venue": "Zal",
        "summary": "Qisqacha.",
    }
    return ExhibitPage(**{**defaults, **fields})


# --- Scheduled publishing and expiry ---------------------------------------------------------


def test_item_scheduled_by_a_curator_goes_live_when_publish_scheduled_runs(client, staff_site, make_user):
    as_role(client, make_user, "Curators")
    go_live = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    response = client.post(
        reverse(ITEM_ADD),
        item_form_data(title="Boburnoma", go_live_at=admin_datetime(go_live), **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    item = Item.objects.get(title="Boburnoma")
    assert not item.live
    assert item.scheduled_revision.approved_go_live_at == go_live
    client.logout()
    assert client.get(item.get_url()).status_code == 404

    publish_scheduled()  # before the go-live time: nothing happens
    item.refresh_from_db()
    assert not item.live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        publish_scheduled()
    item.refresh_from_db()
    assert item.live
    assert client.get(item.get_url()).status_code == 200


def test_item_and_page_expire(client, staff_site, superuser):
    expire = timezone.now() + datetime.timedelta(days=1)
    item = ItemFactory(title="Vaqtinchalik", expire_at=expire)
    page = publish_child(staff_site.exhibits, exhibit(expire_at=expire))
    assert client.get(item.get_url()).status_code == 200
    assert client.get(page.url).status_code == 200

    with time_machine.travel(expire + datetime.timedelta(minutes=1), tick=False):
        publish_scheduled()
    item.refresh_from_db()
    page.refresh_from_db()
    assert not item.live and item.expired
    assert not page.live and page.expired
    assert client.get(item.get_url()).status_code == 404
    assert client.get(page.url).status_code == 404


# --- Revisions: history, compare, revert -----------------------------------------------------


def test_curator_compares_and_reverts_item_revisions(client, staff_site, make_user):
    as_role(client, make_user, "Curators")
    client.post(reverse(ITEM_ADD), item_form_data(title="Boburnoma", **{"action-publish": "p"}))
    item = Item.objects.get(title="Boburnoma")
    client.post(reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title="Boburnoma (nusxa)"))
    first, second = Revision.objects.for_instance(item).order_by("created_at", "pk")

    history = client.get(reverse("wagtailsnippets_catalogue_item:history", args=[item.pk]))
    assert history.status_code == 200
    compare = client.get(
        reverse("wagtailsnippets_catalogue_item:revisions_compare", args=[item.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    assert "nusxa" in compare.content.decode()

    # Reverting opens the editor on the old revision; saving it makes a new latest revision.
    revert = client.get(reverse("wagtailsnippets_catalogue_item:revisions_revert", args=[item.pk, first.pk]))
    assert revert.status_code == 200
    assert 'value="Boburnoma"' in revert.content.decode()
    client.post(
        reverse("wagtailsnippets_catalogue_item:revisions_revert", args=[item.pk, first.pk]),
        item_form_data(title="Boburnoma", **{"action-publish": "p"}),
    )
    item.refresh_from_db()
    assert item.title == "Boburnoma" and item.live
    assert Revision.objects.for_instance(item).count() == 3


def test_page_revisions_compare_and_revert(client, staff_site, make_user):
    as_role(client, make_user, "Curators")
    page = publish_child(staff_site.exhibits, exhibit())
    page.title = "Temuriylar davri sanʼati"
    page.save_revision()
    first, second = page.revisions.order_by("created_at", "pk")
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]))
    assert compare.status_code == 200 and "Temuriylar davri sanʼati" in compare.content.decode()
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))
    assert revert.status_code == 200


# --- Locking --------------------------------------------------------------------------------


def test_a_locked_item_cannot_be_saved_by_another_cataloguer(client, staff_site, make_user):
    item = ItemFactory(title="Xamsa", live=False)
    as_role(client, make_user, "Cataloguers", "first")
    response = client.post(reverse("wagtailsnippets_catalogue_item:lock", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.locked

    as_role(client, make_user, "Cataloguers", "second")
    edit = client.get(reverse(ITEM_EDIT, args=[item.pk]))
    assert "locked" in edit.content.decode().lower()
    client.post(reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title="Xamsa (changed)"))
    item.refresh_from_db()
    assert item.title == "Xamsa"
    assert Revision.objects.for_instance(item).filter(content__title="Xamsa (changed)").count() == 0


def test_a_locked_exhibit_page_refuses_other_editors(client, staff_site, make_user):
    page = publish_child(staff_site.exhibits, exhibit())
    as_role(client, make_user, "Curators", "first")
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    page.refresh_from_db()
    assert page.locked
    second = as_role(client, make_user, "Curators", "second")
    assert page.get_lock().for_user(second) is not None
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "locked" in edit.content.decode().lower()


# --- Comments -------------------------------------------------------------------------------


def test_reviewer_comments_are_kept_with_the_page(client, staff_site, make_user):
    page = publish_child(staff_site.exhibits, exhibit())
    curator = make_user("Curators", "curator")
    Comment.objects.create(
        page=page,
        user=curator,
        text="Kirish qismini qisqartiring.",
        contentpath="title",
        revision_created=page.latest_revision,
    )
    client.force_login(curator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert "Kirish qismini qisqartiring." in edit.content.decode()


# --- Dashboard panels -----------------------------------------------------------------------


def test_dashboard_shows_my_drafts_and_recently_published(client, staff_site, make_user):
    cataloguer = as_role(client, make_user, "Cataloguers")
    client.post(reverse(ITEM_ADD), item_form_data(title="Qoraqalpoq dostonlari"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My drafts" in home
    assert "Qoraqalpoq dostonlari" in home.split('id="my-drafts-section"')[1].split("</section>")[0]

    curator = make_user("Curators", "curator")
    client.force_login(curator)
    item = Item.objects.get(title="Qoraqalpoq dostonlari")
    client.post(reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title=item.title, **{"action-publish": "p"}))
    item.refresh_from_db()
    assert item.live

    client.force_login(cataloguer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    drafts = home.split('id="my-drafts-section"')[1].split("</section>")[0]
    published = home.split('id="recently-published-section"')[1].split("</section>")[0]
    assert "Qoraqalpoq dostonlari" not in drafts  # published by the curator since
    assert "Qoraqalpoq dostonlari" in published
    assert item.get_url() in published
