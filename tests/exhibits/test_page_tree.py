"""Exhibits sit under the home page, in one index; a long exhibit is split into sections."""

from wagtail.test.utils import WagtailPageTestCase

from catalogue.models import CollectionPage
from exhibits.models import ExhibitIndexPage, ExhibitPage, ExhibitSectionPage
from home.models import HomePage, StandardPage


class ExhibitPageTreeTests(WagtailPageTestCase):
    def test_the_index_hangs_off_the_home_page(self):
        self.assertAllowedParentPageTypes(ExhibitIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ExhibitIndexPage, {ExhibitPage})

    def test_exhibits_live_in_the_index_and_hold_sections(self):
        self.assertAllowedParentPageTypes(ExhibitPage, {ExhibitIndexPage})
        self.assertAllowedSubpageTypes(ExhibitPage, {ExhibitSectionPage})

    def test_sections_belong_to_an_exhibit_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(ExhibitSectionPage, {ExhibitPage})
        self.assertAllowedSubpageTypes(ExhibitSectionPage, set())

    def test_pages_cannot_be_created_in_the_wrong_place(self):
        self.assertCanCreateAt(HomePage, ExhibitIndexPage)
        self.assertCanNotCreateAt(HomePage, ExhibitPage)
        self.assertCanNotCreateAt(StandardPage, ExhibitPage)
        self.assertCanNotCreateAt(ExhibitIndexPage, ExhibitSectionPage)
        self.assertCanNotCreateAt(ExhibitPage, ExhibitPage)
        self.assertCanNotCreateAt(ExhibitPage, CollectionPage)
        self.assertCanCreateAt(ExhibitIndexPage, ExhibitPage)
        self.assertCanCreateAt(ExhibitPage, ExhibitSectionPage)

    def test_one_exhibits_index_per_home_page(self):
        self.assertEqual(ExhibitIndexPage.max_count_per_parent, 1)
