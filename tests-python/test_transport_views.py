"""Vector views after a run: one round trip brings every trace of the requested one's
length; a view is reused until a command may have changed its Vector, and never stale."""

import numpy as np
import pytest


@pytest.fixture
def round_trips(session, monkeypatch):
    """Counts the batches sent to the JVM."""
    count = [0]
    execute = session._gateway.execute

    def counting(batch):
        count[0] += 1
        return execute(batch)

    monkeypatch.setattr(session._gateway, "execute", counting)
    return count


def _recorded(p, n, tstop=1.0):
    sections = []
    for i in range(n):
        soma = p.Section(name=f"views{i}")
        soma.L = soma.diam = 10
        soma.insert("pas")
        soma.e_pas = -70 + i
        sections.append(soma)
    traces = [p.Vector().record(s(0.5)._ref_v) for s in sections]
    p.finitialize(-65)
    p.continuerun(tstop)
    return sections, traces


def test_first_view_after_a_run_brings_all_traces_of_its_length_in_one_round_trip(p, round_trips):
    sections, traces = _recorded(p, 5)
    short = p.Vector([1.0, 2.0])
    before = round_trips[0]
    views = [v.as_numpy() for v in traces]
    assert round_trips[0] == before + 1
    assert [list(v) for v in traces] == [view.tolist() for view in views]
    assert round_trips[0] == before + 1, "list(v) reads length and values from the current view"
    ends = [traces[i][40] for i in range(5)]  # one round trip each ("x")
    assert round_trips[0] == before + 6
    for i, view in enumerate(views):
        assert view.size == 41 and not view.flags.writeable
        assert view[0] == -65.0 and view[-1] == ends[i]
    assert ends == sorted(ends) and len(set(ends)) == 5, "each view holds its own trace"
    assert short.as_numpy().tolist() == [1.0, 2.0]
    assert round_trips[0] == before + 7, "a Vector of another length did not ride along"


def test_a_modified_vector_gets_a_new_view_and_the_old_array_stays_as_it_was(p):
    sections, (a, b) = _recorded(p, 2)
    old_a, old_b = a.as_numpy(), b.as_numpy()
    original = old_a.copy()
    a.mul(2)  # queued: the next view must see it
    assert np.array_equal(a.as_numpy(), original * 2)
    assert np.array_equal(old_a, original), "an array handed out is a snapshot"
    assert b.as_numpy() is old_b, "another Vector's call leaves b's view current"
    a[0] = 7.5
    assert a.as_numpy()[0] == 7.5
    a.resize(3)
    assert len(a) == 3 and a.as_numpy().size == 3
    a.append(1.25)
    assert list(a)[-1] == 1.25 and len(a) == 4


def test_a_new_run_or_a_copy_into_the_vector_makes_every_view_current_again(p):
    sections, (a, b) = _recorded(p, 2)
    first = a.as_numpy()
    p.continuerun(2.0)
    grown = len(a)  # asked: the run made the views stale
    assert grown > 41 and a.as_numpy().size == grown and b.as_numpy().size == grown
    assert np.array_equal(a.as_numpy()[:41], first)
    b.copy(p.Vector([0.5, 0.25]))
    assert b.as_numpy()[:2].tolist() == [0.5, 0.25]
    p.finitialize(-65)
    assert a.as_numpy().tolist() == [-65.0] and len(b) == 1


def test_a_freed_vector_leaves_no_view_behind(p, session):
    sections, traces = _recorded(p, 3)
    traces[0].as_numpy()
    handle = traces[1]._h
    assert session._views.get(handle) is not None
    del traces[1]
    assert session._views.get(handle) is None


def test_section_iteration_uses_the_nseg_it_set_without_a_round_trip(p, round_trips):
    dend = p.Section(name="iterated")
    dend.nseg = 7
    before = round_trips[0]
    assert len(list(dend)) == 7 and round_trips[0] == before
    with pytest.raises(ValueError, match="nseg"):
        dend.nseg = 0  # refused at its line: the nseg known stays
    assert len(list(dend)) == 7 and round_trips[0] == before
