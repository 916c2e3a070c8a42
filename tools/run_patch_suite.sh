#!/usr/bin/env bash
# Runs Patch 4.0's own test suite (dbbs-lab/patch `tests/`) against jpatch, as its CI does:
# tests/separate in one process, the rest in another, each from tests/ so `_shared` imports.
# Usage: tools/run_patch_suite.sh GIT_DIR [COMMIT] [PYTHON]
#   GIT_DIR: a snapshot of dbbs-lab/patch (e.g. /work/.mirror/dbbs-lab+patch/repo); read only,
#            nothing is fetched and nothing of it is copied into this repository.
#   COMMIT:  default HEAD.  PYTHON: default .venv/bin/python (jpatch); .venv-ref/bin/python
#            runs the same suite on real Patch + NEURON, for comparison.
# Extra pytest arguments can be given in PATCH_SUITE_PYTEST_ARGS (e.g. "-rA" or "-x").
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=${1:?usage: tools/run_patch_suite.sh GIT_DIR [COMMIT] [PYTHON]}
commit=${2:-HEAD}
python=${3:-.venv/bin/python}
python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")"  # absolute, venv symlink kept
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git --git-dir="$snapshot" archive "$commit" tests | tar -x -C "$work"
cd "$work/tests"
status=0
if "$python" -c "import pytest" 2>/dev/null; then
  # -p no:cacheprovider: nothing written beside the exported tests.
  "$python" -m pytest -p no:cacheprovider -q ${PATCH_SUITE_PYTEST_ARGS:-} separate || status=$?
  "$python" -m pytest -p no:cacheprovider -q ${PATCH_SUITE_PYTEST_ARGS:-} --ignore=separate . || status=$?
else
  # The oracle's venv is read-only and has no pytest: Patch's CI runner, unittest, as CI calls it.
  "$python" -m unittest discover -s ./separate || status=$?
  "$python" -m unittest discover -s . || status=$?
fi
exit $status
