"""Consecutive segment assignments of one section and variable travel as one
``ssetbits_many`` (patch._coalesce): the engine gets every value in order, results and
errors still map to the user's calls one for one."""

import pytest

from patch import _coalesce


def _entries(*commands):
    return [(cmd, f"call {i}") for i, cmd in enumerate(commands)]


def test_a_run_of_one_section_and_variable_becomes_one_command():
    batch = _entries(("new", 1, "Section", "a"), ("ssetbits", 1, 10, "g_pas", 100),
                     ("ssetbits", 1, 11, "g_pas", 101), ("ssetbits", 1, 12, "g_pas", 102), ("set", 1, "L", 5))
    commands, starts = _coalesce.coalesce(batch)
    assert commands == [("new", 1, "Section", "a"), ["ssetbits_many", 1, "g_pas", [10, 11, 12], [100, 101, 102]],
                        ("set", 1, "L", 5)]
    assert starts == [0, 1, 4]


def test_runs_break_at_another_section_variable_or_command():
    batch = _entries(("ssetbits", 1, 10, "g_pas", 100), ("ssetbits", 2, 10, "g_pas", 100),
                     ("ssetbits", 2, 10, "e_pas", 100), ("free", 7), ("ssetbits", 2, 11, "e_pas", 101))
    commands, starts = _coalesce.coalesce(batch)
    assert commands == [cmd for cmd, _ in batch]
    assert starts is None


def test_the_reply_maps_back_to_one_result_per_queued_command():
    starts = [0, 1, 4]
    reply = {"results": [None, None, 25.0]}
    assert _coalesce.expand(reply, starts, 5) == {"results": [None, None, None, None, 25.0]}


def test_a_failed_part_maps_back_to_the_queued_command_it_came_from():
    starts = [0, 1, 4]
    reply = {"results": [None], "error": {"index": 1, "part": 2, "type": "ValueError", "message": "bad"}}
    expanded = _coalesce.expand(reply, starts, 5)
    assert expanded["error"] == {"index": 3, "part": 2, "type": "ValueError", "message": "bad"}
    # The queued commands before the failed one ran: one result each.
    assert expanded["results"] == [None, None, None]


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


def test_a_refused_assignment_in_a_run_names_its_segment_and_keeps_the_earlier_ones(p):
    sec = p.Section(name="run")
    sec.nseg = 4
    with pytest.raises(RuntimeError, match=r"\(in: run\(0\.625\)\.diam = -1\.0\)"):
        for seg in sec:
            seg.diam = 3.0 if seg.x < 0.5 else -1.0
        sec.L
    assert [seg.diam for seg in sec][:2] == [3.0, 3.0]


def test_commands_queued_after_a_failed_run_are_dropped_as_after_any_failure(p):
    sec = p.Section(name="after")
    sec.nseg = 3
    sec.L = 100
    with pytest.raises(RuntimeError):
        for seg in sec:
            seg.diam = -1.0
        sec.L = 50
        sec.Ra
    assert sec.L == 100
