"""The benchmark catalogue: a database per size, seeded once from the Library of Congress MARC file
and kept between runs (bench/run.py calls `ensure_seeded`; see docs/performance.md).

Steps, each timed: migrate, the demo site (`load_demo`: pages, collections, an exhibit, reading
lists), `import_marc --no-index --limit N` into the rare-books collection, `update_index`,
`rebuild_lexicon`, `oai_sync`, copies of the demo exhibit and reading lists, and a 300-page book
of generated page images. A row in the table `bench_seed` records the size, the seed version and
the timings; a database with the same size and version is not seeded again.
"""

import io
import json
import time
from contextlib import redirect_stdout

from django.core.management import CommandError, call_command
from django.db import connection, transaction

# Raise when the seeding changes, so cached databases are seeded again.
SEED_VERSION = 1
COLLECTION_SLUG = "rare-books"
BOOK_PAGES = 300
COPIES = 10  # generated exhibits and reading lists besides the demo ones


def seeded_record(size):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_seed')")
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute("SELECT data FROM bench_seed WHERE size = %s AND version = %s", [size, SEED_VERSION])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def _progress(size):
    """Steps already done for this size and version (a seeding that stopped half-way resumes)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_seed_progress')")
        if cursor.fetchone()[0] is None:
            return {}
        cursor.execute("SELECT size, version, step, data FROM bench_seed_progress")
        rows = cursor.fetchall()
    if any((row_size, version) != (size, SEED_VERSION) for row_size, version, _step, _data in rows):
        return {}
    return {step: json.loads(data) for _size, _version, step, data in rows}


def ensure_seeded(size, marc_file):
    """Seed the current database with `size` MARC records unless it already is; return the record."""
    record = seeded_record(size)
    if record:
        print(f"Catalogue of {size} records already seeded ({record['when']}).", flush=True)
        return record
    done = _progress(size)
    if not done:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    steps = {}

    def step(name, func):
        if name in done:
            steps[name] = done[name]["seconds"]
            return done[name]["result"]
        print(f"  seeding: {name}…", flush=True)
        started = time.monotonic()
        result = func()
        steps[name] = round(time.monotonic() - started, 1)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE IF NOT EXISTS bench_seed_progress (size integer, version integer, step text, data text)"
            )
            cursor.execute(
                "INSERT INTO bench_seed_progress VALUES (%s, %s, %s, %s)",
                [size, SEED_VERSION, name, json.dumps({"seconds": steps[name], "result": result})],
            )
        return result

    quiet = io.StringIO()
    step("migrate", lambda: call_command("migrate", verbosity=0))
    step("load_demo", lambda: call_command("load_demo", stdout=quiet))

    def marc():
        from catalogue.models import Item

        before = Item.objects.count()
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(
                "import_marc",
                str(marc_file),
                "--no-index",
                "--limit",
                str(size),
                "--collection",
                COLLECTION_SLUG,
                stdout=out,
                stderr=err,
            )
        except CommandError:
            pass  # bad records are reported and counted; the good ones are kept
        with connection.cursor() as cursor:  # planner statistics after a bulk load
            cursor.execute("ANALYZE")
        report = out.getvalue().strip().splitlines()[-1:] + err.getvalue().splitlines()[:5]
        return {"imported": Item.objects.count() - before, "report": report}

    marc_result = step("import_marc", marc)
    step("update_index", lambda: call_command("update_index", verbosity=0, stdout=quiet))
    step("rebuild_lexicon", lambda: call_command("rebuild_lexicon", stdout=quiet))
    step("oai_sync", lambda: call_command("oai_sync", stdout=quiet))
    step("exhibits_and_reading_lists", copy_exhibits_and_lists)
    book = step("book_300_pages", make_book)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from catalogue.models import Item

    imported = marc_result["imported"]
    record = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "size": size,
        "version": SEED_VERSION,
        "items": Item.objects.count(),
        "marc_records": imported,
        "marc_seconds": steps["import_marc"],
        "marc_records_per_second": round(imported / steps["import_marc"], 1) if steps["import_marc"] else None,
        "marc_report": marc_result["report"],
        "book_item_id": book,
        "steps_seconds": steps,
    }
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_seed (size integer, version integer, data text)")
        cursor.execute("DELETE FROM bench_seed")
        cursor.execute("INSERT INTO bench_seed VALUES (%s, %s, %s)", [size, SEED_VERSION, json.dumps(record)])
    print(f"Seeded {size} records: {json.dumps(steps)}", flush=True)
    return record


def target_collection():
    """The collection the records are imported into (as import_marc --collection finds it)."""
    from interchange.management.commands._common import collection_from

    return collection_from(COLLECTION_SLUG)


def copy_exhibits_and_lists():
    """More exhibits and reading lists: published copies of the demo ones (with their sections)."""
    from exhibits.models import ExhibitPage
    from reading_lists.models import ReadingListPage

    for model in (ExhibitPage, ReadingListPage):
        original = model.objects.live().order_by("pk").first()
        if original is None:
            continue
        for n in range(1, COPIES + 1):
            with redirect_stdout(io.StringIO()):
                original.copy(
                    recursive=True,
                    keep_live=True,
                    update_attrs={"slug": f"{original.slug}-{n}", "title": f"{original.title} {n}"},
                )


def make_book():
    """A published book of 300 small generated page images (enough for its IIIF manifest)."""
    from wagtail.models import Collection

    from catalogue.models import Item, ItemFile
    from media_library.generated import make_image_file
    from media_library.models import CustomImage
    from media_library.tasks import derivatives_limited_to

    collection = target_collection()
    root = Collection.get_first_root_node()
    with derivatives_limited_to([]), transaction.atomic():
        files = []
        for n in range(1, BOOK_PAGES + 1):
            image = CustomImage(
                title=f"Benchmark book, p. {n}",
                file=make_image_file(f"bench-book-{n:03d}.png", size=(240, 340), text=f"Benchmark book | p. {n}"),
                collection=root,
            )
            image._set_image_file_metadata()
            image.save()
            files.append(ItemFile(kind=ItemFile.Kind.SCAN, label=f"p. {n}", image=image, sort_order=n))
        files[0].is_representative = True
        item = Item(
            title="Benchmark book of 300 pages",
            description="<p>Generated pages for the IIIF manifest benchmark.</p>",
            date="1900",
            primary_collection=collection,
        )
        item.collections = [collection]
        item.files = files
        item.save()
        item.save_revision().publish()
    return item.pk


def vacuum():
    """VACUUM (ANALYZE) the catalogue: what autovacuum keeps doing on a production server.

    Some servers run without autovacuum (the reference machine's does). Unvacuumed, a table has
    no visibility map, so PostgreSQL cannot answer a count or a facet from an index alone and
    reads the table: the first page of OAI-PMH ListRecords took 85 ms at 250,000 records instead of
    37. Quick when nothing changed since the last run. Returns whether autovacuum is on, and the
    seconds it took."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        (autovacuum,) = cursor.fetchone()
        # As the database's owner: the server's shared catalogues are skipped with a notice.
        cursor.execute("VACUUM (ANALYZE)")
    return {"autovacuum": autovacuum, "seconds": round(time.monotonic() - started, 1)}
