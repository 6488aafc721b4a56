#!/usr/bin/env bash
# Real library records for the import tests and benchmarks: the MARC files of pymarc's source
# distribution (test/*.dat, *.mrc, *.xml) and the Library of Congress file it ships
# (BooksAll.2016.part01.utf8, 250,000 records). Cached under var/test-data; nothing is fetched
# when they are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
version=5.4.0
dest=var/test-data/pymarc
if [ -f "$dest/test/bad_records.mrc" ] && [ -f "$dest/BooksAll.2016.part01.utf8" ]; then
    exit 0
fi
mkdir -p "$dest" var/test-data/download
.venv/bin/pip download --quiet --no-binary :all: --no-deps "pymarc==$version" -d var/test-data/download
tar -xzf "var/test-data/download/pymarc-$version.tar.gz" -C "$dest" --strip-components=1 \
    "pymarc-$version/test" "pymarc-$version/BooksAll.2016.part01.utf8"
