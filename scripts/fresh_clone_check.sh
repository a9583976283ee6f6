#!/usr/bin/env bash
# Run the README's two quickstart commands in a fresh clone of the committed tree, as a new
# user would (only Python 3.11 and make needed), and check that the build leaves no diff.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dest=$(mktemp -d)/syria-deconfliction
git clone --quiet "$repo" "$dest"
cd "$dest"
make data
make test
git status --porcelain -- build datapackage.json docs | (! grep .) || {
  echo "a fresh build differs from the committed outputs" >&2; exit 1; }
echo "fresh clone OK: $dest"
