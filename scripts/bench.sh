#!/usr/bin/env bash
# The benchmark set (docs/performance.md): wrk, nginx and Varnish, PostgreSQL, the Library of
# Congress MARC file, then bench/run.py with the arguments given (--quick for the short set).
# Stops the PostgreSQL server again if it started it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scripts/bootstrap.sh requirements.txt
apt_install_project_packages bench
mkdir -p var

pg_started=$(scripts/ensure-postgres.sh)
cleanup() {
    if [ "$pg_started" = "started" ]; then
        version=$(ls /etc/postgresql | sort -V | tail -n 1)
        pg_ctlcluster --skip-systemctl-redirect "$version" main stop 2>/dev/null || true
    fi
}
trap cleanup EXIT

scripts/fetch-test-data.sh
.venv/bin/python bench/run.py "$@"
