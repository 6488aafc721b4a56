#!/usr/bin/env bash
# Sets up and runs the site on embedded defaults (SQLite, local files) with the demo library.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scripts/bootstrap.sh requirements.txt
apt_install_project_packages
scripts/npm-install.sh
# The message catalogues of locale/ (uz, uz_Cyrl, ru), compiled from the .po files in the repository.
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
export DJANGO_SETTINGS_MODULE=cms.settings.dev
host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"
# Absolute URLs (IIIF tiles and manifests) name the address the site is served at.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$host:$port}"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_demo
echo
echo "  Public site:  http://$host:$port/"
echo "  Admin:        http://$host:$port/admin/"
echo
exec .venv/bin/python manage.py runserver "$host:$port"
