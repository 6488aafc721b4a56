import json

import boto3
import pytest
from django.conf import settings
from wagtail.models import Page, Site

from catalogue.factories import (
    CollectionIndexPageFactory,
    CollectionPageFactory,
    ItemIndexPageFactory,
    VocabularyIndexPageFactory,
)
from home.factories import HomePageFactory


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


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", "reader@example.org", "password")
