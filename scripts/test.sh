#!/usr/bin/env bash
# The whole test run: dev requirements, PostgreSQL, moto's S3 server, Django checks,
# migrations check, lint and the pytest suite. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scripts/bootstrap.sh requirements-dev.txt
apt_install_project_packages test
scripts/npm-install.sh
# The message catalogues of locale/ (uz, uz_Cyrl, ru), compiled from the .po files in the repository.
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
mkdir -p var

pg_started=$(scripts/ensure-postgres.sh)
moto_pid=""
cleanup() {
    [ -n "$moto_pid" ] && kill "$moto_pid" 2>/dev/null || true
    if [ "$pg_started" = "started" ]; then
        version=$(ls /etc/postgresql | sort -V | tail -n 1)
        pg_ctlcluster --skip-systemctl-redirect "$version" main stop 2>/dev/null || true
    fi
}
trap cleanup EXIT

moto_port=$(free_port)
.venv/bin/moto_server -H 127.0.0.1 -p "$moto_port" >var/moto.log 2>&1 &
moto_pid=$!
wait_for_port "$moto_port"

export DJANGO_SETTINGS_MODULE=cms.settings.test
export DATABASE_URL="postgres://kutubxona:kutubxona@127.0.0.1:5432/kutubxona"
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$moto_port"
export AWS_STORAGE_BUCKET_NAME=kutubxona-test-public
export AWS_PRIVATE_STORAGE_BUCKET_NAME=kutubxona-test-private
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=us-east-1

echo "== manage.py check"
.venv/bin/python manage.py check
echo "== makemigrations --check"
.venv/bin/python manage.py makemigrations --check --dry-run
echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/djhtml --check templates
echo "== schemas and test data"
scripts/fetch-schemas.sh
scripts/fetch-test-data.sh
echo "== tests"
# Two workers (pytest-xdist; TEST_WORKERS=0 for one process), each test file on one worker so its
# module fixtures are made once; each worker has its own database and buckets (tests/conftest.py).
.venv/bin/pytest -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
