"""Fuzzing the public API (issue 13 point 7): random sequences of calls in one session.

Hypothesis draws sequences of calls (fuzz_api_calls.py); a separate process holding one
jpatch session runs them and checks the oracles after each call and each sequence
(fuzz_api_worker.py). This process watches it: a sequence that takes longer than
``JPATCH_FUZZ_TIMEOUT`` seconds (default 60) is a hang, a worker that dies a crash;
either fails the test instead of blocking it, and the next sequence gets a new session.
A sequence that finds a violation also gets a new session after it, so that what it
left behind cannot make later sequences fail.

Profiles (``JPATCH_FUZZ_PROFILE``): ``ci`` (default, ~60-90 s on a 2-core machine) and
``long`` (10,000 sequences, README.md "Fuzzing"). A failure prints the sequence as a
script to paste. ``JPATCH_FUZZ_STATS=<file>`` writes the run's figures there as JSON.
"""

import collections
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_api_calls import as_code, sequences

_COMMON = dict(
    deadline=None,
    # No example database: a failure must be reproduced from what the run printed (the
    # script, or the @reproduce_failure blob), not from a file left on one machine.
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", max_examples=int(os.environ.get("JPATCH_FUZZ_EXAMPLES", 800)), **_COMMON)
settings.register_profile("long", max_examples=int(os.environ.get("JPATCH_FUZZ_EXAMPLES", 10_000)), **_COMMON)
PROFILE = os.environ.get("JPATCH_FUZZ_PROFILE", "ci")
#: Seconds one sequence may take (a sequence's runs last at most a few thousand steps of a small model).
TIMEOUT = float(os.environ.get("JPATCH_FUZZ_TIMEOUT", 60))
#: Seconds a new session may take to start and run the known-good model once.
START_TIMEOUT = 180

_WORKER = Path(__file__).resolve().parent / "fuzz_api_worker.py"


class Violation(AssertionError):
    """An oracle did not hold. Each (oracle, call kind) has its own subclass, which
    hypothesis reports, shrunk, as a bug of its own."""


_VIOLATIONS = {}


def violation_class(kind, call):
    cls = _VIOLATIONS.get((kind, call))
    if cls is None:
        cls = _VIOLATIONS[kind, call] = type(f"Violation[{kind} @ {call}]", (Violation,), {})
    return cls


class Hang(Exception):
    pass


class Crash(Exception):
    pass


class WorkerProcess:
    """The process that holds the session under test."""

    def __init__(self):
        self._process = None
        self._log = None
        self.starts = 0

    def _start(self):
        self._log = tempfile.TemporaryFile(mode="w+")
        # Its own process group: a hang is ended with the JVM it started.
        self._process = subprocess.Popen(
            [sys.executable, str(_WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._log, text=True, start_new_session=True,
        )
        self.starts += 1
        ready = self._reply(START_TIMEOUT, "starting the session and its known-good model")
        if not ready.get("ready"):
            raise Crash(f"the worker did not start: {ready}")

    def _reply(self, timeout, what):
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                log = self.stop()
                raise Hang(f"no answer within {timeout:g} s while {what}\n--- worker stderr ---\n{log}")
        line = self._process.stdout.readline()
        if not line:
            log = self.stop()
            raise Crash(f"the worker died while {what}\n--- worker stderr ---\n{log}")
        return json.loads(line)

    def run(self, steps):
        if self._process is None:
            self._start()
        self._process.stdin.write(json.dumps(steps) + "\n")
        self._process.stdin.flush()
        return self._reply(TIMEOUT, "running the sequence")

    def stop(self):
        """Ends the worker (and its JVM); returns the tail of what it wrote to stderr."""
        if self._process is None:
            return ""
        process, self._process = self._process, None
        if process.poll() is None:
            try:
                process.stdin.close()
                process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._log.seek(0)
        log = self._log.read()[-4000:]
        self._log.close()
        return log


@pytest.fixture(scope="module")
def worker():
    process = WorkerProcess()
    figures = collections.Counter()
    process.figures = figures
    started = time.monotonic()
    yield process
    process.stop()
    figures["sessions"] = process.starts
    figures["seconds"] = round(time.monotonic() - started, 1)
    report = {"profile": PROFILE, **figures}
    print(f"\njpatch fuzz figures: {json.dumps(report)}")
    if os.environ.get("JPATCH_FUZZ_STATS"):
        Path(os.environ["JPATCH_FUZZ_STATS"]).write_text(json.dumps(report, indent=1) + "\n")


@pytest.mark.slow
@settings(settings.get_profile(PROFILE))
@given(steps=sequences())
def test_random_call_sequences_raise_at_their_call_and_leave_the_session_working(worker, steps):
    figures = worker.figures
    figures["sequences"] += 1
    figures["calls"] += len(steps)
    try:
        result = worker.run(steps)
    except Hang as hang:
        figures["hangs"] += 1
        pytest.fail(f"hang: {hang}\n\n{as_code(steps)}", pytrace=False)
    except Crash as crash:
        figures["crashes"] += 1
        pytest.fail(f"crash: {crash}\n\n{as_code(steps)}", pytrace=False)
    outcomes = result["outcomes"]
    figures["calls raised"] += sum(o is not None and o != "skipped" for o in outcomes)
    figures["calls skipped"] += outcomes.count("skipped")
    found = result["violation"]
    if found is None:
        return
    # What the sequence left behind must not make the next one fail.
    worker.stop()
    figures[found["kind"]] += 1
    message = [f"{found['kind']}: {found['detail']}"]
    if "exception" in found:
        message.append(f"exception: {found['exception']}")
    message += ["", "The sequence, as a script (each call's expectation beside it):", "",
                as_code(steps, mark=found["step"])]
    if "traceback" in found:
        message += ["", "--- traceback in the worker ---", found["traceback"]]
    call = steps[found["step"]]["call"] if 0 <= found["step"] < len(steps) else "end of sequence"
    raise violation_class(found["kind"], call)("\n".join(message))
