"""examples/demo.py builds an hh cell, prints its spikes and writes a plot, in seconds."""

import subprocess
import sys
import time
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.py"


def test_demo_prints_spikes_and_writes_a_png(tmp_path):
    png = tmp_path / "v.png"
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(DEMO), str(png)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    elapsed = time.perf_counter() - start
    spikes = [float(s) for s in out.split("spike times (ms):")[1].splitlines()[0].split(",") if s.strip()]
    assert len(spikes) >= 2
    assert all(5 <= s <= 45 for s in spikes)
    assert f"plot written to {png}" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert elapsed < 10
