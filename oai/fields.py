"""A list of set specs that works on every database the site runs on.

PostgreSQL keeps it as a text array, GIN-indexed (migration 0001), so that `set=` selections use
the index; elsewhere (SQLite, the development default) it is JSON text and a set is selected with
a text match (oai.views), which is fine at development sizes.
"""

import json

from django.contrib.postgres.fields import ArrayField


class SetSpecsField(ArrayField):
    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return super().db_type(connection)
        return "text"

    def cast_db_type(self, connection):
        return self.db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return super().get_placeholder(value, compiler, connection)
        return "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor == "postgresql":
            return super().get_db_prep_value(value, connection, prepared)
        return None if value is None else json.dumps(list(value))

    def from_db_value(self, value, expression, connection):
        if isinstance(value, str):
            return json.loads(value)
        return value
