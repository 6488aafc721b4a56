"""The benchmark set behind `make bench` and `make bench-quick` (docs/performance.md).

    .venv/bin/python bench/run.py [--quick] [--workers 2] [--duration 10] [--connections 16]

Seeds (once, cached) a catalogue of 250,000 Library of Congress MARC records (10,000 with
--quick) in its own PostgreSQL database, starts gunicorn with the production settings and the
task worker, loads each target with wrk from a separate process (warm-up, then three runs,
medians), measures nginx serving a saved copy of each page as the reference and Varnish
(deploy/varnish) in front of gunicorn, and counts the SQL queries of each target in-process.
Import throughput (MARC, CSV, Plone), tiling and OCR rates are measured too. Prints a table
with PASS/MISS for each target figure and writes bench/results/<timestamp>.json.
"""

import argparse
import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MARC_FILE = ROOT / "var" / "test-data" / "pymarc" / "BooksAll.2016.part01.utf8"
VCL_DIR = ROOT / "deploy" / "varnish"
RESULTS = ROOT / "bench" / "results"

# Targets of the issue for a 2-core machine; the figures are checked as PASS or MISS.
ITEM_RPS_PER_WORKER = 150
ITEM_P99_MS = 100
MAX_QUERIES = 12
SEARCH_P95_MS = 150
MARC_RECORDS_PER_SECOND = 500
MARC_IMPORT_RECORDS = 5000  # imported into a scratch database, without and with the search index
IMPORT_RUNS = 3  # MARC imports per figure (the median is reported)
OAI_PAGE_MS = 300
CACHED_SHARE_OF_STATIC = 0.5

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 records and shorter runs (a few minutes).")
    parser.add_argument("--records", type=int, help="Catalogue size (default 250,000; 10,000 with --quick).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2 = cores).")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, help="Seconds per wrk run (default 10; 3 with --quick).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-imports", action="store_true", help="No CSV/Plone import, tiling or OCR figures.")
    parser.add_argument("--import-job", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.records = args.records or (10_000 if args.quick else 250_000)
    args.duration = args.duration or (3 if args.quick else 10)
    args.warmup = 1 if args.quick else 3
    return args


def database_url(name):
    base = urllib.parse.urlsplit(
        os.environ.get("BENCH_DATABASE_URL") or "postgres://kutubxona:kutubxona@127.0.0.1:5432/kutubxona"
    )
    return urllib.parse.urlunsplit(base._replace(path=f"/{name}"))


def size_label(records):
    return f"{records // 1000}k" if records % 1000 == 0 else str(records)


def production_env(db_name, label, task_backend):
    """The environment of a production server, on this machine: DEBUG off, local files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="benchmark-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url(db_name),
        MEDIA_ROOT=str(ROOT / "var" / "bench" / f"media-{label}"),
        STATIC_ROOT=str(ROOT / "var" / "bench" / "static"),
        TASK_BACKEND=task_backend,
        LOG_LEVEL="ERROR",
        FRONTEND_CACHE_URL="",
    )
    return env


def admin(statement, *identifiers, params=()):
    """Run one statement on the maintenance connection; {} in it are filled with identifiers."""
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(database_url("kutubxona"))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL(statement).format(*map(sql.Identifier, identifiers)), params)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def database_exists(name):
    return bool(admin("SELECT 1 FROM pg_database WHERE datname = %s", params=[name]))


def create_database(name, drop=False, template="template1"):
    if drop:
        admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    if not database_exists(name):
        admin("CREATE DATABASE {} TEMPLATE {}", name, template)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback URL
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(url, process, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{what} stopped at start (exit code {process.returncode}).")
        try:
            if fetch(url)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"{what} did not answer {url} within {timeout} s.")


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- Load ----------------------------------------------------------------------------------


class Wrk:
    def __init__(self, workdir, args):
        self.script = workdir / "report.lua"
        self.script.write_text(WRK_SCRIPT)
        self.args = args

    def once(self, url, seconds):
        command = ["wrk", "-t2", f"-c{self.args.connections}", f"-d{seconds}s", "--timeout", "10s"]
        command += ["-s", str(self.script), url]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
        match = re.search(r"^BENCH (.*)$", output, re.MULTILINE)
        requests, duration, socket_errors, status_errors, p50, p95, p99, slowest = (int(n) for n in match[1].split())
        return {
            "rps": requests / (duration / 1e6),
            "p50_ms": p50 / 1000,
            "p95_ms": p95 / 1000,
            "p99_ms": p99 / 1000,
            "max_ms": slowest / 1000,
            "errors": socket_errors + status_errors,
        }

    def measure(self, url):
        """A warm-up, then `runs` bounded runs; the median of each figure.

        wrk stops at the end of a run, but the server still answers what it had accepted: before
        each run the server is left to finish them (a slow target would otherwise make the next
        run, and the next target, wait behind requests nobody reads any more)."""
        self.drain(url)
        self.once(url, self.args.warmup)
        runs = []
        for _ in range(self.args.runs):
            self.drain(url)
            runs.append(self.once(url, self.args.duration))
        self.drain(url)
        result = {key: round(statistics.median(run[key] for run in runs), 1) for key in runs[0]}
        result["errors"] = sum(run["errors"] for run in runs)
        result["runs_rps"] = [round(run["rps"], 1) for run in runs]
        return result

    @staticmethod
    def drain(url, limit=180):
        """Wait until the server answers a request for its robots.txt within 0.5 s again."""
        parts = urllib.parse.urlsplit(url)
        probe = f"{parts.scheme}://{parts.netloc}/robots.txt"
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                fetch(probe)
            except Exception:  # noqa: S112 - a server still busy may refuse or time out; ask again
                time.sleep(0.5)
                continue
            if time.monotonic() - started < 0.5:
                return


# --- Servers -------------------------------------------------------------------------------


def start_gunicorn(env, workers, port, log):
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--timeout", "60", "--graceful-timeout", "30"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    wait_for(f"http://127.0.0.1:{port}/robots.txt", process, "gunicorn")
    return process


def worker_peak_memory_mb(master):
    """VmHWM (peak resident memory) of each gunicorn worker process, in MB."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            peaks.append(round(int(match[1]) / 1024, 1))
    return peaks


def start_nginx(workdir, pages):
    """Debian's nginx as an ordinary subprocess with its own prefix, serving the saved pages."""
    prefix = workdir / "nginx"
    html = prefix / "html"
    html.mkdir(parents=True)
    for name, body in pages.items():
        (html / f"{name}.html").write_bytes(body)
    for path in (workdir, prefix, html, *html.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx's workers may run as nobody
    port = free_port()
    temp = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp}
    default_type text/html;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {html};
    }}
}}
"""
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/{next(iter(pages))}.html", process, "nginx")
    return process, base


def start_varnish(workdir, backend_port):
    """varnishd with deploy/varnish/default.vcl in front of gunicorn, as tests/httpcache runs it."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    backends = (VCL_DIR / "backends.vcl").read_text()
    vcl_dir = workdir / "vcl"
    vcl_dir.mkdir()
    (vcl_dir / "backends.vcl").write_text(
        backends.replace('.host = "127.0.0.1";', '.host = "127.0.0.1";').replace(
            '.port = "8000";', f'.port = "{backend_port}";'
        )
    )
    state = workdir / "varnish"
    state.mkdir()
    port = free_port()
    command = [varnishd, "-F", "-j", "none", "-n", str(state), "-a", f"127.0.0.1:{port}", "-T", "none"]
    command += ["-f", str(VCL_DIR / "default.vcl"), "-p", f"vcl_path={vcl_dir}:{VCL_DIR}", "-s", "malloc,256m"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # until the backend's health probe has passed
        if process.poll() is not None:
            sys.exit("varnishd stopped at start.")
        try:
            if fetch(base + "/robots.txt")[0] == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("varnishd did not answer through the backend within 30 s.")
        time.sleep(0.3)
    return process, base


# --- In-process figures (Django set up on the benchmark database) --------------------------------


def collect_targets(size):
    """The URL path of each target, from the seeded catalogue."""
    from django.conf import settings
    from django.test import Client

    from bench import seed
    from catalogue.models import Item
    from exhibits.models import ExhibitPage
    from reading_lists.models import ReadingListPage

    def path_of(url):
        return urllib.parse.urlsplit(url).path

    collection = seed.target_collection()
    collection_path = path_of(collection.get_url())
    per_page = settings.KUTUBXONA_ITEMS_PER_PAGE
    public = Item.objects.public().filter(primary_collection=collection)
    last_page = max(1, -(-public.count() // per_page))
    deep = min(500, last_page)
    item = public.order_by("pk")[public.count() // 2]
    record = seed.seeded_record(size)
    client = Client()
    first = client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}).content.decode()
    token = re.search(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>", first)
    targets = {
        "home": ("/", True),
        "collection": (collection_path, True),
        f"collection_page_{deep}": (f"{collection_path}?page={deep}", True),
        "item": (path_of(item.get_url()), True),
        "exhibit": (path_of(ExhibitPage.objects.live().order_by("pk").first().get_url()), True),
        "reading_list": (path_of(ReadingListPage.objects.live().order_by("pk").first().get_url()), True),
        "search_latin": ("/search/?" + urllib.parse.urlencode({"q": "history"}), False),
        "search_cyrillic": ("/search/?" + urllib.parse.urlencode({"q": "Самарқанд тарихи"}), False),
        "search_misspelt": ("/search/?" + urllib.parse.urlencode({"q": "histroy"}), False),
        "search_facets": (
            "/search/?" + urllib.parse.urlencode({"q": "history", "type": "Text", "language": "eng"}),
            False,
        ),
        "oai_listrecords": ("/oai/?verb=ListRecords&metadataPrefix=oai_dc", False),
        "iiif_manifest_300": (f"/iiif/{record['book_item_id']}/manifest", False),
        "api_items": ("/api/v2/items/", False),
    }
    if token:
        targets["oai_resumption"] = (
            "/oai/?" + urllib.parse.urlencode({"verb": "ListRecords", "resumptionToken": token[1]}),
            False,
        )
    return targets


def in_process(targets, runs=20):
    """SQL queries per request and the server-side latency (no queueing) of each target."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    figures = {}
    for name, (path, _page) in targets.items():
        # The first request after the application's caches are emptied (a restart, a publication
        # that renews the generation tokens), then the steady state.
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        cold = len(captured)
        timings = []
        queries = 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            queries = max(queries, len(captured))
        timings.sort()
        figures[name] = {
            "status": response.status_code,
            "queries": queries,
            "queries_cold": cold,
            "inprocess_p50_ms": round(statistics.median(timings), 1),
            "inprocess_p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        }
    return figures


def tiling_seconds_per_100mp(megapixels, workdir):
    """make_tiles (media_library/tiles.py) on a generated image of `megapixels` MP."""
    import pyvips
    from django.core.files import File
    from wagtail.models import Collection

    from media_library.models import CustomImage
    from media_library.tasks import derivatives_limited_to
    from media_library.tiles import delete_tiles, make_tiles

    side = int((megapixels * 1_000_000) ** 0.5)
    xyz = pyvips.Image.xyz(side, side)
    red = (xyz[0] % 256).cast("uchar")
    green = (xyz[1] % 256).cast("uchar")
    blue = ((xyz[0] + xyz[1]) % 256).cast("uchar")
    path = workdir / "large.jpg"
    red.bandjoin([green, blue]).jpegsave(str(path), Q=85)
    with open(path, "rb") as fh, derivatives_limited_to([]):
        image = CustomImage(title="Benchmark tiling", file=File(fh, name="bench-large.jpg"))
        image.collection = Collection.get_first_root_node()
        image._set_image_file_metadata()
        image.save()
    try:
        result = make_tiles(image)
        delete_tiles(result["prefix"])
    finally:
        image.delete()
    return round(result["seconds"] * 100 / (side * side / 1e6), 1)


def ocr_seconds_per_page(pages=3):
    """ocr_image_file (media_library/ocr.py) on generated pages of printed text."""
    from PIL import Image, ImageDraw, ImageFont

    from media_library.ocr import installed_languages, ocr_image_file

    languages = "eng" if "eng" in installed_languages() else "+".join(sorted(installed_languages())[:1])
    try:
        font = ImageFont.truetype("DejaVuSerif.ttf", 30)
    except OSError:
        font = ImageFont.load_default(size=30)
    words = "the library keeps manuscripts printed books maps and photographs of the region for readers".split()
    seconds = []
    for n in range(pages):
        page = Image.new("RGB", (1654, 2339), "white")  # A4 at 200 dpi
        draw = ImageDraw.Draw(page)
        for line in range(50):
            text = " ".join(words[(line + n + i) % len(words)] for i in range(9))
            draw.text((120, 120 + line * 42), text, fill="black", font=font)
        started = time.monotonic()
        text, _words = ocr_image_file(page, languages)
        seconds.append(time.monotonic() - started)
        if not text.strip():
            raise RuntimeError("OCR recognised no text on a generated page")
    return round(statistics.median(seconds), 2)


def import_throughput(label, workdir):
    """CSV (1,000 exported items) and Plone (the sample export) imports into a scratch database."""
    from bench import seed
    from catalogue.models import Item
    from interchange.csvformat import export_rows

    figures = {}
    ids = list(
        Item.objects.filter(primary_collection=seed.target_collection())
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    # Without their ids the exported rows are new items to the scratch database.
    rows = list(csv.DictReader(io.StringIO("".join(export_rows(Item.objects.filter(pk__in=ids))))))
    csv_path = workdir / "items.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(dict(row, id="") for row in rows)
    plone = Path(os.environ.get("KUTUBXONA_PLONE_SAMPLE") or ROOT.parent / "shared" / "plone-sample")
    marc_path = workdir / "records.mrc"
    marc_path.write_bytes(first_marc_records(MARC_IMPORT_RECORDS))
    jobs = [("marc", marc_path), ("marc_indexed", marc_path), ("csv", csv_path)]
    jobs += [("plone", plone)] if plone.is_dir() else []
    # The scratch databases start as copies of a migrated database with the demo site, made once
    # (under another name until it is complete).
    base = f"kutubxona_bench_base_v{seed.SEED_VERSION}"
    if not database_exists(base):
        building = base + "_building"
        create_database(building, drop=True)
        env = production_env(building, "base", "immediate")
        for command in (["migrate", "-v", "0"], ["load_demo"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        admin("ALTER DATABASE {} RENAME TO {}", building, base)
    for kind, path in jobs:
        # MARC, the figure with a target, is imported three times into fresh copies, as the load
        # targets are run three times: the median, with each run's figure beside it.
        runs = [import_once(kind, path, label, base) for _ in range(IMPORT_RUNS if kind.startswith("marc") else 1)]
        done = [run for run in runs if run.get("records_per_second") is not None]
        if not done:
            figures[kind] = runs[0]
            continue
        figures[kind] = sorted(done, key=lambda run: run["records_per_second"])[len(done) // 2]
        if len(runs) > 1:
            figures[kind] = dict(figures[kind], runs_records_per_second=[run.get("records_per_second") for run in runs])
        shutil.rmtree(ROOT / "var" / "bench" / f"media-scratch-{label}", ignore_errors=True)
    if not plone.is_dir():
        figures["plone"] = {"error": f"no Plone sample export at {plone} (KUTUBXONA_PLONE_SAMPLE)"}
    return figures


def import_once(kind, path, label, base):
    """One import job in a subprocess, into a fresh copy of the database `base`."""
    scratch = f"kutubxona_bench_scratch_{label}"
    create_database(scratch, drop=True, template=base)
    env = production_env(scratch, f"scratch-{label}", "immediate")
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "bench.run", "--import-job", kind, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", scratch)
    match = re.search(r"^IMPORT (.*)$", output.stdout, re.MULTILINE)
    return json.loads(match[1]) if match else {"error": (output.stderr or output.stdout)[-500:]}


def first_marc_records(count):
    """The first `count` records of the Library of Congress file, as a MARC file of their own."""
    records, chunk = [], b""
    with open(MARC_FILE, "rb") as source:
        while len(records) < count:
            block = source.read(1 << 20)
            if not block:
                break
            parts = (chunk + block).split(b"\x1d")
            chunk = parts.pop()
            records += parts
    return b"".join(record + b"\x1d" for record in records[:count])


def import_job(kind, path):
    """Run in a subprocess on the scratch database: one import, timed."""
    from django.core.management import CommandError, call_command

    from catalogue.models import Item

    out, err = io.StringIO(), io.StringIO()
    before = Item.objects.count()
    started = time.monotonic()
    try:
        if kind == "csv":
            call_command("import_csv", path, "--no-index", stdout=out, stderr=err)
        elif kind == "marc":
            call_command("import_marc", path, "--no-index", stdout=out, stderr=err)
        elif kind == "marc_indexed":
            call_command("import_marc", path, stdout=out, stderr=err)
        else:
            call_command("import_plone", path, stdout=out, stderr=err)
    except CommandError as exc:
        err.write(str(exc))
    seconds = time.monotonic() - started
    if kind != "plone":
        records = Item.objects.count() - before
    else:
        match = re.search(r"^(\d+) objects in", out.getvalue(), re.MULTILINE)
        records = int(match[1]) if match else 0
    result = {
        "records": records,
        "seconds": round(seconds, 1),
        "records_per_second": round(records / seconds, 1) if seconds else None,
        "errors": err.getvalue().splitlines()[:5],
    }
    print("IMPORT " + json.dumps(result), flush=True)


# --- Report --------------------------------------------------------------------------------


def verdict(ok):
    return "PASS" if ok else "MISS"


def checks(report, args):
    targets = report["targets"]
    out = []
    item = targets["item"]
    per_worker = item["app"]["rps"] / args.workers
    out.append(
        (
            "item page req/s per worker (no HTTP cache)",
            f"{per_worker:.0f}",
            f">= {ITEM_RPS_PER_WORKER}",
            per_worker >= ITEM_RPS_PER_WORKER,
        )
    )
    out.append(
        (
            f"item page p99 at {args.connections} connections",
            f"{item['app']['p99_ms']:.0f} ms",
            f"< {ITEM_P99_MS} ms",
            # No answer at all is no latency to speak of.
            item["app"]["rps"] > 0 and item["app"]["p99_ms"] < ITEM_P99_MS,
        )
    )
    for name in ("item", "collection", next(n for n in targets if n.startswith("collection_page_")), "exhibit"):
        queries = targets[name]["queries"]
        out.append((f"SQL queries, {name}", str(queries), f"<= {MAX_QUERIES}", queries <= MAX_QUERIES))
    other = other_size_result(report)
    if other:
        for name in ("item", "collection", "exhibit"):
            before = other["targets"].get(name, {}).get("queries")
            if before is not None:
                ours = targets[name]["queries"]
                label = f"SQL queries, {name}, as at {other['records']:,} records"
                out.append((label, str(ours), f"<= {before}", ours <= before))
    for name in (n for n in targets if n.startswith("search_")):
        p95 = targets[name]["inprocess_p95_ms"]
        out.append((f"{name} p95 (server time)", f"{p95:.0f} ms", f"< {SEARCH_P95_MS} ms", p95 < SEARCH_P95_MS))
    for name in (n for n in targets if n.startswith("oai_")):
        p50 = targets[name]["inprocess_p50_ms"]
        out.append((f"{name} page of 100 (server time)", f"{p50:.0f} ms", f"< {OAI_PAGE_MS} ms", p50 < OAI_PAGE_MS))
    for kind, label in (
        ("marc", "MARC import records/s"),
        ("marc_indexed", "MARC import records/s, indexed as it goes"),
    ):
        marc = report["imports"].get(kind, {}).get("records_per_second")
        if marc is not None:
            out.append((label, f"{marc:.0f}", f">= {MARC_RECORDS_PER_SECOND}", marc >= MARC_RECORDS_PER_SECOND))
    for name, figures in targets.items():
        if "varnish" in figures and "nginx" in figures:
            share = figures["varnish"]["rps"] / figures["nginx"]["rps"]
            out.append(
                (
                    f"{name} through Varnish / nginx static",
                    f"{share:.0%}",
                    f">= {CACHED_SHARE_OF_STATIC:.0%}",
                    share >= CACHED_SHARE_OF_STATIC,
                )
            )
    return [{"check": c, "value": v, "target": t, "result": verdict(ok)} for c, v, t, ok in out]


def other_size_result(report):
    """The latest saved result of a run on another catalogue size, to compare query counts with."""
    for path in sorted(RESULTS.glob("*.json"), reverse=True):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if data.get("records") not in (None, report["records"]) and "targets" in data:
            return data
    return None


def print_report(report):
    print()
    print(
        f"Kutubxona benchmark, {report['when']}: {report['items']} items ({report['records']} MARC records), "
        f"{report['workers']} gunicorn workers, wrk -c{report['connections']} -d{report['duration']}s x{report['runs']}"
    )
    header = (
        f"{'target':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'err':>5} {'SQL':>4} {'cold':>4} "
        f"{'vs static':>9} {'cached':>8} {'vs static':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, f in report["targets"].items():
        app = f["app"]
        ratio = f"{app['rps'] / f['nginx']['rps']:.2%}" if "nginx" in f else ""
        cached = f"{f['varnish']['rps']:.0f}" if "varnish" in f else ""
        cached_ratio = f"{f['varnish']['rps'] / f['nginx']['rps']:.0%}" if "varnish" in f else ""
        print(
            f"{name:24} {app['rps']:8.0f} {app['p50_ms']:8.1f} {app['p99_ms']:8.1f} {app['errors']:5d} "
            f"{f['queries']:4d} {f.get('queries_cold', 0):4d} {ratio:>9} {cached:>8} {cached_ratio:>9}"
        )
    print()
    print(f"peak memory per worker (VmHWM): {report['peak_memory_mb_per_worker']} MB")
    for kind, figures in report["imports"].items():
        print(f"import {kind}: {figures}")
    for name in ("tiling_seconds_per_100mp", "ocr_seconds_per_page"):
        if name in report:
            print(f"{name.replace('_', ' ')}: {report[name]}")
    print()
    for check in report["checks"]:
        print(f"{check['result']:5} {check['check']:48} {check['value']:>8}  (target {check['target']})")


def main():
    args = parse_args()
    if args.import_job:
        import django

        django.setup()
        import_job(*args.import_job)
        return
    if not MARC_FILE.exists():
        sys.exit(f"{MARC_FILE} is missing: run scripts/fetch-test-data.sh")
    for tool in ("wrk", "nginx", "varnishd"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is not installed (scripts/bench.sh installs it)")
    label = size_label(args.records)
    db_name = f"kutubxona_bench_{label}"
    create_database(db_name)
    os.environ.update(production_env(db_name, label, "immediate"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import seed

    record = seed.ensure_seeded(args.records, MARC_FILE)
    print("VACUUM (ANALYZE)…", flush=True)
    vacuumed = seed.vacuum()
    call_command("collectstatic", "--noinput", verbosity=0)
    targets = collect_targets(args.records)
    print("Counting queries in-process…", flush=True)
    figures = in_process(targets)
    connection.close()

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "records": args.records,
        "items": record["items"],
        "database": db_name,
        "workers": args.workers,
        "connections": args.connections,
        "duration": args.duration,
        "runs": args.runs,
        "warmup": args.warmup,
        "load_average": os.getloadavg(),
        "seed": record,
        "vacuum": vacuumed,
        "targets": {},
        "imports": {
            # Replaced by the scratch import of this run's code unless --skip-imports is given.
            "marc": {
                "records": record["marc_records"],
                "seconds": record["marc_seconds"],
                "records_per_second": record["marc_records_per_second"],
                "when": "seeding",
            }
        },
    }
    workdir = Path(tempfile.mkdtemp(prefix="kutubxona-bench-"))
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - open for the servers' lifetime
    server_env = production_env(db_name, label, "database")
    processes = []
    try:
        port = free_port()
        gunicorn = start_gunicorn(server_env, args.workers, port, log)
        processes.append(gunicorn)
        worker = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT
        )
        processes.append(worker)
        app = f"http://127.0.0.1:{port}"
        pages = {}
        for name, (path, is_page) in targets.items():
            status, _headers, body = fetch(app + path)
            figures[name]["http_status"] = status
            if is_page:
                pages[name] = body
        nginx, static = start_nginx(workdir, pages)
        processes.append(nginx)
        varnish, cached = start_varnish(workdir, port)
        processes.append(varnish)
        wrk = Wrk(workdir, args)
        for name, (path, is_page) in targets.items():
            print(f"Loading {name}…", flush=True)
            result = dict(figures[name], path=path, app=wrk.measure(app + path))
            if is_page:
                result["nginx"] = wrk.measure(f"{static}/{name}.html")
                result["varnish"] = wrk.measure(cached + path)
                result["varnish_x_cache"] = fetch(cached + path)[1].get("X-Cache", "")
            report["targets"][name] = result
        report["peak_memory_mb_per_worker"] = worker_peak_memory_mb(gunicorn)
    finally:
        for process in reversed(processes):
            stop(process)
        log.close()
    if not args.skip_imports:
        print("Import throughput, tiling and OCR…", flush=True)
        report["imports"].update(import_throughput(label, workdir))
        report["tiling_seconds_per_100mp"] = tiling_seconds_per_100mp(25 if args.quick else 100, workdir)
        report["ocr_seconds_per_page"] = ocr_seconds_per_page()
    shutil.rmtree(workdir, ignore_errors=True)
    report["checks"] = checks(report, args)
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{report['when'].replace(':', '')[:17]}-{label}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
