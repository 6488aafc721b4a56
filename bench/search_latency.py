"""Search latency on a large catalogue: p50/p95 of the public search page for Latin, Cyrillic and
misspelt queries, in-process (Django's test client, no HTTP server), on PostgreSQL.

    DATABASE_URL=postgres://kutubxona:kutubxona@127.0.0.1:5432/kutubxona_bench \\
        .venv/bin/python bench/search_latency.py --items 100000 [--runs 40]

The catalogue is generated once (items with Uzbek titles in both scripts, Russian titles, creators,
years, types) and kept in that database between runs; results go to bench/results/ as JSON.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from alphabet import latin_to_cyrillic  # noqa: E402
from catalogue.models import Agent, DCMIType, Item, ItemAgent  # noqa: E402

WORDS = (
    "kitob tarix adabiyot sheʼriyat devon qoʻlyozma xalq ertak doston ilm fan madaniyat sanʼat maktab "
    "kutubxona shahar qishloq bogʻ daryo togʻ yoʻl bahor kuz qish yoz ona ota bola til soʻz nutq maqola "
    "gazeta jurnal xarita surat musiqa qoʻshiq teatr kino tabiat hayot inson jamiyat davlat qonun"
).split()
PLACES = ["Toshkent", "Samarqand", "Buxoro", "Xiva", "Qoʻqon", "Andijon", "Namangan", "Termiz", "Nukus"]
NAMES = ["Alisher Navoiy", "Zahiriddin Bobur", "Abdulla Qodiriy", "Choʻlpon", "Gʻafur Gʻulom", "Oybek", "Hamza"]
RUSSIAN = "история литература книга город рукопись песня народ наука искусство школа".split()
QUERIES = {
    "latin": ["Samarqand tarixi", "O'zbekiston", "kutubxona", "Navoiy devon"],
    "cyrillic": ["Самарқанд тарихи", "Ўзбекистон", "кутубхона", "Навоий девон"],
    "misspelt": ["Samarkand tarihi", "kutubxnoa", "Navoy devon", "qolyozma"],
}


def title(rng):
    words = rng.sample(WORDS, 3)
    text = f"{rng.choice(PLACES)} {' '.join(words)}"
    roll = rng.random()
    if roll < 0.3:
        return latin_to_cyrillic(text)
    if roll < 0.4:
        return " ".join(rng.sample(RUSSIAN, 3)).capitalize()
    return text.capitalize()


def seed(count):
    existing = Item.objects.count()
    if existing >= count:
        print(f"{existing} items already there")
        return
    rng = random.Random(existing)
    locale = Locale.get_default()
    agents = [Agent.objects.get_or_create(name=name)[0] for name in NAMES]
    types = [DCMIType.TEXT] * 6 + [DCMIType.IMAGE, DCMIType.SOUND, DCMIType.MOVING_IMAGE]
    started = time.monotonic()
    batch = 2000
    for start in range(existing, count, batch):
        size = min(batch, count - start)
        items = Item.objects.bulk_create(
            [
                Item(
                    title=title(rng),
                    slug=f"item-{start + i}",
                    description=f"<p>{' '.join(rng.sample(WORDS, 12))}.</p>",
                    date=str(rng.randint(1450, 2020)),
                    year_from=(year := rng.randint(1450, 2020)),
                    year_to=year,
                    dcmi_type=rng.choice(types),
                    live=True,
                    locale=locale,
                )
                for i in range(size)
            ]
        )
        ItemAgent.objects.bulk_create(
            [ItemAgent(item=item, agent=rng.choice(agents), role=ItemAgent.Role.AUTHOR) for item in items]
        )
        get_search_backend().add_bulk(Item, list(Item.get_indexed_objects().filter(pk__in=[i.pk for i in items])))
        print(f"  {start + size} items, {time.monotonic() - started:.0f} s", flush=True)


def measure(runs):
    client = Client(HTTP_HOST="localhost")
    results = {}
    with override_settings(DEBUG=True):  # counts queries
        for kind, queries in QUERIES.items():
            timings, query_counts = [], []
            for query in queries:
                client.get("/search/", {"q": query})  # warm caches
            for n in range(runs):
                query = queries[n % len(queries)]
                reset_queries()
                started = time.perf_counter()
                response = client.get("/search/", {"q": query})
                timings.append((time.perf_counter() - started) * 1000)
                query_counts.append(len(connection.queries))
                assert response.status_code == 200
            timings.sort()
            results[kind] = {
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
                "queries": max(query_counts),
                "runs": runs,
            }
            print(f"{kind:9} p50 {results[kind]['p50_ms']:7.1f} ms   p95 {results[kind]['p95_ms']:7.1f} ms", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # a site to render the page in
    seed(args.items)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # planner statistics after a bulk load
            cursor.execute("ANALYZE")
        call_command("rebuild_lexicon")
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "items": Item.objects.count(),
        "database": connection.vendor,
        "search": measure(args.runs),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"search-{results['when'][:10]}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
