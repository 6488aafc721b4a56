"""CSV import and export: bad rows reported and skipped, round trips, the admin preview, public exports."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from catalogue.factories import ItemFactory
from catalogue.identifiers import IdentifierScheme
from catalogue.models import AccessLevel, Item
from tests.conftest import english_admin

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = """title,identifiers,creators,subjects,language,date,type,access
Boburnoma,legacy:plone-1|isbn:9789943012345,Zahiriddin Muhammad Bobur [aut]|Ali Qushchi [edt],Memoirs|History,uzb|chg,1530,Text,open
,legacy:plone-2,,,,,,
Bad date,legacy:plone-3,,,,sometime maybe,Text,open
Bad type,legacy:plone-4,,,,,Book,open
Bad role,legacy:plone-5,X [zzz],,,,,
Xamsa,legacy:plone-6,Alisher Navoiy,,uzb,XV asr,Text,reading_room
"""


def import_csv(path, *args):
    out, err = io.StringIO(), io.StringIO()
    failed = None
    try:
        call_command("import_csv", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        failed = exc
    return out.getvalue(), err.getvalue(), failed


def test_bad_rows_are_reported_and_good_rows_imported(library, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    out, err, failed = import_csv(path)
    assert failed is not None
    assert "row 3: the title is empty" in err
    assert "row 4: date “sometime maybe”" in err
    assert "row 5: type “Book”" in err
    assert "row 6: unknown role “zzz”" in err
    assert "2 created" in out and "4 failed" in out
    bobur = Item.objects.get(title="Boburnoma")
    assert [link.agent.name for link in bobur.agent_links.all()] == ["Zahiriddin Muhammad Bobur", "Ali Qushchi"]
    assert {lang.code for lang in bobur.languages.all()} == {"uzb", "chg"}
    assert Item.objects.get(title="Xamsa").access_level == AccessLevel.READING_ROOM
    # A re-run creates nothing new.
    out, _err, _failed = import_csv(path)
    assert "0 created" in out and "2 unchanged" in out


def test_export_edit_and_import_back_updates(library, tmp_path):
    item = ItemFactory(title="Devon", date="1500")
    path = tmp_path / "export.csv"
    call_command("export_csv", "-o", str(path))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["title"] for r in rows] == ["Devon"]
    rows[0]["title"] = "Devoni Foniy"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out, err, failed = import_csv(path)
    assert failed is None, err
    assert "1 updated" in out
    item.refresh_from_db()
    assert item.title == "Devoni Foniy" and Item.objects.count() == 1


def test_dry_run_previews_without_writing(library, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    out, _err, _failed = import_csv(path, "--dry-run")
    assert "Dry run" in out and "2 created" in out
    assert not Item.objects.exists()


def test_admin_upload_shows_preview_then_applies(client, library, superuser):
    english_admin(superuser)
    client.force_login(superuser)
    page = client.get("/admin/import-export/").content.decode()
    assert "Import items from CSV" in page
    assert f"/admin/import-export/collection/{library.photographs.pk}.csv" in page
    assert "/admin/import-export/" in client.get("/admin/").content.decode()  # the sidebar menu
    upload = io.BytesIO(GOOD_AND_BAD.encode())
    upload.name = "items.csv"
    response = client.post("/admin/import-export/", {"action": "preview", "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Preview" in page and "Boburnoma" in page and "unknown role" in page
    assert not Item.objects.exists()
    response = client.post("/admin/import-export/", {"action": "apply"})
    assert response.status_code == 200
    assert set(Item.objects.values_list("title", flat=True)) == {"Boburnoma", "Xamsa"}
    assert Item.objects.get(title="Boburnoma").identifiers.filter(scheme=IdentifierScheme.LEGACY).exists()


def test_admin_import_needs_permission(client, library, reader):
    client.force_login(reader)
    response = client.get("/admin/import-export/")
    assert response.status_code in (302, 403)


def test_search_export_has_only_public_items(client, library):
    from wagtail.search.index import insert_or_update_object

    shown = ItemFactory(title="Boburnoma nashri")
    hidden = ItemFactory(title="Boburnoma qoʻlyozmasi", access_level=AccessLevel.STAFF)
    draft = ItemFactory(title="Boburnoma qoralama", live=False)
    for made in (shown, hidden, draft):
        insert_or_update_object(made)
    response = client.get("/search/export.csv", {"q": "Бобурнома"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    titles = [row["title"] for row in csv.DictReader(io.StringIO(body))]
    assert titles == ["Boburnoma nashri"]


def test_collection_export(client, library, superuser):
    collection = library.photographs
    ItemFactory(title="In the collection", collections=[collection])
    ItemFactory(title="Elsewhere")
    client.force_login(superuser)
    response = client.get(f"/admin/import-export/collection/{collection.pk}.csv")
    body = b"".join(response.streaming_content).decode()
    assert [row["title"] for row in csv.DictReader(io.StringIO(body))] == ["In the collection"]
