"""MARC import of real records (pymarc's test files): crosswalk, bad records, re-runs, cross-script search."""

import io
import re
import unicodedata

import pytest
from django.core.management import CommandError, call_command
from pymarc import Field, Indicators, MARCWriter, Record, Subfield

from catalogue.identifiers import IdentifierScheme
from catalogue.models import AccessLevel, Item, ItemAgent, ItemIdentifier

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_marc", *args, stdout=out, stderr=err)
        failed = None
    except CommandError as exc:
        failed = exc
    return out.getvalue(), err.getvalue(), failed


def run_changed(pymarc_file, tmp_path, tag, code, value):
    """Import the first record of pymarc's marc.dat with subfield `code` of field `tag` changed."""
    from pymarc import MARCReader

    with open(pymarc_file("marc.dat"), "rb") as f:
        record = next(MARCReader(f))
    record[tag][code] = value
    path = tmp_path / "changed.mrc"
    path.write_bytes(record.as_marc())
    return run(str(path))


def test_binary_marc_is_mapped_by_the_crosswalk(library, pymarc_file):
    out, err, failed = run(pymarc_file("marc.dat"))
    assert failed is None, err
    assert "20 created" in out and "records/s" in out
    assert "one by one" not in out  # the batch was created in bulk
    item = Item.objects.get(identifiers__scheme=IdentifierScheme.CONTROL_NUMBER, identifiers__value="11778504")
    assert item.title == "The pragmatic programmer : from journeyman to master"
    assert item.live and item.date == "2000" and item.year_from == 2000
    # Published as Wagtail publishes: the live revision is the latest, and history says so.
    assert item.live_revision_id == item.latest_revision_id and not item.has_unpublished_changes
    assert item.first_published_at and item.revisions.count() == 1
    from wagtail.models import ModelLogEntry

    actions = set(ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.publish"} <= actions
    assert item.publisher == "Addison-Wesley" and item.place_of_publication == "Reading, Mass"
    links = list(item.agent_links.select_related("agent"))
    assert [(link.agent.name, link.dc_element) for link in links] == [
        ("Hunt, Andrew", ItemAgent.DCElement.CREATOR),
        ("Thomas, David", ItemAgent.DCElement.CONTRIBUTOR),
    ]
    assert links[0].agent.dates == "1964-"
    assert [s.label for s in item.subjects] == ["Computer programming"]
    assert [lang.code for lang in item.languages.all()] == ["eng"]
    ids = set(item.identifiers.values_list("scheme", "value"))
    assert (IdentifierScheme.ISBN, "020161622X") in ids
    assert (IdentifierScheme.LCCN, "99043581") in ids
    assert "Includes bibliographical references" in item.description


def test_rerun_and_interrupted_run_make_no_duplicates(library, pymarc_file):
    out, _err, _failed = run(pymarc_file("marc.dat"), "--limit", "5")
    assert "5 created" in out
    out, _err, _failed = run(pymarc_file("marc.dat"))
    assert "15 created" in out and "5 unchanged" in out
    out, _err, _failed = run(pymarc_file("marc.dat"))
    assert "0 created" in out and "20 unchanged" in out
    assert Item.objects.count() == 20
    assert ItemIdentifier.objects.filter(scheme=IdentifierScheme.CONTROL_NUMBER).count() == 20


def test_changed_record_updates_its_item_with_a_revision(library, pymarc_file, tmp_path):
    run(pymarc_file("marc.dat"), "--limit", "1")
    item = Item.objects.get()
    revisions = item.revisions.count()
    out, _err, _failed = run_changed(pymarc_file, tmp_path, "245", "a", "The pragmatic programmer, second thoughts :")
    assert "1 updated" in out
    item.refresh_from_db()
    assert item.title == "The pragmatic programmer, second thoughts : from journeyman to master"
    assert item.revisions.count() == revisions + 1 and item.live


def test_russian_cp1251_file(library, pymarc_file):
    out, err, failed = run(pymarc_file("1251.dat"), "--encoding", "cp1251")
    assert failed is None, err
    assert "6 created" in out
    assert Item.objects.filter(title__startswith="Основы гидравлического расчета инженерных сетей").exists()


def test_bad_records_are_reported_and_the_rest_imported(library, pymarc_file):
    out, err, failed = run(pymarc_file("bad_records.mrc"))
    assert failed is not None and failed.returncode != 0
    reported = re.findall(r"record (\d+) \(byte offset (\d+)\): (.+)", err)
    assert [int(n) for n, _offset, _reason in reported] == [2, 3, 4, 5, 6, 7, 9]
    assert all(int(offset) > 0 for _n, offset, _reason in reported)
    assert "base address" in reported[0][2]
    assert "7 failed" in out
    # The two good records (the first and the eighth) are the same book: one item.
    assert Item.objects.filter(title__startswith="The pragmatic programmer").count() == 1


def test_marcxml_and_its_bad_record(library, pymarc_file):
    out, err, failed = run(pymarc_file("batch.xml"))
    assert failed is None, err
    assert "2 created" in out
    out, err, failed = run(pymarc_file("bad_tag.xml"))
    assert failed is not None
    assert "record 1" in err and "leader" in err


def uzbek_record(path, title, control="uz0001"):
    record = Record(force_utf8=True)
    record.add_field(Field(tag="001", data=control))
    record.add_field(Field(tag="003", data="DLC"))
    record.add_field(Field(tag="008", data="150101s2015    uz            000 0 uzb d"))
    record.add_field(
        Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", title), Subfield("c", "X.")])
    )
    with open(path, "wb") as f:
        writer = MARCWriter(f)
        writer.write(record)
        writer.close(close_fh=False)


@pytest.mark.parametrize("title", ["Oʹzbekiston tarikhi", "Ŭzbekiston tarikhi"])
def test_ala_lc_romanised_uzbek_is_found_from_cyrillic_and_latin(client, library, tmp_path, title):
    path = tmp_path / "uz.mrc"
    uzbek_record(path, title)
    _out, err, failed = run(str(path))
    assert failed is None, err
    item = Item.objects.get()
    assert [lang.code for lang in item.languages.all()] == ["uzb"]
    for query in ("Ўзбекистон тарихи", "O'zbekiston tarixi"):
        response = client.get("/search/", {"q": query})
        assert item.get_url() in response.content.decode(), query


def test_draft_import_stays_out_of_public_search(client, library, tmp_path):
    path = tmp_path / "uz.mrc"
    uzbek_record(path, "Ŭzbekiston tarikhi")
    run(str(path), "--draft")
    item = Item.objects.get()
    assert not item.live and item.access_level == AccessLevel.OPEN
    response = client.get("/search/", {"q": "Ўзбекистон"})
    assert f"/items/{item.pk}/" not in response.content.decode()


def test_dry_run_writes_nothing(library, pymarc_file):
    out, _err, _failed = run(pymarc_file("marc.dat"), "--dry-run")
    assert "Dry run" in out and "20 created" in out
    assert not Item.objects.exists()


def test_marc8_record_is_converted_to_unicode(library, pymarc_file):
    _out, err, failed = run(pymarc_file("marc8.dat"))
    assert failed is None, err
    item = Item.objects.get()
    # 240 (uniform title) in MARC-8 with combining diacritics, read as NFC Unicode.
    titles = [t.title for t in item.alternative_titles.all()]
    assert any("De la solitude à la communauté" in unicodedata.normalize("NFC", t) for t in titles), titles


def test_real_library_of_congress_uzbek_records_found_across_scripts(client, library, tmp_path):
    """Two of the 290 Uzbek records of the LoC file shipped with pymarc, in ALA-LC romanisation."""
    from .conftest import DATA

    loc = DATA / "BooksAll.2016.part01.utf8"
    if not loc.exists():
        pytest.fail(f"{loc} is missing: run scripts/fetch-test-data.sh")
    wanted = (b"   00271559 ", b"   00271567 ")
    chunks = [c + b"\x1d" for c in loc.read_bytes().split(b"\x1d") if any(w in c[:2000] for w in wanted)]
    assert len(chunks) == 2
    path = tmp_path / "uzbek.mrc"
    path.write_bytes(b"".join(chunks))
    _out, err, failed = run(str(path))
    assert failed is None, err
    demography = Item.objects.get(title__startswith="Ŭzbekistonda oila demografii")
    code = Item.objects.get(title__startswith="Ŭzbekiston Respublikasining khŭzhalik")
    for query in ("Ўзбекистонда оила демографияси", "O'zbekistonda oila demografiyasi"):
        page = client.get("/search/", {"q": query}).content.decode()
        assert demography.get_url() in page, query
        assert code.get_url() not in page, query
    page = client.get("/search/", {"q": "хўжалик процессуал кодекси"}).content.decode()
    assert code.get_url() in page


def test_vocabulary_records_are_shared_and_matched_whatever_the_case(library, pymarc_file):
    from catalogue.models import Agent, Subject

    existing = Subject.objects.create(label="PYTHON (COMPUTER PROGRAM LANGUAGE)")
    out, _err, _failed = run(pymarc_file("marc.dat"))
    assert "one by one" not in out
    labels = [label.casefold() for label in Subject.objects.values_list("label", flat=True)]
    assert len(labels) == len(set(labels))
    python_items = Item.objects.filter(subject_links__subject=existing).count()
    assert python_items > 1
    names = [(kind, name.casefold()) for kind, name in Agent.objects.values_list("kind", "name")]
    assert len(names) == len(set(names))


def test_update_of_an_item_with_a_pending_draft_leaves_the_live_record(library, pymarc_file, tmp_path):
    run(pymarc_file("marc.dat"), "--limit", "1")
    item = Item.objects.get()
    draft = item.get_latest_revision_as_object()
    draft.extent = "edited by a cataloguer"
    draft.save_revision()
    out, _err, _failed = run_changed(pymarc_file, tmp_path, "245", "a", "A new title :")
    assert "1 updated" in out
    item.refresh_from_db()
    assert item.title.startswith("The pragmatic programmer") and item.has_unpublished_changes
    latest = item.get_latest_revision_as_object()
    assert latest.title.startswith("A new title") and latest.extent == "xxiv, 321 p. ; 24 cm"


def test_headings_repeated_in_another_case_do_not_make_a_rerun_update(library, tmp_path):
    record = Record(force_utf8=True)
    record.add_field(Field(tag="001", data="case0001"))
    record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", "Wheelchairs")]))
    for label in ("Wheelchairs -- Juvenile literature", "Children", "Wheelchairs -- Juvenile Literature"):
        record.add_field(Field(tag="650", indicators=Indicators(" ", "0"), subfields=[Subfield("a", label)]))
    path = tmp_path / "case.mrc"
    path.write_bytes(record.as_marc())
    run(str(path))
    assert [s.label for s in Item.objects.get().subjects] == ["Wheelchairs -- Juvenile literature", "Children"]
    out, _err, _failed = run(str(path))
    assert "1 unchanged" in out


def write_records(path, records):
    with open(path, "wb") as f:
        for control, title in records:
            record = Record(force_utf8=True)
            record.add_field(Field(tag="001", data=control))
            record.add_field(Field(tag="003", data="DLC"))
            record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", title)]))
            f.write(record.as_marc())


def test_finding_existing_items_is_one_query_per_batch(library, tmp_path):
    """Whether each record is already in the catalogue, and its references, are read and written
    for the whole batch at once: a file of 40 new records costs hardly more queries than one of
    5, and a record already imported is still found and updated."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, small, large = tmp_path / "first.mrc", tmp_path / "small.mrc", tmp_path / "large.mrc"
    write_records(first, [("f1", "First")])
    write_records(small, [(f"s{n}", f"Small {n}") for n in range(5)] + [("f1", "First renamed")])
    write_records(large, [(f"l{n}", f"Large {n}") for n in range(40)] + [("f1", "First renamed again")])
    run(str(first))
    with CaptureQueriesContext(connection) as five:
        out, _err, _failed = run(str(small))
    assert "5 created, 1 updated" in out
    with CaptureQueriesContext(connection) as forty:
        out, _err, _failed = run(str(large))
    assert "40 created, 1 updated" in out

    # Each record costs only the savepoint that keeps a bad one from spoiling its batch (two
    # statements); finding it, creating it and indexing it are done for the batch. Both files
    # also update one record, which costs what an update costs.
    def without_savepoints(queries):
        return [q for q in queries if "SAVEPOINT" not in q["sql"]]

    assert len(without_savepoints(forty)) - len(without_savepoints(five)) < 10, len(without_savepoints(forty))
    assert Item.objects.filter(title="First renamed again").count() == 1 and Item.objects.count() == 46


def test_imported_items_are_in_the_reference_index(library, pymarc_file, tmp_path):
    """An agent's "usage" lists the items an import linked to it, and a re-import that changes
    the heading moves the reference (staff rely on it before merging or deleting a record)."""
    from wagtail.models import ReferenceIndex

    from catalogue.models import Agent

    run(pymarc_file("marc.dat"), "--limit", "1")
    item = Item.objects.get()
    hunt = Agent.objects.get(name="Hunt, Andrew")
    assert [ref.object_id for ref in ReferenceIndex.get_references_to(hunt)] == [str(item.pk)]
    out, _err, _failed = run_changed(pymarc_file, tmp_path, "100", "a", "Hunter, Andrea,")
    assert "1 updated" in out
    assert not ReferenceIndex.get_references_to(hunt).exists()
    hunter = Agent.objects.get(name="Hunter, Andrea")
    assert [ref.object_id for ref in ReferenceIndex.get_references_to(hunter)] == [str(item.pk)]


def test_imported_records_are_ranked_by_their_title_length(library, pymarc_file):
    """Each index entry's title norm (the average title length over its own, which ranks short
    exact titles first) is set for the rows each batch writes."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    run(pymarc_file("marc.dat"))
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT e.title_norm, (SELECT avg(length(title)) FROM wagtailsearch_indexentry
                                      WHERE length(title) > 0) / length(e.title)
               FROM wagtailsearch_indexentry e WHERE e.content_type_id = %s AND length(e.title) > 0""",
            [ContentType.objects.get_for_model(Item).pk],
        )
        rows = cursor.fetchall()
    assert len(rows) == 20
    assert all(abs(norm - float(expected)) < 1e-6 for norm, expected in rows), rows
    assert any(abs(norm - 1.0) > 1e-6 for norm, _expected in rows)


def test_new_items_are_indexed_as_a_reindex_from_the_database_would(library, pymarc_file, tmp_path):
    """Items created by an import are indexed from the objects in memory; the entries must be
    exactly those that indexing the same items read back from the database gives."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    out, _err, _failed = run(pymarc_file("marc.dat"))
    assert "20 created" in out

    def entries():
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT object_id, title::text, autocomplete::text, body::text, title_text, body_text
                   FROM wagtailsearch_indexentry WHERE content_type_id = %s ORDER BY object_id""",
                [ContentType.objects.get_for_model(Item).pk],
            )
            return cursor.fetchall()

    imported = entries()
    assert len(imported) == 20
    assert all(row[3] for row in imported)  # bodies: agents, subjects, identifiers, keys
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wagtailsearch_indexentry")
    get_search_backend().add_bulk(Item, list(Item.get_indexed_objects()))
    assert entries() == imported


def test_a_record_repeated_in_one_batch_is_indexed_as_its_last_version(client, library, tmp_path):
    """The second copy updates the item the first created; search finds the item by the second
    copy's title only."""
    path = tmp_path / "repeated.mrc"
    write_records(path, [("r1", "Samarqand bogʻlari"), ("r2", "Boshqa kitob"), ("r1", "Buxoro bogʻlari")])
    out, _err, _failed = run(str(path))
    assert "2 created, 1 updated" in out
    item = Item.objects.get(title="Buxoro bogʻlari")

    def found(query):
        response = client.get("/search/", {"q": query, "exact": "1"})
        return [result.item.pk for result in response.context["items_page"].object_list]

    assert found("Buxoro") == [item.pk]
    assert found("Samarqand") == []
