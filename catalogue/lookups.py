"""`field__in_array=[…]`: `field = ANY(%s)` with the whole list as one array parameter.

For the long lists of a bulk import (500 identifiers, headings or ids per batch): Django's `__in`
prepares every value of the list through the field, which cost a tenth of a MARC import; the
database driver adapts a list to an array in one go. PostgreSQL only (imports also run on the
embedded SQLite database, where `__in` is used instead: see `in_array`).
"""

from django.db import connection
from django.db.models import Field, Lookup


class InArray(Lookup):
    lookup_name = "in_array"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [list(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


Field.register_lookup(InArray)


def in_array(name, values):
    """Filter keyword arguments for `name` in `values`: one array parameter on PostgreSQL."""
    values = list(values)
    if connection.vendor == "postgresql":
        return {f"{name}__in_array": values}
    return {f"{name}__in": values}
