"""Harvesting OAI-PMH sources: a real harvest over HTTP from a small provider on the live server.

The provider (tests/harvest/oai_server.py) pages its records two at a time with resumption
tokens, honours `from`, and can fail once on a page, as a repository under load does.
"""

import datetime
import io

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.utils import translation

from catalogue.models import Item, ItemIdentifier
from harvest.harvester import LOCK_CLASS, HarvestLocked, harvest
from harvest.models import HarvestedRecord, HarvestRun, HarvestSource
from tests.conftest import english_admin
from tests.harvest.oai_server import REPOSITORY, Repository

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("restore_migration_data"),
]


@pytest.fixture(autouse=True)
def in_english():
    """Reports are written in the language active during the run; these tests read them in English
    (the catalogues are checked in tests/i18n)."""
    with translation.override("en"):
        yield


@pytest.fixture
def provider(live_server, settings):
    settings.ROOT_URLCONF = "tests.harvest.oai_server"
    REPOSITORY.__dict__.update(Repository().__dict__)
    REPOSITORY.add(
        "oai:partner:1",
        "2024-01-10",
        title=[("Boburnoma", "uz-Latn"), ("Бобурнома", "uz-Cyrl")],
        creator=["Zahiriddin Muhammad Bobur"],
        subject=["Tarix"],
        language=["uzb"],
        date=["1530"],
        type=["http://purl.org/dc/dcmitype/Text"],
        identifier=["https://partner.example.org/records/1"],
        coverage=["Samarqand", "XVI asr"],
    )
    REPOSITORY.add("oai:partner:2", "2024-01-11", title="Xamsa", creator=["Alisher Navoiy"], language=["uz"])
    REPOSITORY.add("oai:partner:3", "2024-01-12", subject=["A record without a title"])
    REPOSITORY.add("oai:partner:4", "2024-01-13", title="Devon", creator=["Alisher Navoiy"], type=["Image"])
    REPOSITORY.add("oai:partner:5", "2024-01-14", deleted=True)
    return f"{live_server.url}/oai"


@pytest.fixture
def source(provider, library):
    return HarvestSource.objects.create(name="Partner library", base_url=provider, target_collection=library.navoiy)


def harvested_items(source):
    return Item.objects.filter(harvested_from__source=source)


def test_full_harvest_creates_items_and_reports_bad_records(source, library):
    run = harvest(source)
    assert run.status == HarvestRun.Status.SUCCEEDED
    assert (run.created, run.updated, run.deleted, run.failed) == (3, 0, 0, 1)
    assert "oai:partner:3: not harvested, it has no dc:title." in run.report
    items = harvested_items(source)
    assert sorted(items.values_list("title", flat=True)) == ["Boburnoma", "Devon", "Xamsa"]
    assert set(Item.objects.public().filter(pk__in=items).values_list("title", flat=True)) == {
        "Boburnoma",
        "Devon",
        "Xamsa",
    }
    bobur = items.get(title="Boburnoma")
    assert bobur.title_language == "uz-Latn"
    assert [(t.title, t.language) for t in bobur.alternative_titles.all()] == [("Бобурнома", "uz-Cyrl")]
    assert [link.agent.name for link in bobur.agent_links.all()] == ["Zahiriddin Muhammad Bobur"]
    assert [link.subject.label for link in bobur.subject_links.all()] == ["Tarix"]
    assert [lang.code for lang in bobur.languages.all()] == ["uzb"]
    assert [link.place.name for link in bobur.place_links.all()] == ["Samarqand"]
    assert bobur.temporal_coverage == "XVI asr"
    assert bobur.year_from == 1530
    assert list(bobur.collections.all()) == [library.navoiy]
    assert ItemIdentifier.objects.filter(item=bobur, scheme="oai", value="oai:partner:1").exists()
    assert items.get(title="Devon").dcmi_type == "Image"
    # One agent for the two records of Navoiy: the vocabulary is reused, not duplicated.
    assert {
        link.agent_id for i in items.filter(title__in=["Xamsa", "Devon"]) for link in i.agent_links.all()
    }.__len__() == 1
    source.refresh_from_db()
    assert source.last_success_datestamp.isoformat() == "2024-03-01T12:00:00+00:00"
    assert source.granularity == "YYYY-MM-DD"


def test_incremental_harvest_updates_by_identifier_and_applies_deletions(source):
    harvest(source)
    first_ids = set(harvested_items(source).values_list("pk", flat=True))
    REPOSITORY.requests.clear()
    REPOSITORY.response_date = "2024-04-01T12:00:00Z"
    REPOSITORY.add("oai:partner:2", "2024-03-05", title="Xamsa (Hirot nusxasi)", creator=["Alisher Navoiy"])
    REPOSITORY.add("oai:partner:4", "2024-03-06", deleted=True)

    run = harvest(source)

    assert REPOSITORY.requests[0] == {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-03-01"}
    assert (run.created, run.updated, run.deleted, run.failed) == (0, 1, 1, 0)
    assert set(harvested_items(source).values_list("pk", flat=True)) == first_ids  # nothing duplicated
    public_titles = set(Item.objects.public().filter(pk__in=first_ids).values_list("title", flat=True))
    assert public_titles == {"Boburnoma", "Xamsa (Hirot nusxasi)"}
    assert HarvestedRecord.objects.get(identifier="oai:partner:4").deleted
    source.refresh_from_db()
    assert source.last_success_datestamp.isoformat() == "2024-04-01T12:00:00+00:00"


def test_an_interrupted_harvest_continues_where_it_stopped(source):
    REPOSITORY.fail_once_at = {2}
    with pytest.raises(CommandError, match="Interrupted: Partner library"):
        call_command("harvest_oai", stdout=io.StringIO(), stderr=io.StringIO())
    interrupted = source.runs.get()
    assert interrupted.status == HarvestRun.Status.FAILED
    assert interrupted.created == 2  # the first page was kept
    assert interrupted.resumption_token == "|2"
    assert "HTTPError" in interrupted.report
    source.refresh_from_db()
    assert source.last_success_datestamp is None

    REPOSITORY.requests.clear()
    out = io.StringIO()
    call_command("harvest_oai", str(source.pk), stdout=out, stderr=io.StringIO())
    resumed = source.runs.order_by("-started_at").first()
    assert REPOSITORY.requests[0] == {"verb": "ListRecords", "resumptionToken": "|2"}
    assert resumed.status == HarvestRun.Status.SUCCEEDED
    assert resumed.resumed_from == interrupted
    assert (resumed.created, resumed.failed) == (1, 1)
    interrupted.refresh_from_db()
    assert interrupted.status == HarvestRun.Status.RESUMED
    assert harvested_items(source).count() == 3
    assert HarvestedRecord.objects.filter(source=source, item__isnull=False).count() == 3
    assert "Partner library: Succeeded" in out.getvalue()
    source.refresh_from_db()
    assert source.last_success_datestamp.isoformat() == "2024-03-01T12:00:00+00:00"


def test_a_second_run_of_one_source_does_not_overlap(source):
    settings = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
    )
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_CLASS, source.pk])
        with pytest.raises(HarvestLocked):
            harvest(source)
        assert not source.runs.exists()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, source.pk])
    finally:
        other.close()
    assert harvest(source).status == HarvestRun.Status.SUCCEEDED


def test_due_runs_only_sources_whose_interval_has_passed(source, library):
    harvest(source)
    idle = HarvestSource.objects.create(name="Idle", base_url=source.base_url, target_collection=library.navoiy)
    disabled = HarvestSource.objects.create(
        name="Off", base_url=source.base_url, target_collection=library.navoiy, enabled=False
    )
    call_command("harvest_oai", "--due", stdout=io.StringIO())
    assert source.runs.count() == 1  # harvested within its 24 hours
    assert idle.runs.count() == 1
    assert not disabled.runs.exists()
    # Once its interval has passed, the source is due again.
    source.runs.update(started_at=F("started_at") - datetime.timedelta(hours=25))
    call_command("harvest_oai", "--due", stdout=io.StringIO())
    assert source.runs.count() == 2
    assert idle.runs.count() == 1


def test_unknown_source_id_is_named(source):
    with pytest.raises(CommandError, match="No harvest source with id 999"):
        call_command("harvest_oai", "999")


def test_curators_manage_sources_and_read_run_reports(client, source, make_user):
    from tests.conftest import setup_roles

    setup_roles()
    curator = make_user("Curators")
    client.force_login(english_admin(curator))
    listing = client.get("/admin/harvest/harvestsource/")
    assert listing.status_code == 200
    assert "Partner library" in listing.content.decode()
    assert client.get(f"/admin/harvest/harvestsource/edit/{source.pk}/").status_code == 200
    created = client.post(
        "/admin/harvest/harvestsource/create/",
        {
            "name": "Second partner",
            "base_url": source.base_url,
            "set_spec": "",
            "metadata_prefix": "oai_dc",
            "target_collection": source.target_collection_id,
            "enabled": "on",
            "interval_hours": "12",
            "last_success_datestamp": "",
        },
    )
    assert created.status_code == 302, created.content.decode()[:2000]
    assert HarvestSource.objects.get(name="Second partner").interval_hours == 12
    # "Harvest now": a confirmation, then the run (immediate tasks in the tests).
    assert client.get(f"/admin/harvest/source/{source.pk}/harvest/").status_code == 200
    response = client.post(f"/admin/harvest/source/{source.pk}/harvest/")
    assert response.status_code == 302
    run = source.runs.get()
    assert run.status == HarvestRun.Status.SUCCEEDED
    runs = client.get(f"/admin/harvest/harvestrun/?source__id__exact={source.pk}")
    assert runs.status_code == 200
    report = client.get(f"/admin/harvest/harvestrun/inspect/{run.pk}/")
    assert "oai:partner:3: not harvested, it has no dc:title." in report.content.decode()
    # Runs are written by the harvester only.
    assert client.get(f"/admin/harvest/harvestrun/edit/{run.pk}/").status_code in (302, 403)


def test_cataloguers_do_not_manage_sources(client, source, make_user):
    from tests.conftest import setup_roles

    setup_roles()
    client.force_login(make_user("Cataloguers"))
    assert client.get("/admin/harvest/harvestsource/").status_code in (302, 403)
    assert client.post(f"/admin/harvest/source/{source.pk}/harvest/").status_code in (302, 403)
    assert not source.runs.exists()


def test_each_kind_of_bad_record_is_named_and_the_good_ones_kept(source):
    REPOSITORY.add("oai:partner:6", "2024-01-15", title="No metadata", no_metadata=True)
    REPOSITORY.add("oai:partner:7", "2024-01-16", title="Unknown language", language=["xx-Zzzz"])
    run = harvest(source)
    assert (run.created, run.failed) == (4, 2)
    assert "oai:partner:6: not harvested, the record has no metadata." in run.report
    assert "oai:partner:3: not harvested, it has no dc:title." in run.report
    assert "oai:partner:7: language “xx-Zzzz” not recognised." in run.report
    assert run.report.splitlines()[-1] == "4 created, 0 updated, 0 deleted, 2 failed."
