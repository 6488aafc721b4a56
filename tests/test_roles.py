"""`manage.py setup_roles`: staff groups and review workflows, checked through the admin as each role."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.factories import ItemFactory
from catalogue.models import Item
from catalogue.roles import ROLES
from exhibits.models import ExhibitIndexPage, ExhibitPage
from reading_lists.models import ReadingListIndexPage, ReadingListPage

from .catalogue.item_form import item_form_data
from .conftest import as_role, publish_child, setup_roles

pytestmark = pytest.mark.django_db

ITEM_ADD = "wagtailsnippets_catalogue_item:add"
ITEM_EDIT = "wagtailsnippets_catalogue_item:edit"


def denied(response):
    """Wagtail answers a view the user may not open with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and "/edit/" not in response["Location"])


def counts():
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "task groups": GroupApprovalTask.groups.through.objects.count(),
        "workflow tasks": WorkflowTask.objects.count(),
        "workflow content types": WorkflowContentType.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
    }


def reading_list_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": rich_text("<p>Darsga tayyorgarlik.</p>"),
            "audience": "university",
            "age_from": "",
            "age_to": "",
            "language": "",
            "learning_goals": rich_text(""),
            "subject_links": inline_formset([]),
            "educators": inline_formset([]),
            "body": streamfield([]),
            "comments": inline_formset([]),
            "listing_summary": "",
            "social_text": "",
            "seo_title": "",
            "search_description": "",
        }
    )


# --- The command -------------------------------------------------------------------------


def test_setup_roles_is_idempotent_and_completes_once_pages_exist(library):
    # Fresh site without the exhibits and reading-lists indexes: those parts wait.
    output = setup_roles()
    assert "no exhibits.ExhibitIndexPage page yet" in output
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
    assert not WorkflowPage.objects.filter(workflow__name__in=["Exhibit review", "Reading list review"]).exists()

    exhibits = publish_child(library.home, ExhibitIndexPage(title="Koʻrgazmalar", slug="exhibits"))
    reading_lists = publish_child(library.home, ReadingListIndexPage(title="Roʻyxatlar", slug="reading-lists"))
    setup_roles()
    first = counts()
    assert "nothing to do" in setup_roles()
    assert counts() == first

    assert WorkflowPage.objects.get(page=exhibits).workflow.name == "Exhibit review"
    assert WorkflowPage.objects.get(page=reading_lists).workflow.name == "Reading list review"
    assert Item.get_default_workflow().name == "Catalogue review"
    exhibit_tasks = [t.name for t in Workflow.objects.get(name="Exhibit review").tasks]
    assert exhibit_tasks == ["Reviewer approval", "Curator approval"]
    curator_task = GroupApprovalTask.objects.get(name="Curator approval")
    assert [g.name for g in curator_task.groups.all()] == ["Curators"]
    educators = GroupPagePermission.objects.filter(group__name="Educators")
    assert [(p.page_id, p.permission.codename) for p in educators] == [(reading_lists.pk, "add_page")]


def test_setup_roles_keeps_what_an_administrator_changed(staff_site):
    workflow = Workflow.objects.get(name="Catalogue review")
    WorkflowTask.objects.filter(workflow=workflow).delete()
    other = Workflow.objects.create(name="Local review")
    WorkflowPage.objects.filter(page=staff_site.exhibits).update(workflow=other)
    setup_roles()
    assert WorkflowPage.objects.get(page=staff_site.exhibits).workflow == other
    # A workflow left without tasks gets its tasks back; one with tasks is not touched.
    assert [t.name for t in workflow.tasks] == ["Curator approval"]


# --- Each role through the admin -----------------------------------------------------------


def test_cataloguer_adds_and_edits_items_but_cannot_publish(client, staff_site, make_user):
    as_role(client, make_user, "Cataloguers")
    assert client.get(reverse(ITEM_ADD)).status_code == 200
    response = client.post(reverse(ITEM_ADD), item_form_data(title="Boburnoma", **{"action-publish": "publish"}))
    assert response.status_code == 302
    item = Item.objects.get(title="Boburnoma")
    assert not item.live

    edit = client.get(reverse(ITEM_EDIT, args=[item.pk]))
    assert edit.status_code == 200
    assert 'name="action-publish"' not in edit.content.decode()
    assert 'name="action-submit"' in edit.content.decode()  # to "Catalogue review"
    client.post(reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title="Boburnoma", **{"action-publish": "publish"}))
    item.refresh_from_db()
    assert not item.live
    # Images: they may upload into the collections they are granted.
    assert client.get(reverse("wagtailimages:add")).status_code == 200


def test_curator_publishes_an_item(client, staff_site, make_user):
    as_role(client, make_user, "Curators")
    item = ItemFactory(title="Xamsa", live=False)
    edit = client.get(reverse(ITEM_EDIT, args=[item.pk]))
    assert 'name="action-publish"' in edit.content.decode()
    response = client.post(
        reverse(ITEM_EDIT, args=[item.pk]), item_form_data(title="Xamsa", **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.live
    # Curators also look after the vocabularies, the processing queue and the exhibits.
    assert client.get("/admin/catalogue/agent/").status_code == 200
    assert client.get(reverse("derivatives:index")).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[staff_site.exhibits.pk])).status_code == 200


def test_educator_creates_and_edits_own_reading_lists_only(client, staff_site, make_user):
    other = make_user("Educators", "other")
    theirs = ReadingListPage(title="Boshqa roʻyxat", slug="boshqa", owner=other)
    publish_child(staff_site.reading_lists, theirs)
    exhibit = publish_child(
        staff_site.exhibits,
        ExhibitPage(
            title="Koʻrgazma",
            slug="korgazma",
            start_date=timezone.localdate(),
            end_date=timezone.localdate() + datetime.timedelta(days=30),
            venue="Zal",
            summary="Qisqacha.",
        ),
    )
    educator = as_role(client, make_user, "Educators")

    add_url = reverse("wagtailadmin_pages:add", args=["reading_lists", "readinglistpage", staff_site.reading_lists.pk])
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, reading_list_form("Navoiy: 9-sinf", "navoiy-9-sinf"))
    assert response.status_code == 302
    mine = ReadingListPage.objects.get(slug="navoiy-9-sinf")
    assert mine.owner == educator
    assert client.get(reverse("wagtailadmin_pages:edit", args=[mine.pk])).status_code == 200

    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])))
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[exhibit.pk])))
    assert denied(client.get(reverse(ITEM_ADD)))
    # The item chooser needs no item permission.
    assert client.get(reverse("wagtailsnippetchoosers_catalogue_item:choose")).status_code == 200


def test_digitisation_uploads_media_but_does_not_edit_items(client, staff_site, make_user):
    as_role(client, make_user, "Digitisation")
    item = ItemFactory(title="Xamsa")
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtaildocs:add")).status_code == 200
    assert client.get(reverse("derivatives:index")).status_code == 200
    assert denied(client.get(reverse(ITEM_EDIT, args=[item.pk])))


def test_reviewer_has_no_edit_access_to_items(client, staff_site, make_user):
    as_role(client, make_user, "Reviewers")
    item = ItemFactory(title="Xamsa")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert denied(client.get(reverse(ITEM_EDIT, args=[item.pk])))
    assert denied(client.get(reverse(ITEM_ADD)))
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[staff_site.exhibits.pk])))


def test_reviewer_approves_an_exhibit_in_their_task_without_edit_rights(client, staff_site, make_user, superuser):
    exhibit = ExhibitPage(
        title="Koʻrgazma",
        slug="korgazma",
        start_date=timezone.localdate(),
        end_date=timezone.localdate() + datetime.timedelta(days=30),
        venue="Zal",
        summary="Qisqacha.",
        live=False,
    )
    staff_site.exhibits.add_child(instance=exhibit)
    exhibit.save_revision(user=superuser)
    workflow_state = exhibit.get_workflow().start(exhibit, superuser)
    task_state = workflow_state.current_task_state
    assert task_state.task.name == "Reviewer approval"

    as_role(client, make_user, "Reviewers")
    assert "Koʻrgazma" in client.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("wagtailadmin_pages:workflow_action", args=[exhibit.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Yaxshi."})
    assert response.status_code in (200, 302)
    workflow_state.refresh_from_db()
    assert workflow_state.current_task_state.task.name == "Curator approval"
    exhibit.refresh_from_db()
    assert not exhibit.live
