"""Vector data reach numpy as views of Arrow files in shared memory written by the JVM:
no copy in Python, nothing through the socket, no file left behind."""

import os

import numpy as np
import pyarrow as pa
import pytest

from patch import _commands

SAMPLES = 2_000_001


@pytest.fixture
def session():
    return _commands.session()


def _rss_anon_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no RssAnon in /proc/self/status")


def _mapping_of(array):
    """The /proc/self/maps line whose range holds the array's first byte, if any."""
    address = array.__array_interface__["data"][0]
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            start, end = (int(x, 16) for x in fields[0].split("-"))
            if start <= address < end:
                return fields
    return None


def _recorded_time_vector(session, samples):
    """A Vector that recorded t over samples - 1 steps."""
    h = session.new_handle()
    session.send(["new", h, "Vector"], "p.Vector()")
    session.send(["call", h, "record", [{"ref": "global", "var": "t"}]], "v.record(p._ref_t)")
    session.send(["gset", "dt", 0.025], "p.dt = 0.025")
    session.send(["sim", "finitialize", [-65.0]], "p.finitialize(-65)")
    session.send(["sim", "continuerun", [(samples - 1) * 0.025]], "p.continuerun(...)")
    session.flush()
    return h


@pytest.mark.slow
def test_recorded_vector_is_a_read_only_view_of_a_file_mapping_without_anonymous_growth(session):
    h = _recorded_time_vector(session, SAMPLES)
    # Warm up numpy/pyarrow code paths so that only the view itself is measured.
    session.vector_view(_vector(session, [1.0, 2.0]))
    before = _rss_anon_bytes()
    view = session.vector_view(h)
    grown = _rss_anon_bytes() - before

    assert view.shape == (SAMPLES,) and view.dtype == np.float64
    assert view[0] == 0.0 and view[-1] == pytest.approx((SAMPLES - 1) * 0.025)
    assert not view.flags.writeable
    with pytest.raises(ValueError):
        view[0] = 1.0
    mapping = _mapping_of(view)
    assert mapping is not None and len(mapping) == 6, mapping
    assert mapping[5].strip().startswith(session.shm_dir), mapping
    assert "(deleted)" in mapping[5], "the file should be unlinked once mapped"
    assert grown < view.nbytes // 10, f"anonymous memory grew by {grown} bytes for a {view.nbytes}-byte view"
    assert os.listdir(session.shm_dir) == []


@pytest.mark.slow
def test_recordings_exported_into_room_prepared_during_the_run_hold_the_recorded_values(session):
    # 2,000,001 samples (16 MB) exceed the JVM's threshold for preparing export room.
    h = _recorded_time_vector(session, SAMPLES)
    view = session.vector_view(h)
    assert view.shape == (SAMPLES,)
    rng = np.random.default_rng(3)
    for i in [0, 1, SAMPLES - 1, *rng.integers(0, SAMPLES, 50)]:
        assert view[i] == session.ask(["hgeti", h, "x", int(i)], "v[i]"), i
    assert os.listdir(session.shm_dir) == [], "the prepared file is unlinked once mapped, as any export"


def _vector(session, values):
    h = session.new_handle()
    session.send(["new", h, "Vector", list(values)], "p.Vector(values)")
    return h


def test_arrow_array_is_zero_copy_over_the_same_kind_of_mapping(session):
    h = _vector(session, [0.5 * i for i in range(1000)])
    array = session.vector_arrow(h)
    assert isinstance(array, pa.Array) and array.type == pa.float64() and array.null_count == 0
    view = array.to_numpy(zero_copy_only=True)
    assert view[10] == 5.0
    assert _mapping_of(view)[5].strip().startswith(session.shm_dir)


def test_view_is_a_snapshot_that_outlives_later_changes(session):
    h = _vector(session, [1.0, 2.0])
    view = session.vector_view(h)
    session.send(["call", h, "fill", [9.0]], "v.fill(9)")
    assert session.vector_view(h).tolist() == [9.0, 9.0]
    assert view.tolist() == [1.0, 2.0]


def test_empty_vector_gives_an_empty_view(session):
    view = session.vector_view(_vector(session, []))
    assert view.shape == (0,) and view.dtype == np.float64


def test_a_million_values_go_to_the_jvm_in_bulk_through_shared_memory(session, monkeypatch):
    values = np.random.default_rng(7).normal(size=1_000_000)
    payloads = []
    execute = session._gateway.execute
    monkeypatch.setattr(session._gateway, "execute", lambda p: payloads.append(len(p)) or execute(p))
    h = _vector(session, [])
    session.vector_load(h, values)
    assert session.ask(["call", h, "size", []], "len(v)") == values.size
    assert max(payloads) < 10_000, "the values must not travel in the batch text"
    back = session.vector_view(h)
    assert np.array_equal(back, values)
    assert os.listdir(session.shm_dir) == []


def test_short_vectors_load_inline_in_order_with_other_commands(session):
    h = _vector(session, [])
    session.vector_load(h, [1.0, 2.0, 3.0])
    session.send(["call", h, "append", [4.0]], "v.append(4)")
    assert session.ask(["call", h, "to_list", []], "list(v)") == [1.0, 2.0, 3.0, 4.0]


def test_import_files_of_a_batch_with_refusals_are_consumed_or_removed(session, simulated_gaps):
    from patch.exceptions import QueuedCommandError

    h = _vector(session, [])
    # Queued raw, past Python's checks (simulated gaps): a refused command, an import the
    # engine refuses (no such Vector), and an import after them, which still runs.
    session.send(["gget", "no_such_global"], "p.no_such_global")
    session.vector_load(10**9, np.ones(10_000))
    session.vector_load(h, np.ones(10_000))
    simulated_gaps.extend(["p.no_such_global", "load into Vector 10**9"])
    with pytest.raises(QueuedCommandError, match="no_such_global.*10000 values"):
        session.flush()
    assert os.listdir(session.shm_dir) == []
    assert session.ask(["call", h, "size", []], "len(v)") == 10_000


@pytest.mark.slow
def test_a_patch_recording_as_numpy_is_the_same_kind_of_view(p):
    section = p.Section(name="zero_copy_soma")
    section.insert("pas")
    v = p.record(section(0.5))
    p.dt = 0.025
    p.finitialize(-65)
    p.continuerun((SAMPLES - 1) * 0.025)
    np.asarray(p.Vector([1.0, 2.0]))  # warm-up: numpy/pyarrow paths
    before = _rss_anon_bytes()
    view = np.asarray(v)
    grown = _rss_anon_bytes() - before
    assert view.shape == (SAMPLES,) and not view.flags.writeable
    assert view[0] == -65.0 and abs(view[-1] - section(0.5).e_pas) < 1.0
    assert "(deleted)" in _mapping_of(view)[5] and _mapping_of(view)[5].strip().startswith(p._session.shm_dir)
    assert grown < view.nbytes // 10
    assert isinstance(v.to_arrow(), pa.Array)
