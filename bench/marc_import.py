"""MARC import throughput on the Library of Congress file shipped with pymarc
(BooksAll.2016.part01.utf8, 250,000 records; scripts/fetch-test-data.sh fetches it).

    DATABASE_URL=postgres://kutubxona:kutubxona@127.0.0.1:5432/kutubxona_imports_bench \\
        .venv/bin/python bench/marc_import.py [--records 20000 | --all] [--no-index]

The database is emptied and migrated first, then the first N records are imported with
`import_marc`; records/second and peak memory (resource.getrusage) are printed and saved to
bench/results/ as JSON.
"""

import argparse
import io
import json
import os
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import CommandError, call_command  # noqa: E402
from django.db import connection  # noqa: E402

LOC_FILE = ROOT / "var" / "test-data" / "pymarc" / "BooksAll.2016.part01.utf8"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--all", action="store_true", help="All 250,000 records.")
    parser.add_argument("--no-index", action="store_true")
    args = parser.parse_args()
    if not LOC_FILE.exists():
        sys.exit(f"{LOC_FILE} is missing: run scripts/fetch-test-data.sh")
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    limit = 0 if args.all else args.records
    options = ["--limit", str(limit)] + (["--no-index"] if args.no_index else [])
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    try:
        call_command("import_marc", str(LOC_FILE), *options, stdout=out, stderr=err)
    except CommandError:
        pass  # failed records are counted in the summary
    seconds = time.monotonic() - started
    summary = out.getvalue().strip().splitlines()[-1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from catalogue.models import Item

    items = Item.objects.count()
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "records": limit or "all",
        "items": items,
        "seconds": round(seconds, 1),
        "records_per_second": round(items / seconds, 1),
        "peak_memory_mb": round(peak_mb),
        "index": not args.no_index,
        "summary": summary,
        "errors": err.getvalue().splitlines()[:20],
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"marc_import-{result['when'][:10]}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
