"""Reading lists live under their index, the index under the home page; lists have no children."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.models import CollectionPage, ItemIndexPage
from home.models import HomePage, StandardPage
from reading_lists.models import ReadingListEducator, ReadingListIndexPage, ReadingListPage


class ReadingListPageTreeTests(WagtailPageTestCase):
    def test_the_index_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ReadingListIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ReadingListIndexPage, {ReadingListPage})

    def test_reading_lists_sit_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ReadingListPage, {ReadingListIndexPage})
        self.assertAllowedSubpageTypes(ReadingListPage, set())

    def test_home_page_offers_the_index(self):
        self.assertCanCreateAt(HomePage, ReadingListIndexPage)
        self.assertIn(ReadingListIndexPage, HomePage.allowed_subpage_models())

    def test_reading_lists_cannot_be_created_elsewhere(self):
        self.assertCanCreateAt(ReadingListIndexPage, ReadingListPage)
        for parent in (HomePage, StandardPage, CollectionPage, ItemIndexPage, ReadingListPage):
            self.assertCanNotCreateAt(parent, ReadingListPage)
        self.assertCanNotCreateAt(ReadingListPage, ReadingListIndexPage)
        self.assertCanNotCreateAt(StandardPage, ReadingListIndexPage)


def admin_form_data(title, **overrides):
    data = {
        "title": title,
        "slug": "navoiy-9-sinf",
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
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_an_educator_creates_a_list_in_the_admin_and_is_its_educator(client, reading_lists, superuser):
    superuser.first_name, superuser.last_name = "Dilnoza", "Karimova"
    superuser.save()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=["reading_lists", "readinglistpage", reading_lists.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, admin_form_data("Navoiy: 9-sinf"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ReadingListPage.objects.get(title="Navoiy: 9-sinf")
    assert list(ReadingListEducator.objects.filter(page=page).values_list("user", flat=True)) == [superuser.pk]
    assert page.get_latest_revision_as_object().educator_names() == ["Dilnoza Karimova"]


@pytest.mark.django_db
def test_ages_must_be_in_order(reading_lists):
    page = ReadingListPage(title="Ages", slug="ages", age_from=15, age_to=10)
    with pytest.raises(ValidationError) as exc:
        reading_lists.add_child(instance=page)
    assert "age_to" in exc.value.message_dict
