"""Consecutive segment assignments of one section and variable travel as one
``sset_packed`` (patch._coalesce): the engine gets every value in order, results and
errors still map to the user's calls one for one."""

import base64
import math
import struct

import pytest

from patch import _coalesce


def _entries(*commands):
    return [(cmd, f"call {i}") for i, cmd in enumerate(commands)]


def _bits(value):
    return struct.unpack("<q", struct.pack("<d", value))[0]


def test_a_run_of_one_section_and_variable_becomes_one_command_of_packed_pairs():
    xs, values = [0.1, 0.5, 0.9], [1e-4, 0.1 + 0.2, -math.inf]
    runs = [("ssetbits", 1, _bits(x), "g_pas", _bits(v)) for x, v in zip(xs, values)]
    batch = _entries(("new", 1, "Section", "a"), *runs, ("set", 1, "L", 5))
    commands, merges = _coalesce.coalesce(batch)
    assert commands[0] == ("new", 1, "Section", "a") and commands[2] == ("set", 1, "L", 5)
    op, handle, variable, packed = commands[1]
    assert (op, handle, variable) == ("sset_packed", 1, "g_pas")
    assert struct.unpack("<6d", base64.b64decode(packed)) == (0.1, 1e-4, 0.5, 0.1 + 0.2, 0.9, -math.inf)
    assert merges == [(1, 2)]


def test_runs_break_at_another_section_variable_or_command():
    batch = _entries(("ssetbits", 1, 10, "g_pas", 100), ("ssetbits", 2, 10, "g_pas", 100),
                     ("ssetbits", 2, 10, "e_pas", 100), ("free", 7), ("ssetbits", 2, 11, "e_pas", 101))
    commands, merges = _coalesce.coalesce(batch)
    assert commands == [cmd for cmd, _ in batch]
    assert merges is None


def test_the_reply_maps_back_to_one_result_per_queued_command():
    # Sent: new, a merge of 3, set, a merge of 2, get
    merges = [(1, 2), (3, 1)]
    reply = {"results": [None, None, None, None, 25.0]}
    assert _coalesce.expand(reply, merges) == {"results": [None] * 7 + [25.0]}


def test_refused_parts_map_back_to_the_queued_commands_they_came_from():
    merges = [(1, 2), (3, 4)]
    errors = [{"index": 3, "part": 2, "type": "ValueError", "message": "x"},
              {"index": 3, "part": 4, "type": "ValueError", "message": "y"}]
    expanded = _coalesce.expand({"results": [None] * 4, "errors": errors}, merges)
    # Before the second run: 1 + 3 + 1 queued commands; it stands for 5.
    assert [(e["index"], e["message"]) for e in expanded["errors"]] == [(7, "x"), (9, "y")]
    assert expanded["results"] == [None] * 10


def test_a_refusal_of_an_ordinary_command_after_runs_is_shifted_by_them():
    merges = [(0, 4)]
    reply = {"results": [None, None], "errors": [{"index": 1, "type": "ValueError", "message": "x"}]}
    assert _coalesce.expand(reply, merges)["errors"][0]["index"] == 5


def test_an_iteration_gets_every_value_in_order(p):
    sec = p.Section(name="runs")
    sec.insert("pas")
    sec.nseg = 7
    for seg in sec:
        seg.g_pas = 1e-4 * (1 + seg.x)
    for seg in sec:
        seg.e_pas = -70 + seg.x
    assert [seg.g_pas for seg in sec] == [1e-4 * (1 + (i + 0.5) / 7) for i in range(7)]
    assert [seg.e_pas for seg in sec] == [-70 + (i + 0.5) / 7 for i in range(7)]


def test_a_bad_assignment_in_an_iteration_raises_at_its_segment_and_keeps_the_earlier_ones(p):
    sec = p.Section(name="run")
    sec.nseg = 4
    with pytest.raises(RuntimeError, match=r"run\(0\.625\)\.diam must be > 0, got -1\.0"):
        for seg in sec:
            seg.diam = 3.0 if seg.x < 0.5 else -1.0
    assert [seg.diam for seg in sec][:2] == [3.0, 3.0]


def test_refused_parts_of_a_queued_run_name_their_segments_and_the_other_parts_apply(p, simulated_gaps):
    from patch.exceptions import QueuedCommandError
    from patch.segment import SEGMENT_ASSIGNMENT

    sec = p.Section(name="after")
    sec.nseg = 4
    sec.L = 100
    before = [seg.diam for seg in sec]
    session = p._session
    # Queued raw, past Python's checks (a simulated gap in them): one sset_packed of four parts.
    for i, seg in enumerate(sec):
        value = -1.0 if i in (1, 2) else 5.0
        bits = [struct.unpack("<q", struct.pack("<d", v))[0] for v in (seg.x, value)]
        session.send(("ssetbits", sec._h, bits[0], "diam", bits[1]), (SEGMENT_ASSIGNMENT, "after", seg.x, "diam", value))
    simulated_gaps.extend(["after(0.375).diam = -1.0", "after(0.625).diam = -1.0"])
    sec.L = 50
    with pytest.raises(QueuedCommandError, match=r"refused after\(0\.375\)\.diam = -1\.0.*after\(0\.625\)\.diam = -1\.0"):
        sec.Ra
    assert sec.L == 50, "nothing queued after the refusals was dropped"
    assert [seg.diam for seg in sec] == [5.0, before[1], before[2], 5.0]
