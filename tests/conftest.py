import io
import json
import os
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections
from django.utils import translation
from wagtail.models import Page, Site

from catalogue.factories import (
    CollectionIndexPageFactory,
    CollectionPageFactory,
    ItemIndexPageFactory,
    VocabularyIndexPageFactory,
)
from exhibits.models import ExhibitIndexPage
from home.factories import HomePageFactory
from reading_lists.models import ReadingListIndexPage

# --- Browser tests ------------------------------------------------------------------------
# pytest-playwright drives Debian's chromium (scripts/apt-packages-test.txt); Playwright's own
# browser download is never used. Failed browser tests leave a screenshot under
# var/test-results/ (--screenshot in pyproject.toml).
CHROMIUM = os.environ.get("KUTUBXONA_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Playwright's sync API keeps an event loop running in the test thread for the whole session
# once a browser test has started; Django would then refuse every ORM call of the tests that
# follow. The tests never run queries from coroutines, so the guard is off in the test run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    """With pytest-xdist (`make test` runs two workers) each worker has its own test database
    (pytest-django names it after the worker) and its own buckets, so one worker's uploads and
    deletions never touch another's files."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        return
    from django.core.files.storage import default_storage, storages
    from django.utils.functional import empty

    settings.AWS_STORAGE_BUCKET_NAME = f"{settings.AWS_STORAGE_BUCKET_NAME}-{worker}"
    if settings.AWS_PRIVATE_STORAGE_BUCKET_NAME:
        settings.AWS_PRIVATE_STORAGE_BUCKET_NAME = f"{settings.AWS_PRIVATE_STORAGE_BUCKET_NAME}-{worker}"
    storages._storages = {}  # storages made before this point would keep the shared names
    default_storage._wrapped = empty


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1000}, "locale": "en-GB"}


@pytest.fixture(scope="session", autouse=True)
def serialized_db_contents(django_db_setup, django_db_blocker):
    """The rows made by migrations (languages, rights statements, Wagtail's root page...), as
    Django serialized them when it created the test database for the transactional tests.

    Kept here because Playwright's event loop gives later tests other connection objects, which
    lack the copy Django keeps on the connection it serialized from.
    """
    return {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if getattr(connection, "_test_serialized_contents", None)
    }


@pytest.fixture(scope="module")
def restore_migration_data(serialized_db_contents, django_db_blocker):
    """Browser tests run against Django's live server, which needs committed data, so they are
    transactional tests that empty every table when they end. Django reloads the serialized copy
    when each such test starts (given back to the connections here); this puts it back once the
    module is done, for the tests that follow and for the next `--reuse-db` run.
    """
    for alias, contents in serialized_db_contents.items():
        connections[alias]._test_serialized_contents = contents
    yield
    with django_db_blocker.unblock():
        for alias, contents in serialized_db_contents.items():
            connections[alias]._test_serialized_contents = contents
            connections[alias].creation.deserialize_db_from_string(contents)
        # These connections belong to Playwright's context; closed here, they do not keep the
        # test database busy when pytest-django drops it at the end of the run.
        connections.close_all()


# Marks for a module of browser tests.
BROWSER_TEST = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("restore_migration_data"),
    pytest.mark.browser,
]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request to /ru/… in one test leaves
    Russian active in the thread, which would otherwise change the messages of the next one."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: entries are keyed by generation tokens stored in
    the database (home/site_cache.py), which the test's rollback or flush may bring back."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def s3_buckets(django_db_setup, django_db_blocker):
    """Create the buckets on the S3 endpoint the test run points at (moto's server in `make test`)."""
    if not settings.AWS_STORAGE_BUCKET_NAME:
        return
    client = boto3.client(
        "s3",
        endpoint_url=settings.AWS_S3_ENDPOINT_URL,
        region_name=settings.AWS_S3_REGION_NAME,
        aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
        aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
    )
    existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
    for bucket in {settings.AWS_STORAGE_BUCKET_NAME, settings.AWS_PRIVATE_STORAGE_BUCKET_NAME}:
        if bucket and bucket not in existing:
            client.create_bucket(Bucket=bucket)
    # As in production (docs/configuration.md): anyone may read the public bucket's media,
    # nobody may read the private bucket without a signature.
    client.put_bucket_policy(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Policy=json.dumps(public_read_policy()))


def public_read_policy():
    bucket = settings.AWS_STORAGE_BUCKET_NAME
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/media/*",
            }
        ],
    }


@pytest.fixture
def s3_client():
    if not settings.AWS_STORAGE_BUCKET_NAME:
        pytest.skip("No S3 endpoint configured (run the suite with `make test`).")
    return boto3.client(
        "s3",
        endpoint_url=settings.AWS_S3_ENDPOINT_URL,
        region_name=settings.AWS_S3_REGION_NAME,
        aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
        aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
    )


class Library:
    """The page tree of a small library: home, collections, item and vocabulary indexes."""

    def __init__(self):
        root = Page.get_first_root_node()
        self.home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": self.home}
        )
        self.collections = CollectionIndexPageFactory(parent=self.home)
        self.manuscripts = CollectionPageFactory(parent=self.collections, title="Manuscripts", slug="manuscripts")
        self.navoiy = CollectionPageFactory(parent=self.manuscripts, title="Navoiy manuscripts", slug="navoiy")
        self.photographs = CollectionPageFactory(parent=self.collections, title="Photographs", slug="photographs")
        self.items = ItemIndexPageFactory(parent=self.home)
        self.agents = VocabularyIndexPageFactory(parent=self.home, vocabulary="agents")
        self.subjects = VocabularyIndexPageFactory(parent=self.home, vocabulary="subjects")
        self.places = VocabularyIndexPageFactory(parent=self.home, vocabulary="places")


@pytest.fixture
def library(db):
    Page.objects.filter(depth=2).delete()
    Site.objects.all().delete()
    return Library()


def english_admin(user):
    """`user` with the admin in English: tests that read the admin's labels and messages rather
    than their translation (the catalogues are checked in tests/i18n)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", "reader@example.org", "password")


# --- Staff roles (catalogue/roles.py) --------------------------------------------------


def setup_roles():
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def staff_site(library):
    """The library with exhibits and reading lists, and the staff groups and workflows of setup_roles."""
    library.exhibits = publish_child(library.home, ExhibitIndexPage(title="Koʻrgazmalar", slug="exhibits"))
    library.reading_lists = publish_child(
        library.home, ReadingListIndexPage(title="Oʻquv roʻyxatlari", slug="reading-lists")
    )
    setup_roles()
    return library


@pytest.fixture
def make_user(django_user_model):
    def make(role, username=None):
        username = username or role.lower()
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def as_role(client, make_user, role, username=None):
    user = make_user(role, username)
    client.force_login(user)
    return user
