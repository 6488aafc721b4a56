"""A round trip: the library's own OAI-PMH endpoint, harvested over HTTP by its own harvester into
another collection, gives records whose Dublin Core is that of the originals.

What may differ is only what names a record itself: its page and manifest addresses, and the
provenance the harvester adds (the OAI identifier and the addresses of the original).
"""

from collections import Counter

import pytest
from lxml import etree

from catalogue.factories import ItemFactory
from catalogue.models import (
    Agent,
    AlternativeTitle,
    ItemAgent,
    ItemIdentifier,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    Language,
    Place,
    RightsStatement,
    Subject,
)
from catalogue.records import XML_LANG, dublin_core
from harvest.harvester import harvest
from harvest.models import HarvestRun, HarvestSource
from media_library.iiif import manifest_url
from media_library.tiles import absolute
from oai.sync import rebuild_pending

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("restore_migration_data"),
]


def values(item):
    """The record's DC values as a multiset of (element, language, text), without its own addresses."""
    own = {absolute(item.get_url() or ""), manifest_url(item)}
    found = Counter()
    for node in dublin_core(item):
        element = etree.QName(node.tag).localname
        if element == "identifier" and node.text in own:
            continue
        found[(element, node.get(XML_LANG), node.text)] += 1
    return found


@pytest.fixture
def originals(library):
    navoiy, bobur = Agent.objects.create(name="Alisher Navoiy"), Agent.objects.create(name="Mirzo Ulugʻbek")
    poetry, astronomy = Subject.objects.create(label="Sheʼriyat"), Subject.objects.create(label="Astronomiya")
    samarqand = Place.objects.create(name="Samarqand")
    rights = RightsStatement.objects.filter(uri__startswith="http").first()
    first = ItemFactory.build(
        title="Xamsa",
        title_language="uz-Latn",
        description="<p>Besh dostondan iborat asar.</p>",
        publisher="Fan",
        place_of_publication="Toshkent",
        date="1960",
        format="Qoʻlyozma",
        extent="320 varaq",
        source="Oʻzbekiston Milliy kutubxonasi fondi",
        temporal_coverage="XV asr",
        rights=rights,
        rights_holder="Oʻzbekiston Milliy kutubxonasi",
        live=False,
    )
    first.save()
    first.alternative_titles = [AlternativeTitle(title="Хамса", language="uz-Cyrl")]
    first.agent_links = [
        ItemAgent(agent=navoiy, role=ItemAgent.Role.CREATOR, dc_element="creator"),
        ItemAgent(agent=bobur, role=ItemAgent.Role.CONTRIBUTOR, dc_element="contributor"),
    ]
    first.subject_links = [ItemSubject(subject=poetry)]
    first.place_links = [ItemPlace(place=samarqand)]
    first.identifiers = [ItemIdentifier(scheme="isbn", value="9789943000000")]
    first.relations = [ItemRelation(uri="https://example.org/xamsa", relation_type=ItemRelation.RelationType.RELATION)]
    first.languages = list(Language.objects.filter(code__in=["uzb", "per"]))
    first.collections = [library.manuscripts]
    first.primary_collection = library.manuscripts
    first.save()
    first.save_revision().publish()
    second = ItemFactory(title="Ziji Koʻragoniy", date="1437", subjects=[astronomy], collections=[library.manuscripts])
    second.languages = list(Language.objects.filter(code="fas")) or list(Language.objects.filter(code="per"))
    second.save()
    second.save_revision().publish()
    while rebuild_pending():
        pass
    return [first, second]


def test_the_own_endpoint_harvested_into_another_collection_gives_the_same_metadata(live_server, library, originals):
    source = HarvestSource.objects.create(
        name="Kutubxona itself",
        base_url=f"{live_server.url}/oai/",
        set_spec=f"collection:{library.manuscripts.pk}",
        target_collection=library.photographs,
    )
    run = harvest(source)
    assert run.status == HarvestRun.Status.SUCCEEDED, run.report
    assert (run.created, run.failed) == (2, 0), run.report

    for original in originals:
        record = source.records.get(identifier__endswith=f":{original.pk}")
        copy = record.item
        assert copy.pk != original.pk and list(copy.collections.all()) == [library.photographs]
        expected = values(original)
        got = values(copy)
        provenance = {
            key
            for key in got
            if key[0] == "identifier" and (key[2].startswith("oai:oai:") or key[2].startswith("uri:"))
        }
        assert {key[2] for key in provenance} == {
            f"oai:{record.identifier}",
            f"uri:{absolute(original.get_url() or '')}",
            f"uri:{manifest_url(original)}",
        }
        for key in provenance:
            del got[key]
        assert got == expected

    # A second harvest finds nothing new and duplicates nothing.
    again = harvest(source)
    assert again.status == HarvestRun.Status.SUCCEEDED and again.created == 0
    assert source.records.count() == 2
