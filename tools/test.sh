#!/usr/bin/env bash
# Sets up .venv/ (+ .venv-ref/, the NEURON oracle) and runs every test: JUnit then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/java-home.sh
bash tools/setup.sh --with-reference
.venv/bin/pip install -q -r tests-python/requirements.txt
# Real .mod files no one here wrote, read where they are installed (issue 6's differential
# test compiles each with NEURON's nrnivmodl and with jpatch, and compares traces).
# Installed once: .venv-ref may be shared between work trees, and a reinstall would swap
# the files under a concurrent run.
if [ ! -d .venv-ref/mods/dbbs_catalogue-6.0.1.dist-info ] || [ ! -d .venv-ref/mods/dbbs_mod_collection-2.2.3.dist-info ]; then
  .venv-ref/bin/pip install -q --no-deps --upgrade --target .venv-ref/mods dbbs-catalogue==6.0.1 dbbs-mod-collection==2.2.3
fi
NEURON_SHARE=$(.venv-ref/bin/python -c "import neuron, os; print(os.path.join(os.path.dirname(neuron.__file__), '.data', 'share'))")
export JPATCH_MOD_DIRS=$PWD/.venv-ref/mods/dbbs_catalogue/mods/neuron:$PWD/.venv-ref/mods/dbbs_mod_collection/mod:$NEURON_SHARE
export JPATCH_NEURON_PYTHON=$PWD/.venv-ref/bin/python
mvn -q -B verify
JPATCH_REQUIRE_NEURON=1 .venv/bin/python -m pytest tests-python -q
