#!/usr/bin/env bash
# The official OAI-PMH.xsd for the tests, taken from the pyoai source distribution
# (src/oaipmh/tests/OAI-PMH.xsd). Downloaded once into var/; skipped when present.
set -euo pipefail
cd "$(dirname "$0")/.."
target=var/schemas/OAI-PMH.xsd
[ -s "$target" ] && exit 0
mkdir -p var/downloads var/schemas
ls var/downloads/pyoai-2.5.0.tar.gz >/dev/null 2>&1 ||
    .venv/bin/pip download --quiet --no-binary :all: --no-deps --dest var/downloads pyoai==2.5.0
tar -xzf var/downloads/pyoai-2.5.0.tar.gz -O pyoai-2.5.0/src/oaipmh/tests/OAI-PMH.xsd >"$target.tmp"
mv "$target.tmp" "$target"
