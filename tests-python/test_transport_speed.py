"""End-to-end speed through the transport: start-up and a Patch-style building loop."""

import subprocess
import sys
import textwrap
import time


def _run(script):
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    return child.stdout.split()


def test_first_section_answers_within_1_5_s_of_import_patch():
    # A fresh process: the JVM is started from nothing, and a value must come back from it.
    (seconds,) = _run(
        """
        import time
        t0 = time.perf_counter()
        import patch
        from patch import p
        s = p.Section()
        assert s.L == 100.0
        print(time.perf_counter() - t0)
        """
    )
    assert float(seconds) < 1.5


def test_building_2000_sections_patch_style_takes_under_2_s(p):
    t0 = time.perf_counter()
    sections = []
    for i in range(2000):
        s = p.Section(name=f"loop_{i}")
        s.L = 40.0 + i % 7
        s.diam = 2.5
        s.nseg = 5
        s.Ra = 110.0
        s.insert("pas")
        s.g_pas = 2e-4
        s.e_pas = -68.0
        sections.append(s)
    # A read forces every queued command through the JVM.
    assert sections[-1].L == 40.0 + 1999 % 7
    elapsed = time.perf_counter() - t0
    assert sections[1234](0.5).g_pas == 2e-4 and sections[7].nseg == 5
    assert elapsed < 2.0, f"{elapsed:.2f} s"
