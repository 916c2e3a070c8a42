"""Ctrl-C during a run stops the engine and raises KeyboardInterrupt at once, leaving the
model usable; a frozen JVM cannot block Python forever (bridge/README.md, "Interrupts
and the watchdog"). Each scenario runs in a child Python that gets a real signal."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

PYTHON = sys.executable
#: The brief's bound from SIGINT to KeyboardInterrupt [s].
INTERRUPT_BOUND_S = 0.5

_MODEL = """
import os, sys, time
from patch import p
soma = p.Section(name="soma")
soma.insert("hh")
trace = p.record(soma(0.5)._ref_v)
"""


def _child(body, env=None):
    """A child Python running the model then ``body``; it prints "ready" before the long call."""
    script = textwrap.dedent(_MODEL) + textwrap.dedent(body)
    return subprocess.Popen(
        [PYTHON, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, **(env or {})),
    )


def _interrupt_when_ready(child, settle_s=1.0):
    """Sends SIGINT once the child is inside its long call; returns (seconds until it
    reported KeyboardInterrupt, the rest of its output)."""
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    time.sleep(settle_s)
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    line = child.stdout.readline()
    seen = time.monotonic() - sent
    rest, errors = child.communicate(timeout=60)
    assert line.startswith("KeyboardInterrupt"), line + rest + errors
    return seen, line + rest


def _report_after_interrupt():
    return """
    except KeyboardInterrupt:
        print("KeyboardInterrupt", p.t, flush=True)
    else:
        print("finished", p.t, flush=True)
    stopped = p.t
    p.continuerun(1)
    print("continued", stopped, p.t, len(trace), flush=True)
    """


@pytest.mark.slow
@pytest.mark.parametrize("call", [
    "p.run(1e7)",
    "p.continuerun(1e7)",
    "p.parallel.psolve(1e7)",
])
def test_ctrl_c_during_a_run_raises_keyboard_interrupt_within_half_a_second_and_the_model_goes_on(call):
    child = _child(f"""
    p.finitialize(-65)
    print("ready", flush=True)
    try:
        {call}
    """ + _report_after_interrupt())
    seen, output = _interrupt_when_ready(child)
    assert seen < INTERRUPT_BOUND_S, f"KeyboardInterrupt {seen:.3f} s after SIGINT"
    lines = output.splitlines()
    stopped = float(lines[0].split()[1])
    assert 0 < stopped < 1e7
    kind, t_before, t_after, recorded = lines[1].split()
    # t is where the run stopped (a step boundary), and a later run goes on from there.
    assert float(t_before) == stopped
    assert float(t_after) == pytest.approx(stopped + 1, abs=1e-6)
    assert int(recorded) == round(float(t_after) / 0.025) + 1


@pytest.mark.slow
def test_ctrl_c_in_a_loop_of_fadvance_raises_keyboard_interrupt_within_half_a_second():
    child = _child("""
    p.finitialize(-65)
    print("ready", flush=True)
    try:
        while True:
            p.fadvance()
    """ + _report_after_interrupt())
    seen, output = _interrupt_when_ready(child)
    assert seen < INTERRUPT_BOUND_S, f"KeyboardInterrupt {seen:.3f} s after SIGINT"
    stopped = float(output.splitlines()[0].split()[1])
    assert output.splitlines()[1].split()[:2] == ["continued", str(stopped)]


@pytest.mark.slow
def test_a_ctrl_c_that_comes_after_the_run_ended_does_not_stop_the_next_run():
    # Many short runs, one Ctrl-C: whichever call it lands in, the next runs are whole.
    child = _child("""
    p.finitialize(-65)
    print("ready", flush=True)
    try:
        while True:
            p.continuerun(0.05)
    """ + _report_after_interrupt())
    _, output = _interrupt_when_ready(child)
    kind, t_before, t_after, recorded = output.splitlines()[1].split()
    assert float(t_after) == pytest.approx(float(t_before) + 1, abs=1e-6)


#: JPATCH_WATCHDOG_S in the watchdog tests [s].
WATCHDOG_S = 1.5
#: A frozen JVM is found within a heartbeat's wait, the heartbeat's timeout and one more
#: heartbeat of the watchdog's loop; the rest is slack for a loaded machine [s].
FROZEN_BOUND_S = 2 * 1.0 + WATCHDOG_S + 2.0


@pytest.mark.slow
def test_a_frozen_jvm_turns_the_waiting_call_and_every_later_one_into_gateway_error():
    child = _child("""
    import signal
    from patch.exceptions import GatewayError
    p.finitialize(-65)
    os.kill(p._session._gateway.process.pid, signal.SIGSTOP)
    started = time.monotonic()
    try:
        p.continuerun(10)
    except GatewayError as error:
        print("GatewayError", time.monotonic() - started, error, flush=True)
    started = time.monotonic()
    try:
        len(trace)
    except GatewayError:
        print("later", time.monotonic() - started, flush=True)
    """, env={"JPATCH_WATCHDOG_S": str(WATCHDOG_S)})
    output, errors = child.communicate(timeout=60)
    lines = output.splitlines()
    assert len(lines) == 2, output + errors
    kind, seconds, *message = lines[0].split()
    assert kind == "GatewayError" and float(seconds) < FROZEN_BOUND_S, lines[0]
    assert "froze" in lines[0] and "heartbeat" in lines[0]
    assert lines[1].startswith("later") and float(lines[1].split()[1]) < 0.5


@pytest.mark.slow
def test_a_long_run_that_keeps_the_jvm_busy_is_not_taken_for_frozen():
    # A run several times the watchdog's timeout: the JVM answers heartbeats while it computes.
    child = _child("""
    p.finitialize(-65)
    duration = 500  # [ms], grown until one call lasts several watchdog timeouts
    while True:
        started = time.monotonic()
        p.continuerun(duration)
        elapsed = time.monotonic() - started
        if elapsed > 3 * float(os.environ["JPATCH_WATCHDOG_S"]):
            break
        duration *= 4
    print("finished", elapsed, flush=True)
    """, env={"JPATCH_WATCHDOG_S": str(WATCHDOG_S)})
    output, errors = child.communicate(timeout=120)
    assert output.startswith("finished"), output + errors
    assert float(output.split()[1]) > 2 * WATCHDOG_S


def test_ctrl_c_outside_a_call_raises_keyboard_interrupt_where_python_is_as_usual():
    child = _child("""
    p.finitialize(-65)
    print("ready", flush=True)
    try:
        time.sleep(30)
    except KeyboardInterrupt:
        print("KeyboardInterrupt in sleep", flush=True)
    print("continued", p.t, p.t, 0, flush=True)
    """)
    seen, output = _interrupt_when_ready(child, settle_s=0.3)
    assert seen < INTERRUPT_BOUND_S
    assert output.splitlines()[0] == "KeyboardInterrupt in sleep"


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf", "nan"])
def test_a_watchdog_timeout_that_is_no_positive_number_is_a_gateway_error_naming_it(monkeypatch, value):
    from patch import _gateway
    from patch.exceptions import GatewayError

    monkeypatch.setenv("JPATCH_WATCHDOG_S", value)
    with pytest.raises(GatewayError, match=f"JPATCH_WATCHDOG_S='{value}'"):
        _gateway.Gateway()
