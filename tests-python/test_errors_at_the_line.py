"""Issue 13: an error surfaces at the line that caused it, and nothing else is lost.

Each scenario of the issue's opening, and the common mistakes of scenarios/bad_input.py:
the exception is raised by the call that made the mistake (its traceback ends in that
line, the queue holds nothing the engine refuses), and every other call is applied.
"""

import math
import threading
import traceback

import pytest

from patch.exceptions import HocError, HocRecordError, QueuedCommandError


# conftest.simulated_gaps checks after every test that the engine refused no command
# Python had queued.


def _section(p, name, L=20, diam=2):
    s = p.Section(name=name)
    s.L = L
    s.diam = diam
    return s


def test_a_negative_length_raises_value_error_at_its_line_inside_try(p):
    s = _section(p, "try_soma")
    caught = None
    try:
        s.L = -1
    except ValueError as error:
        caught = error
    assert caught is not None and "-1" in str(caught)
    assert s.L == 20


def test_an_assignment_after_a_caught_error_is_applied(p):
    s = _section(p, "after_error")
    try:
        s.L = -1
    except ValueError:
        pass
    s.diam = 7
    assert s.diam == 7


def test_sections_and_vectors_made_after_a_caught_error_exist_and_work(p):
    s = _section(p, "before_error")
    with pytest.raises(ValueError):
        s.nseg = 0
    made = p.Section(name="made_after")
    made.L = 30
    made.insert("pas")
    v = p.Vector([1.0, 2.0])
    v.append(3.0)
    assert made.L == 30 and made.has_membrane("pas")
    assert list(v) == [1.0, 2.0, 3.0]
    assert made in p.allsec()


def test_runs_and_the_time_vector_work_after_errors(p):
    s = _section(p, "run_after")
    s.insert("hh")
    for bad in (lambda: setattr(s, "L", -1), lambda: setattr(p, "dt", 0), lambda: s.insert("nosuchmech")):
        with pytest.raises((ValueError, RuntimeError)):
            bad()
    time = p.time
    trace = p.record(s(0.5))
    p.run(2)
    assert p.t == pytest.approx(2)
    p.continuerun(1)
    assert p.t == pytest.approx(3)
    assert len(time) == len(trace) > 0
    assert math.isfinite(trace[-1])


def test_an_error_in_one_thread_is_raised_there_and_never_in_another(p):
    a, b = _section(p, "thread_a"), _section(p, "thread_b")
    b.insert("pas")
    caught_in_a, failures_in_b = [], []
    start = threading.Barrier(2)

    def make_mistakes():
        start.wait()
        for i in range(300):
            a.L = 10 + i
            try:
                a.L = -1
            except ValueError as error:
                caught_in_a.append(error)

    def build_and_read():
        start.wait()
        try:
            for i in range(300):
                b.diam = 1 + i
                b(0.5).g_pas = 1e-4 * (1 + i)
                if i % 30 == 0:
                    assert b.diam == 1 + i
        except Exception as error:  # the test's point: nothing may reach this thread
            failures_in_b.append(error)

    threads = [threading.Thread(target=make_mistakes), threading.Thread(target=build_and_read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures_in_b == []
    assert len(caught_in_a) == 300
    assert (a.L, b.diam, b(0.5).g_pas) == (309, 300, pytest.approx(3e-2))


def test_a_refused_queued_command_is_raised_only_in_the_thread_that_queued_it(p, session, simulated_gaps):
    # A gap in Python's checks, simulated by queueing past them: its refusal belongs to
    # the thread that made the call, and reaches it at that thread's next synchronous call.
    s = _section(p, "gap_owner")
    queued, read = threading.Event(), threading.Event()
    raised_in_owner = []

    def owner():
        session.send(["set", s._h, "L", -3], "gap_owner.L = -3 (unchecked)")
        simulated_gaps.append("gap_owner.L = -3")
        queued.set()
        read.wait(timeout=60)
        try:
            session.flush()
        except QueuedCommandError as error:
            raised_in_owner.append(error)

    thread = threading.Thread(target=owner)
    thread.start()
    queued.wait(timeout=60)
    assert s.L == 20, "the refusal is not raised in this thread, and the refused L changed nothing"
    read.set()
    thread.join(timeout=60)
    assert len(raised_in_owner) == 1
    assert "gap_owner.L = -3 (unchecked)" in str(raised_in_owner[0]) and "flush()" in str(raised_in_owner[0])


def test_a_thread_gets_its_own_refused_queued_command_at_its_next_synchronous_call(p, session, simulated_gaps):
    s = _section(p, "gap_self")
    session.send(["set", s._h, "L", -3], "gap_self.L = -3 (unchecked)")
    simulated_gaps.append("gap_self.L = -3")
    s.diam = 4  # queued after the refused command: still applied
    with pytest.raises(QueuedCommandError, match=r"refused gap_self\.L = -3 \(unchecked\).*Raised at gap_self\.L"):
        s.L
    assert (s.L, s.diam) == (20, 4)


def test_other_threads_calls_wait_for_a_run_and_are_applied_after_it(p):
    s = _section(p, "concurrent_run")
    s.insert("hh")
    p.finitialize(-65)
    made, errors = [], []

    def build():
        try:
            for i in range(50):
                section = p.Section(name=f"during_run_{i}")
                section.L = 5 + i
                made.append(section)
            assert made[-1].L == 54  # a read waits for the run
        except Exception as error:  # the test's point: the run disturbs no other thread
            errors.append(error)

    thread = threading.Thread(target=build)
    thread.start()
    p.continuerun(20)
    thread.join(timeout=120)
    assert errors == []
    assert [section.L for section in made] == [5 + i for i in range(50)]
    assert p.t == pytest.approx(20)


# ---- the common mistakes (scenarios/bad_input.py), each raised by its own line --------------


def _mistakes(p):
    """name: (set-up returning the objects, the bad call, the exception it raises)."""
    s = _section(p, "mistakes")
    s.insert("hh")
    a, b = _section(p, "mistake_a"), _section(p, "mistake_b")
    b.connect(a)
    syn = p.ExpSyn(s(0.5))
    clamp = p.IClamp(s(0.5))
    stim = p.NetStim()
    nc = p.NetCon(stim, syn)
    return {
        "L=-1": (lambda: setattr(s, "L", -1), ValueError),
        "diam=0": (lambda: setattr(s, "diam", 0), RuntimeError),
        "nseg=0": (lambda: setattr(s, "nseg", 0), ValueError),
        "nseg=2.7": (lambda: setattr(s, "nseg", 2.7), ValueError),
        "cm=nan": (lambda: setattr(s, "cm", math.nan), ValueError),
        "L='long'": (lambda: setattr(s, "L", "long"), ValueError),
        "seg.v='x'": (lambda: setattr(s(0.5), "v", "x"), ValueError),
        "insert unknown": (lambda: s.insert("nosuchmech"), ValueError),
        "connect loop": (lambda: a.connect(b), RuntimeError),
        "connect childx=0.5": (lambda: b.connect(a, 1, 0.5), ValueError),
        "NetCon to IClamp": (lambda: p.NetCon(s, clamp), HocError),
        "NetCon delay=-1": (lambda: setattr(nc, "delay", -1), ValueError),
        "ExpSyn.tau='x'": (lambda: setattr(syn, "tau", "x"), TypeError),
        "dt=0": (lambda: setattr(p, "dt", 0), ValueError),
        "record(4)": (lambda: p.Vector().record(4), HocRecordError),
    }


MISTAKES = [
    "L=-1", "diam=0", "nseg=0", "nseg=2.7", "cm=nan", "L='long'", "seg.v='x'", "insert unknown",
    "connect loop", "connect childx=0.5", "NetCon to IClamp", "NetCon delay=-1", "ExpSyn.tau='x'", "dt=0",
    "record(4)",
]


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_common_mistake_raises_at_its_own_line_and_the_next_call_works(p, session, mistake):
    bad, expected = _mistakes(p)[mistake]
    session.flush()
    with pytest.raises(expected) as info:
        bad()
    # The traceback's last frame in this file is the bad call's lambda: raised there, not
    # at a later read.
    ours = [frame for frame in traceback.extract_tb(info.tb) if frame.filename == __file__]
    assert "lambda" in ours[-1].name, ours[-1]
    fresh = p.Section(name=f"fresh_{mistake}")
    fresh.L = 3
    assert fresh.L == 3


def test_a_refused_call_that_sets_several_values_changes_none_of_them(p):
    s = _section(p, "composite", L=20, diam=2)
    with pytest.raises(RuntimeError):
        s.set_dimensions(5, 0.0)
    with pytest.raises(TypeError):
        s.iclamp(amplitude=0.5, duration="x")
    with pytest.raises(TypeError):
        s.vclamp(voltage=[-70, "x", -70])
    with pytest.raises(TypeError):
        p.ExpSyn(s(0.5), tau="x")
    assert (s.L, s.diam) == (20, 2)
    assert s.point_processes() == []


def test_a_ctrl_c_while_a_sent_batch_runs_loses_nothing_of_it(p, session, simulated_gaps, monkeypatch):
    # Model building sends full queues without waiting; a Ctrl-C that lands while Python
    # waits for such a batch leaves it in flight, and the next call settles it: the refusal
    # of a queued command in it (a simulated gap) still reaches its thread.
    import signal

    s = _section(p, "interrupted_batch")
    release = threading.Event()
    execute = session._gateway.execute

    def held_back(payload):
        release.wait(timeout=60)
        return execute(payload)

    def ctrl_c(signum, frame):
        raise KeyboardInterrupt

    session.send(["set", s._h, "L", -3], "interrupted_batch.L = -3 (unchecked)")
    simulated_gaps.append("interrupted_batch.L = -3")
    s.diam = 5
    monkeypatch.setattr(session._gateway, "execute", held_back)
    with session._lock:
        session._dispatch_locked()
    previous = signal.signal(signal.SIGALRM, ctrl_c)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(KeyboardInterrupt):
            session.flush()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    monkeypatch.setattr(session._gateway, "execute", execute)
    release.set()
    with pytest.raises(QueuedCommandError, match=r"interrupted_batch\.L = -3"):
        s.L
    assert (s.L, s.diam) == (20, 5)
