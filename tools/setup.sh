#!/usr/bin/env bash
# Builds the engine jar and installs the `patch` package (distribution jpatch) into .venv/.
# With --with-reference also creates .venv-ref/ holding real NEURON + nrn-patch, the oracle.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/java-home.sh
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q ./python-package
if [ "${1:-}" = "--with-reference" ]; then
  [ -x .venv-ref/bin/python ] || "$PY" -m venv .venv-ref
  .venv-ref/bin/pip install -q -r tools/reference-requirements.txt
fi
