"""The repository's Varnish configuration in front of the application: a second request is served
from the cache, and publishing a change purges it so the proxy serves the new version at once."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from catalogue.factories import ItemFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("restore_migration_data"),
]

VARNISHD = shutil.which("varnishd") or next(
    (p for p in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if Path(p).exists()), None
)
VCL_DIR = Path(settings.BASE_DIR) / "deploy" / "varnish"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback test URL
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def proxy(live_server, tmp_path):
    """varnishd on a free loopback port, running deploy/varnish/default.vcl with the backend
    address of deploy/varnish/backends.vcl pointed at the test server. No root needed."""
    if VARNISHD is None:
        pytest.skip("varnishd is not installed (scripts/apt-packages-test.txt installs the varnish package)")
    host, port = live_server.url.removeprefix("http://").split(":")
    backends = (VCL_DIR / "backends.vcl").read_text()
    assert '.port = "8000";' in backends
    (tmp_path / "backends.vcl").write_text(
        backends.replace('.host = "127.0.0.1";', f'.host = "{host}";').replace('.port = "8000";', f'.port = "{port}";')
    )
    workdir = tmp_path / "varnish"
    workdir.mkdir()
    listen = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            VARNISHD,
            "-F",
            "-j",
            "none",
            "-n",
            str(workdir),
            "-a",
            f"127.0.0.1:{listen}",
            "-T",
            "none",
            "-f",
            str(VCL_DIR / "default.vcl"),
            "-p",
            f"vcl_path={tmp_path}:{VCL_DIR}",
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{listen}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail("varnishd stopped:\n" + process.stdout.read().decode())
            try:
                if fetch(base + "/robots.txt")[0] == 200:  # the backend's health probe has passed
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("varnishd did not answer through the backend within 30 s")
            time.sleep(0.2)
        frontend_cache = {"proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": base}}
        with override_settings(WAGTAILFRONTENDCACHE=frontend_cache):
            yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_publishing_a_change_makes_the_proxy_serve_the_new_version(library, proxy):
    item = ItemFactory(title="Boburnoma", collections=[library.manuscripts])
    url = proxy + item.get_url()

    status, headers, body = fetch(url)
    assert status == 200
    assert "Boburnoma" in body
    assert headers["X-Cache"] == "MISS"
    status, headers, body = fetch(url)
    assert headers["X-Cache"] == "HIT"
    assert "Boburnoma" in body
    assert int(headers["Age"]) >= 0
    sorted_list = proxy + library.manuscripts.url + "?sort=-title"
    assert "Boburnoma" in fetch(sorted_list)[2]
    assert fetch(sorted_list)[1]["X-Cache"] == "HIT"

    item.title = "Boburnoma (Haydarobod nusxasi)"
    item.save_revision().publish()

    status, headers, body = fetch(url)
    assert status == 200
    assert "Haydarobod nusxasi" in body
    assert headers["X-Cache"] == "MISS"
    # The collection that lists it was purged too, with every query string of it.
    assert "Haydarobod nusxasi" in fetch(sorted_list)[2]


def test_signed_in_and_private_answers_are_not_cached(library, proxy):
    item = ItemFactory(title="Xamsa")
    url = proxy + item.get_url()
    for _ in range(2):
        _status, headers, _body = fetch(url, Cookie="sessionid=anything")
        assert headers["X-Cache"] == "MISS"
        _status, headers, _body = fetch(url, Cookie="_ga=1; __Host-sessionid=anything")
        assert headers["X-Cache"] == "MISS"
    # Cookies that are not the session's do not split or bypass the cache.
    assert fetch(url, Cookie="_ga=1")[1]["X-Cache"] == "MISS"
    assert fetch(url, Cookie="csrftoken=abc; _ga=2")[1]["X-Cache"] == "HIT"
    assert fetch(url)[1]["X-Cache"] == "HIT"
    for _ in range(2):
        status, headers, _body = fetch(proxy + "/admin/login/")
        assert status == 200
        assert headers["X-Cache"] == "MISS"
