"""Commands travel in batches: queued until a value must come back. The JVM runs every
command of a batch; a synchronous call raises its own refusal as the exception the JVM
named, and a queued command refused all the same (a gap in Python's checks, simulated
here by sending raw commands) is raised as QueuedCommandError at the next synchronous call
of the thread that queued it, naming both calls, and drops nothing else."""

import json
import math

import pytest

from patch import _commands
from patch._commands import H
from patch.exceptions import QueuedCommandError


@pytest.fixture
def session():
    return _commands.session()


@pytest.fixture
def round_trips(session, monkeypatch):
    """Counts the batches that reach the JVM."""
    calls = []
    execute = session._gateway.execute

    def counting(payload):
        calls.append(payload)
        return execute(payload)

    monkeypatch.setattr(session._gateway, "execute", counting)
    return calls


def _vector(session, values, what="p.Vector()"):
    handle = session.new_handle()
    session.send(["new", handle, "Vector", list(values)], what)
    return handle


def test_queued_commands_cost_no_round_trip_until_a_value_is_asked(session, round_trips):
    handles = [_vector(session, [i]) for i in range(500)]
    for h in handles:
        session.send(["call", h, "append", [1.0, 2.0]], "v.append(1, 2)")
    assert round_trips == []
    assert session.ask(["call", handles[-1], "to_list", []], "list(v)") == [499.0, 1.0, 2.0]
    assert len(round_trips) == 1


def test_explicit_flush_sends_the_queue_in_one_batch(session, round_trips):
    h = _vector(session, [])
    session.send(["call", h, "append", [3.0]], "v.append(3)")
    session.flush()
    session.flush()  # nothing queued: no traffic
    assert len(round_trips) == 1
    assert session.ask(["call", h, "size", []], "len(v)") == 1


def test_a_long_queue_is_flushed_without_being_asked(session, round_trips, monkeypatch):
    monkeypatch.setattr(_commands, "FLUSH_THRESHOLD", 100)
    h = _vector(session, [])
    for _ in range(250):
        session.send(["call", h, "append", [1.0]], "v.append(1)")
    assert session.ask(["call", h, "size", []], "len(v)") == 250
    # Two batches of 100 went out unasked (without waiting for their replies); the ask took the rest.
    assert [len(json.loads(payload)) for payload in round_trips] == [100, 100, 52]


def test_a_refusal_in_a_batch_sent_unasked_is_raised_at_the_next_flush_and_drops_nothing(
    session, round_trips, monkeypatch, simulated_gaps
):
    monkeypatch.setattr(_commands, "FLUSH_THRESHOLD", 3)
    h = _vector(session, [])
    released = _vector(session, [7.0])
    session.send(["gset", "dt", -1.0], "p.dt = -1")  # the third command: the batch goes out unasked
    simulated_gaps.append("p.dt = -1")
    session.send(["call", h, "append", [1.0]], "v.append(1)")
    session.send(["call", h, "append", [2.0]], "v.append(2)")
    session.release(released)
    with pytest.raises(QueuedCommandError, match=r"refused p\.dt = -1.*ValueError.*Raised at flush\(\)"):
        session.flush()
    assert session.ask(["call", h, "size", []], "len(v)") == 2, "the commands after the refused one ran"
    assert any(["free", released] in json.loads(batch) for batch in round_trips), "the release reached the JVM"


def test_a_refused_queued_command_is_raised_at_the_next_ask_naming_both_calls(session, simulated_gaps):
    refused_before = session.refused
    h = _vector(session, [1.0, 2.0])
    session.send(["call", h, "append", [5.0]], "v.append(5)")
    session.send(["gset", "dt", -1.0], "p.dt = -1")
    simulated_gaps.append("p.dt = -1")
    session.send(["call", h, "append", [6.0]], "v.append(6)")
    with pytest.raises(QueuedCommandError, match=r"refused p\.dt = -1.*dt.*-1.*Raised at list\(v\)"):
        session.ask(["call", h, "to_list", []], "list(v)")
    assert session.refused == refused_before + 1
    # Raised once; every other command ran, the refused one changed nothing.
    assert session.ask(["call", h, "to_list", []], "list(v)") == [1.0, 2.0, 5.0, 6.0]
    assert session.ask(["gget", "dt"], "p.dt") > 0


@pytest.mark.parametrize(
    "command, error, text",
    [
        (["gget", "no_such_global"], NameError, "no_such_global"),
        (["bogus_op", 1], TypeError, "bogus_op"),
        (["call", 10**9, "size", []], ReferenceError, "1000000000"),
        (["new", 1, "NoSuchKind"], TypeError, "NoSuchKind"),
    ],
)
def test_bad_commands_raise_the_mapped_exception_and_the_session_goes_on(session, command, error, text):
    with pytest.raises(error, match=text):
        session.ask(command, "the user call")
    assert session.ask(["gget", "dt"], "p.dt") > 0


def test_vector_index_out_of_range_is_an_index_error(session):
    h = _vector(session, [1.0])
    with pytest.raises(IndexError, match="index 3"):
        session.ask(["hgeti", h, "x", 3], "v[3]")


def test_nan_and_infinities_cross_both_ways(session):
    h = _vector(session, [math.nan, math.inf, -math.inf, 1.5])
    values = session.ask(["call", h, "to_list", []], "list(v)")
    assert math.isnan(values[0]) and values[1:] == [math.inf, -math.inf, 1.5]


def test_numpy_scalars_and_arrays_are_sent_as_numbers(session):
    np = pytest.importorskip("numpy")
    h = _vector(session, np.arange(3, dtype=np.int64))
    session.send(["call", h, "append", [np.float32(0.5), np.int64(7)]], "v.append(...)")
    assert session.ask(["call", h, "to_list", []], "list(v)") == [0.0, 1.0, 2.0, 0.5, 7.0]


def test_a_queued_value_json_cannot_carry_is_refused_alone(session, simulated_gaps):
    h = _vector(session, [])
    session.send(["call", h, "append", [1.0]], "v.append(1)")
    session.send(["call", h, "append", [object()]], "v.append(object())")
    simulated_gaps.append("v.append(object())")
    session.send(["call", h, "append", [2.0]], "v.append(2)")
    with pytest.raises(QueuedCommandError, match=r"refused v\.append\(object\(\)\).*TypeError"):
        session.flush()
    assert session.ask(["call", h, "to_list", []], "list(v)") == [1.0, 2.0]


def test_an_asked_value_json_cannot_carry_is_a_type_error_of_its_call(session):
    h = _vector(session, [3.0])
    with pytest.raises(TypeError, match=r"\(in: v\.append\(object\(\)\)\)"):
        session.ask(["call", h, "append", [object()]], "v.append(object())")
    assert session.ask(["call", h, "to_list", []], "list(v)") == [3.0]


def test_released_handles_are_freed_in_order_after_their_commands(session):
    h = _vector(session, [4.0])
    session.send(["call", h, "append", [5.0]], "v.append(5)")
    session.release(h)
    session.flush()
    with pytest.raises(ReferenceError):
        session.ask(["call", h, "size", []], "len(v)")


def test_objects_the_jvm_returns_decode_to_their_registered_proxy(session):
    sentinel = object.__new__(type("Proxy", (), {}))
    h = _vector(session, [1.0])
    session.register(h, sentinel)
    # sim sections / vector handles come back as {"h": n}; a list holding our vector:
    assert session._decode([{"h": h, "kind": "Vector"}]) == [sentinel]


def test_unknown_jvm_objects_go_through_the_wrapper(session):
    made = []

    class Proxy:
        def __init__(self, handle, kind):
            self.handle, self.kind = handle, kind
            made.append(self)

    previous = session._wrapper
    session.set_wrapper(Proxy)
    try:
        proxy = session._decode({"h": -42, "kind": "Section"})
        assert (proxy.handle, proxy.kind) == (-42, "Section")
        assert session._decode({"h": -42, "kind": "Section"}) is proxy
    finally:
        session.set_wrapper(previous)
        del session._proxies[-42]


def test_frees_queued_after_an_unencodable_command_still_run(session, simulated_gaps):
    h = _vector(session, [1.0])
    session.flush()
    session.send(["call", h, "append", [object()]], "v.append(object())")
    simulated_gaps.append("v.append(object())")
    session.release(h)
    with pytest.raises(QueuedCommandError):
        session.flush()
    with pytest.raises(ReferenceError):
        session.ask(["call", h, "size", []], "len(v)")
