import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

REPO = Path(__file__).resolve().parents[2]


def sample_dir():
    """The development sample export: $KUTUBXONA_PLONE_SAMPLE, ../shared/plone-sample beside the
    repository, or /tmp/shared/plone-sample."""
    candidates = [os.environ.get("KUTUBXONA_PLONE_SAMPLE"), REPO.parent / "shared" / "plone-sample"]
    candidates.append("/tmp/shared/plone-sample")
    for candidate in candidates:
        if candidate and (Path(candidate) / "Library2.json").is_file():
            return Path(candidate)
    return None


def run_import(path, *args):
    """(exit ok, output) of manage.py import_plone."""
    out = io.StringIO()
    try:
        call_command("import_plone", str(path), *args, stdout=out)
    except CommandError as exc:
        return False, out.getvalue() + str(exc)
    return True, out.getvalue()


@pytest.fixture
def plone_site(staff_site):
    return staff_site
