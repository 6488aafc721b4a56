#!/usr/bin/env bash
# Makes sure a PostgreSQL server listens on 127.0.0.1:5432 with the project's role and
# database. Installs Debian's postgresql package when no server is installed and starts
# the local cluster when it is down. Prints "started" when it started the server, so the
# caller can stop it again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

PGPORT=5432
role="${PG_TEST_ROLE:-kutubxona}"
started=""

if ! pg_isready -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
        apt_install postgresql >&2
    fi
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || as_root pg_ctlcluster "$version" main start >&2
    for _ in $(seq 1 50); do
        pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
        sleep 0.2
    done
    started="started"
fi

# The test role may create databases (pytest-django creates test_<name>).
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PGPORT" <<SQL >&2
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role';
    END IF;
END
\$\$;
SQL
if ! as_postgres psql -tAq -p "$PGPORT" -c "SELECT 1 FROM pg_database WHERE datname = '$role'" | grep -q 1; then
    as_postgres createdb -p "$PGPORT" -O "$role" "$role" >&2
fi
echo "$started"
