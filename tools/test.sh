#!/usr/bin/env bash
# Sets up .venv/ (+ .venv-ref/, the NEURON oracle) and runs every test: JUnit then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --with-reference
.venv/bin/pip install -q -r tests-python/requirements.txt
mvn -q -B verify
JPATCH_REQUIRE_NEURON=1 .venv/bin/python -m pytest tests-python -q
