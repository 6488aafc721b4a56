#!/usr/bin/env bash
# Installs the front-end libraries locked in package-lock.json into node_modules/ (the Mirador
# IIIF viewer; served as static files, see STATICFILES_DIRS in cms/settings/base.py).
# Installs Debian's nodejs and npm first when npm is missing.
# Re-running is quick: npm runs again only when package-lock.json is newer than the installed tree.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
fi

# npm ci writes node_modules/.package-lock.json once the tree matches package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages from package-lock.json ..."
    npm ci --no-audit --no-fund
fi
