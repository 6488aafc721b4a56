"""Review by email: reviewers hear of a submission, the author of the decision and its comment.

Wagtail's own notifiers send the mail; these tests hold the library's settings and roles to
that behaviour through the admin views, as the staff use them.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from catalogue.models import Item
from exhibits.models import ExhibitPage

from .catalogue.item_form import item_form_data
from .conftest import as_role

pytestmark = pytest.mark.django_db

ITEM_ADD = "wagtailsnippets_catalogue_item:add"
ITEM_EDIT = "wagtailsnippets_catalogue_item:edit"
ITEM_ACTION = "wagtailsnippets_catalogue_item:workflow_action"


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def item_action(client, item, action, comment=""):
    task_state = item.current_workflow_task_state
    response = client.post(reverse(ITEM_ACTION, args=[item.pk, action, task_state.pk]), {"comment": comment})
    assert response.status_code in (200, 302), response.content[:500]


def test_item_review_mails_curators_then_the_cataloguer_with_the_comment(client, staff_site, make_user, superuser):
    curator = make_user("Curators", "curator")
    make_user("Reviewers", "reviewer")  # not on the catalogue's task: hears nothing
    cataloguer = as_role(client, make_user, "Cataloguers", "cataloguer")

    client.post(reverse(ITEM_ADD), item_form_data(title="Boburnoma", **{"action-submit": "submit"}))
    item = Item.objects.get(title="Boburnoma")
    assert item.workflow_in_progress
    # Curators approve items; superusers are not copied unless configured.
    assert recipients() == ["curator@example.org"]
    submitted = mail.outbox[0]
    assert "Boburnoma" in submitted.subject
    assert f"/admin/snippets/catalogue/item/edit/{item.pk}/" in submitted.body

    mail.outbox.clear()
    client.force_login(curator)
    item_action(client, item, "reject", comment="Sana manbasini koʻrsating.")
    item.refresh_from_db()
    assert not item.workflow_in_progress and not item.live
    assert recipients() == ["cataloguer@example.org"]
    rejected = mail.outbox[0]
    assert "rejected" in rejected.subject.lower()
    assert "Sana manbasini koʻrsating." in rejected.body
    # The HTML part carries the comment as well.
    html = rejected.alternatives[0][0]
    assert "Sana manbasini koʻrsating." in html

    mail.outbox.clear()
    client.force_login(cataloguer)
    client.post(
        reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title="Boburnoma", date="1530", **{"action-submit": "s"})
    )
    item.refresh_from_db()
    assert item.workflow_in_progress
    assert recipients() == ["curator@example.org"]

    mail.outbox.clear()
    client.force_login(curator)
    item_action(client, item, "approve", comment="")
    item.refresh_from_db()
    assert item.live
    assert recipients() == ["cataloguer@example.org"]
    assert "approved" in mail.outbox[0].subject.lower()


def test_user_who_turned_notifications_off_gets_none(client, staff_site, make_user):
    curator = make_user("Curators", "curator")
    profile = UserProfile.get_for_user(curator)
    profile.submitted_notifications = False
    profile.save()
    as_role(client, make_user, "Cataloguers", "cataloguer")
    client.post(reverse(ITEM_ADD), item_form_data(title="Xamsa", **{"action-submit": "submit"}))
    assert Item.objects.get(title="Xamsa").workflow_in_progress
    assert mail.outbox == []


def test_superusers_are_copied_when_the_library_asks_for_it(client, settings, staff_site, make_user, superuser):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
    make_user("Curators", "curator")
    as_role(client, make_user, "Cataloguers", "cataloguer")
    client.post(reverse(ITEM_ADD), item_form_data(title="Xamsa", **{"action-submit": "submit"}))
    assert set(recipients()) == {"curator@example.org", "admin@example.org"}


def test_exhibit_review_mails_reviewers_then_curators(client, staff_site, make_user, superuser):
    reviewer = make_user("Reviewers", "reviewer")
    make_user("Curators", "curator")
    exhibit = ExhibitPage(
        title="Temuriylar sanʼati",
        slug="temuriylar",
        start_date=timezone.localdate(),
        end_date=timezone.localdate() + datetime.timedelta(days=30),
        venue="Zal",
        summary="Qisqacha.",
        live=False,
    )
    staff_site.exhibits.add_child(instance=exhibit)
    exhibit.save_revision(user=superuser)
    workflow_state = exhibit.get_workflow().start(exhibit, superuser)
    # The first task belongs to the reviewers.
    assert recipients() == ["reviewer@example.org"]
    assert "Temuriylar sanʼati" in mail.outbox[0].subject

    mail.outbox.clear()
    client.force_login(reviewer)
    task_state = workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[exhibit.pk, "approve", task_state.pk])
    client.post(url, {"comment": "Matn tayyor."})
    # Approved by the reviewer: the curators are asked next; the author hears of the step.
    assert "curator@example.org" in recipients()
    assert "reviewer@example.org" not in recipients()
