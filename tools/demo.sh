#!/usr/bin/env bash
# Sets up .venv/ and runs the demo: an hh cell, its spike times, and a PNG of v(t).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
.venv/bin/pip install -q matplotlib   # the demo plots v(t); the package itself does not need it
.venv/bin/python examples/demo.py
