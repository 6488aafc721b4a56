"""Lookups that pass a whole list as one PostgreSQL array parameter (`= ANY(…)`).

- `id__any_of=[…]`: integer ids as one array literal, for the up to 100,000 ids of a search's
  matches (search/engine.py).
- `field__in_array=[…]`: values of any type, adapted by the database driver, for the long lists
  of a bulk import (500 identifiers, headings or ids per batch): Django's `__in` prepares every
  value of the list through the field, which cost a tenth of a MARC import. Imports also run on
  the embedded SQLite database, where `in_array()` gives `__in` instead.
"""

from django.db import connection
from django.db.models import Field, IntegerField, Lookup


def int_array(values):
    """An array literal ('{1,2,3}') of integers: one text constant for PostgreSQL to parse, not an
    ARRAY[…] of one constant per value."""
    return "{" + ",".join(str(int(v)) for v in values) + "}"


class AnyOf(Lookup):
    """`id__any_of=[…]`: `id = ANY(%s)` with the list as one array parameter, which PostgreSQL
    answers from the primary key whatever the length of the list (`__in` sends one parameter
    per id, and `IN (SELECT unnest(…))` is planned as a loop)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [int_array(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs}::bigint[])", [*lhs_params, *rhs_params]


IntegerField.register_lookup(AnyOf)


class InArray(Lookup):
    """`field__in_array=[…]` (see the module's docstring)."""

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
