#!/usr/bin/env bash
# Creates the virtual environment and installs the Python requirements.
# Usage: scripts/bootstrap.sh [requirements.txt|requirements-dev.txt]
# Re-running is quick: pip runs again only when the requirements file changed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

reqs="${1:-requirements.txt}"
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
    if ! "$python" -m venv .venv 2>/dev/null; then
        # Debian ships venv separately.
        rm -rf .venv
        as_root apt-get update -qq
        as_root apt-get install -y -qq python3-venv
        "$python" -m venv .venv
    fi
    .venv/bin/pip install -q --upgrade pip
fi

stamp=".venv/.installed-$(basename "$reqs" .txt)"
digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "Installing Python packages from $reqs ..."
    .venv/bin/pip install -q -r "$reqs"
    echo "$digest" > "$stamp"
fi
