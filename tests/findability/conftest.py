import datetime

import pytest
from django.utils import timezone

from catalogue.factories import AgentFactory, ItemFactory, PlaceFactory, SubjectFactory
from catalogue.models import AccessLevel, ItemAgent, ItemPlace, Language

RESTRICTED = {
    "draft": {"live": False},
    "reading room": {"access_level": AccessLevel.READING_ROOM},
    "staff only": {"access_level": AccessLevel.STAFF},
    "embargoed": {"embargo_until": timezone.localdate() + datetime.timedelta(days=30)},
}


@pytest.fixture
def boburnoma(library):
    """A printed book with an author, an editor, an ISBN, a subject, a place and a language."""
    item = ItemFactory(
        title="Boburnoma",
        title_language="uz-Latn",
        date="1960",
        publisher="Fan",
        place_of_publication="Toshkent",
        extent="520 b.",
        description="<p>Memoirs of <b>Babur</b> & his times.</p>",
        collections=[library.manuscripts],
        creators=[AgentFactory(name="Zahiriddin Muhammad Bobur", wikidata_uri="https://www.wikidata.org/wiki/Q44360")],
        subjects=[SubjectFactory(label="Temuriylar tarixi")],
    )
    item.agent_links.add(
        ItemAgent(agent=AgentFactory(name="Porso Shamsiyev"), role=ItemAgent.Role.EDITOR, dc_element="contributor")
    )
    item.place_links.add(ItemPlace(place=PlaceFactory(name="Andijon")))
    item.identifiers.create(scheme="isbn", value="9780306406157")
    item.languages.set([Language.objects.get(code="uzb")])
    item.save()
    return item


def restricted_item(library, case, title="Maxfiy qoʻlyozma"):
    return ItemFactory(title=title, collections=[library.manuscripts], **RESTRICTED[case])
