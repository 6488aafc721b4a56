"""Anonymous visitors read from the PostgreSQL replicas; staff, writes and everything else from the primary."""

import pytest
from django.test import RequestFactory, override_settings

from catalogue.models import Item
from cms.db_routers import ReplicaReadsMiddleware, ReplicaRouter


def chosen(request):
    """The databases the router picks for a read and a write during `request`."""
    seen = {}

    def view(request):
        router = ReplicaRouter()
        seen["read"] = router.db_for_read(Item)
        seen["write"] = router.db_for_write(Item)
        return None

    ReplicaReadsMiddleware(view)(request)
    return seen


@pytest.fixture
def with_replica():
    with override_settings(DATABASE_REPLICAS=["replica1"]):
        yield


def test_anonymous_reads_go_to_a_replica(with_replica):
    assert chosen(RequestFactory().get("/items/1/kitob/")) == {"read": "replica1", "write": "default"}


@pytest.mark.parametrize(
    "request_",
    [
        RequestFactory().get("/items/1/kitob/", HTTP_COOKIE="sessionid=abc"),
        RequestFactory().post("/search/"),
        RequestFactory().get("/admin/"),
        RequestFactory().get("/files/private/scan.png"),
    ],
    ids=["signed-in", "post", "admin", "private-file"],
)
def test_everything_else_uses_the_primary(with_replica, request_):
    assert chosen(request_) == {"read": "default", "write": "default"}


def test_without_replicas_everything_uses_the_primary():
    assert chosen(RequestFactory().get("/items/1/kitob/"))["read"] == "default"


def test_outside_a_request_the_primary_is_used(with_replica):
    assert ReplicaRouter().db_for_read(Item) == "default"
    assert ReplicaRouter().allow_migrate("replica1", "catalogue") is False
