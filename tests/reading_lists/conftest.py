import pytest

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import Language
from reading_lists.models import ReadingListIndexPage


@pytest.fixture
def reading_lists(library):
    index = ReadingListIndexPage(title="Oʻquv roʻyxatlari", slug="reading-lists")
    library.home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


@pytest.fixture
def uzbek():
    return Language.objects.get_or_create(code="uzb", defaults={"name": "Uzbek", "iso639_1": "uz"})[0]


@pytest.fixture
def russian():
    return Language.objects.get_or_create(code="rus", defaults={"name": "Russian", "iso639_1": "ru"})[0]


@pytest.fixture
def navoiy():
    return AgentFactory(name="Alisher Navoiy")


@pytest.fixture
def poetry():
    return SubjectFactory(label="Sheʼriyat")


@pytest.fixture
def make_item(library, navoiy):
    def make(title, **kwargs):
        kwargs.setdefault("collections", [library.navoiy])
        kwargs.setdefault("creators", [navoiy])
        return ItemFactory(title=title, **kwargs)

    return make
