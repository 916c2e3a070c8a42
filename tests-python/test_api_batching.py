"""Building a model costs no round trip per attribute: setters, constructors, inserts and
connections are checked in Python (patch._rules) and queued."""

import time


class _CountingSession:
    """Counts the session's flushing calls while delegating everything."""

    def __init__(self, session, monkeypatch):
        self.asks = 0
        self.flushes = 0
        real_ask, real_flush = session.ask, session.flush

        def ask(cmd, what):
            self.asks += 1
            return real_ask(cmd, what)

        def flush():
            self.flushes += 1
            return real_flush()

        monkeypatch.setattr(session, "ask", ask)
        monkeypatch.setattr(session, "flush", flush)


def _build(p, n):
    sections = []
    for i in range(n):
        s = p.Section(name=f"batch_{i}")
        s.L = 20
        s.diam = 2
        s.nseg = 3
        s.Ra = 100
        s.insert("hh")
        s.gnabar_hh = 0.2
        s(0.5).gkbar_hh = 0.04
        if sections:
            s.connect(sections[-1])
        sections.append(s)
    return sections


def test_building_sections_makes_no_round_trip(p, session, monkeypatch):
    _build(p, 2)  # learn the hh variables once, outside the count
    counter = _CountingSession(session, monkeypatch)
    sections = _build(p, 200)
    assert counter.asks == 0 and counter.flushes == 0
    assert sections[-1].L == 20  # the read is the one round trip
    assert counter.asks == 1


def _wire(p, sections):
    """bench B3's remaining calls: a synapse per section, NetCons with their settings, 3-D points."""
    previous = None
    for s in sections:
        synapse = p.ExpSyn(s(0.5))
        synapse.tau = 2
        if previous is not None:
            nc = p.NetCon(previous, synapse)
            nc.weight[0], nc.delay, nc.threshold = 0.01, 1, -20
        s.pt3dadd(0, 0, 0, 1)
        previous = s


def test_synapses_netcons_and_points_are_checked_in_python_and_queued(p, session, monkeypatch):
    _wire(p, _build(p, 2))  # learn ExpSyn's variables once, outside the count
    sections = _build(p, 100)
    counter = _CountingSession(session, monkeypatch)
    _wire(p, sections)
    assert counter.asks == 0 and counter.flushes == 0


def test_two_thousand_sections_are_built_in_under_two_seconds(p):
    start = time.perf_counter()
    sections = _build(p, 2000)
    assert sections[-1](0.5).gkbar_hh == 0.04  # flushes everything queued
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s"
