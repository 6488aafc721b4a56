"""Reads from PostgreSQL replicas for anonymous visitors (docs/deploy.md, "PostgreSQL replicas").

Only what an anonymous visitor reads goes to a replica: the public pages, which the proxy caches
anyway. Staff and signed-in readers, every write, the task worker and management commands use the
primary, so an editor always sees what they have just saved. With no replica configured every
query goes to the primary.
"""

import random
from contextvars import ContextVar

from django.conf import settings

_read_from_replica = ContextVar("read_from_replica", default=False)

SAFE_METHODS = {"GET", "HEAD"}
PRIMARY_PREFIXES = ("/admin/", "/django-admin/", "/files/private/")


def replicas():
    return settings.DATABASE_REPLICAS


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _read_from_replica.get():
            choices = replicas()
            if choices:
                return random.choice(choices)  # noqa: S311 - load spreading, not security
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous_read = (
            request.method in SAFE_METHODS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(PRIMARY_PREFIXES)
        )
        if not anonymous_read or not replicas():
            return self.get_response(request)
        token = _read_from_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            _read_from_replica.reset(token)
