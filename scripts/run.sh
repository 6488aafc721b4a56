#!/usr/bin/env bash
# Sets up and runs the site on embedded defaults (SQLite, local files) with the demo library.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scripts/bootstrap.sh requirements.txt
apt_install_project_packages
scripts/npm-install.sh
export DJANGO_SETTINGS_MODULE=cms.settings.dev
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_demo
host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"
echo
echo "  Public site:  http://$host:$port/"
echo "  Admin:        http://$host:$port/admin/"
echo
exec .venv/bin/python manage.py runserver "$host:$port"
