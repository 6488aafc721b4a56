"""The shape of the page tree is declared on the models: editors cannot build a wrong one."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from catalogue.models import CollectionIndexPage, CollectionPage, ItemIndexPage, VocabularyIndexPage
from exhibits.models import ExhibitIndexPage
from home.models import HomePage, StandardPage
from reading_lists.models import ReadingListIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                CollectionIndexPage,
                ItemIndexPage,
                VocabularyIndexPage,
                ExhibitIndexPage,
                ReadingListIndexPage,
            },
        )

    def test_collections_nest(self):
        self.assertAllowedParentPageTypes(CollectionPage, {CollectionIndexPage, CollectionPage})
        self.assertAllowedSubpageTypes(CollectionPage, {CollectionPage})
        self.assertAllowedSubpageTypes(CollectionIndexPage, {CollectionPage})

    def test_items_are_not_pages(self):
        self.assertAllowedSubpageTypes(ItemIndexPage, set())
        self.assertAllowedSubpageTypes(VocabularyIndexPage, set())

    def test_collections_cannot_be_created_outside_the_collections_index(self):
        self.assertCanNotCreateAt(HomePage, CollectionPage)
        self.assertCanNotCreateAt(StandardPage, CollectionPage)
        self.assertCanCreateAt(CollectionIndexPage, CollectionPage)
        self.assertCanCreateAt(CollectionPage, CollectionPage)

    def test_standard_pages_nest_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(CollectionPage, StandardPage)
