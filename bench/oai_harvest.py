"""OAI-PMH response times on a large catalogue: p50/p95 of a ListRecords first page, a resumption
page deep in the list and GetRecord, with the queries each costs, in-process (Django's test
client, no HTTP server), on PostgreSQL.

    DATABASE_URL=postgres://kutubxona:kutubxona@127.0.0.1:5432/kutubxona_oai_bench \\
        .venv/bin/python bench/oai_harvest.py --items 20000 [--runs 40]

Items are generated in bulk once (titles, descriptions, creators, subjects, languages, collection
memberships) and kept in that database between runs; `oai_sync` then builds their records (its
rate is reported). Results go to bench/results/ as JSON.
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

from django.core import signing  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from catalogue.models import (  # noqa: E402
    Agent,
    CollectionPage,
    DCMIType,
    Item,
    ItemAgent,
    ItemSubject,
    Language,
    Subject,
)
from oai import views  # noqa: E402
from oai.conf import oai_identifier  # noqa: E402
from oai.models import Record  # noqa: E402
from oai.sync import rebuild_all  # noqa: E402

WORDS = (
    "kitob tarix adabiyot sheʼriyat devon qoʻlyozma xalq ertak doston ilm fan madaniyat sanʼat maktab "
    "kutubxona shahar qishloq bogʻ daryo togʻ yoʻl bahor kuz qish yoz ona ota bola til soʻz nutq maqola"
).split()
NAMES = ["Alisher Navoiy", "Zahiriddin Bobur", "Abdulla Qodiriy", "Choʻlpon", "Gʻafur Gʻulom", "Oybek", "Hamza"]


def site():
    """Home, a collections tree and the item index, made once."""
    from catalogue.factories import CollectionIndexPageFactory, CollectionPageFactory, ItemIndexPageFactory
    from home.factories import HomePageFactory

    if CollectionPage.objects.exists():
        return list(CollectionPage.objects.all())
    Page.objects.filter(depth=2).delete()  # the placeholder home page of a new database
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = CollectionIndexPageFactory(parent=home)
    ItemIndexPageFactory(parent=home)
    collections = []
    for n in range(5):
        parent = CollectionPageFactory(parent=index, title=f"Collection {n}", slug=f"collection-{n}")
        collections.append(parent)
        collections += [
            CollectionPageFactory(parent=parent, title=f"Collection {n}.{m}", slug=f"collection-{n}-{m}")
            for m in range(3)
        ]
    return collections


def seed(count, collections):
    existing = Item.objects.count()
    if existing >= count:
        print(f"{existing} items already there")
        return
    rng = random.Random(existing)
    locale = Locale.get_default()
    agents = [Agent.objects.get_or_create(name=name)[0] for name in NAMES]
    subjects = [Subject.objects.get_or_create(label=word)[0] for word in WORDS[:20]]
    languages = list(Language.objects.filter(code__in=["uzb", "rus", "chg"]))
    types = [DCMIType.TEXT] * 6 + [DCMIType.STILL_IMAGE, DCMIType.SOUND, DCMIType.MOVING_IMAGE]
    started = time.monotonic()
    batch = 2000
    for start in range(existing, count, batch):
        size = min(batch, count - start)
        items = Item.objects.bulk_create(
            [
                Item(
                    title=" ".join(rng.sample(WORDS, 4)).capitalize(),
                    slug=f"item-{start + i}",
                    description=f"<p>{' '.join(rng.sample(WORDS, 20))}.</p>",
                    publisher="Oʻzbekiston",
                    place_of_publication="Toshkent",
                    date=(year := str(rng.randint(1450, 2020))),
                    year_from=int(year),
                    year_to=int(year),
                    extent=f"{rng.randint(10, 600)} b.",
                    dcmi_type=rng.choice(types),
                    live=True,
                    locale=locale,
                    primary_collection=rng.choice(collections),
                )
                for i in range(size)
            ]
        )
        ItemAgent.objects.bulk_create(
            [ItemAgent(item=item, agent=rng.choice(agents), role=ItemAgent.Role.AUTHOR) for item in items]
        )
        ItemSubject.objects.bulk_create(
            [ItemSubject(item=item, subject=s) for item in items for s in rng.sample(subjects, 2)]
        )
        Item.languages.through.objects.bulk_create(
            [Item.languages.through(item_id=item.pk, language_id=rng.choice(languages).pk) for item in items]
        )
        Item.collections.through.objects.bulk_create(
            [Item.collections.through(item_id=item.pk, collectionpage_id=item.primary_collection_id) for item in items]
        )
        print(f"  {start + size} items, {time.monotonic() - started:.0f} s", flush=True)


def timed(client, params, runs):
    timings, queries = [], []
    for param in params * (runs // len(params) + 1):
        reset_queries()
        started = time.perf_counter()
        response = client.get("/oai/", param)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(connection.queries))
        assert response.status_code == 200 and b"<error" not in response.content, response.content[:500]
        if len(timings) == runs:
            break
    timings.sort()
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 1),
        "queries": max(queries),
        "runs": runs,
        "response_kb": round(len(response.content) / 1024, 1),
    }


def deep_tokens(rng, count, prefix):
    """Resumption tokens as the endpoint issues them, at random places in the list."""
    total = Record.objects.filter(datestamp__isnull=False).count()
    snapshot = datetime.now(UTC).isoformat()
    tokens = []
    for _ in range(count):
        cursor = rng.randrange(0, max(total - views.PAGE_SIZE, 1))
        after = Record.objects.order_by("datestamp", "item_id").values_list("datestamp", "item_id")[cursor]
        state = {
            "verb": "ListRecords",
            "prefix": prefix,
            "from": None,
            "until": None,
            "set": None,
            "snapshot": snapshot,
            "after": [after[0].isoformat(), after[1]],
            "cursor": cursor + 1,
            "size": total,
        }
        tokens.append(
            {"verb": "ListRecords", "resumptionToken": signing.dumps(state, salt=views.TOKEN_SALT, compress=True)}
        )
    return tokens


def measure(runs):
    rng = random.Random(1)
    client = Client(HTTP_HOST="localhost")
    ids = list(Record.objects.order_by("?").values_list("item_id", flat=True)[:20])
    collection = CollectionPage.objects.order_by("path").first()
    results = {}
    with override_settings(DEBUG=True):  # counts queries
        cases = {
            "ListRecords oai_dc, first page": [{"verb": "ListRecords", "metadataPrefix": "oai_dc"}],
            "ListRecords marc21, first page": [{"verb": "ListRecords", "metadataPrefix": "marc21"}],
            "ListRecords oai_dc, set, first page": [
                {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": f"collection:{collection.pk}"}
            ],
            "ListRecords oai_dc, resumption page": deep_tokens(rng, 20, "oai_dc"),
            "ListIdentifiers, first page": [{"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}],
            "GetRecord oai_dc": [
                {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": oai_identifier(i)} for i in ids
            ],
        }
        for name, params in cases.items():
            client.get("/oai/", params[0])  # warm caches
            results[name] = timed(client, params, runs)
            r = results[name]
            print(f"{name:38} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  {r['queries']} queries", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--skip-sync", action="store_true", help="measure the records as they are")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    collections = site()
    seed(args.items, collections)
    started = time.monotonic()
    groups, changed = rebuild_all() if not args.skip_sync else (Record.objects.count(), 0)
    sync_seconds = time.monotonic() - started
    print(f"oai_sync: {groups} records, {changed} rebuilt in {sync_seconds:.0f} s", flush=True)
    with connection.cursor() as cursor:
        # Planner statistics and the visibility map after a bulk load, as autovacuum leaves them
        # (the list size is then counted from the index alone).
        cursor.execute("VACUUM ANALYZE oai_record")
        cursor.execute("ANALYZE")
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "items": Item.objects.count(),
        "records": Record.objects.count(),
        "oai_sync": {"seconds": round(sync_seconds), "rebuilt": changed},
        "oai": measure(args.runs),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"oai-{results['items']}-{results['when'][:10]}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
