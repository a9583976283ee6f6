#!/usr/bin/env bash
# Regenerate constraints.txt, the exact build and test environment (Parquet, SQLite and PNG
# bytes depend on it), from a fresh venv with the newest versions the ranges in pyproject.toml
# allow. Rebuild (make data) and commit the outputs with the new lock.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3.11}" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --upgrade pip
"$tmp/venv/bin/pip" install --quiet -e '.[dev]'
{
  echo "# Exact versions of the build and test environment (Parquet bytes depend on pyarrow)."
  echo "# Used by the Makefile and CI; the published wheel keeps the ranges in pyproject.toml."
  echo "# Regenerate with: scripts/lock.sh"
  "$tmp/venv/bin/pip" freeze --exclude-editable
} > constraints.txt
echo "constraints.txt updated; now run: make data && make test"
