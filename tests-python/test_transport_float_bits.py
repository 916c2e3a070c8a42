"""``seg.var = <float>`` travels as the double's bit pattern (bridge op ``ssetbits``):
the value the engine holds is exactly the one assigned, and a refusal (Python's at the
line, or the engine's of a queued command) still names the user's call."""

import math
import struct

import pytest


@pytest.mark.parametrize("value", [0.1 + 0.2, 0.00011000000000000002, 5e-324, -0.0, 1e300, -math.inf])
def test_a_float_assigned_to_a_segment_comes_back_bit_for_bit(p, value):
    sec = p.Section(name="bits")
    sec.insert("pas")
    sec.nseg = 3
    sec(0.5).g_pas = value
    got = sec(0.5).g_pas
    assert got == value and math.copysign(1, got) == math.copysign(1, value)


def test_nan_assigned_to_a_segment_comes_back_as_nan(p):
    sec = p.Section(name="bits")
    sec.insert("pas")
    sec(0.5).e_pas = math.nan
    assert math.isnan(sec(0.5).e_pas)


def test_every_segment_of_an_iteration_gets_its_own_value(p):
    sec = p.Section(name="bits")
    sec.insert("pas")
    sec.nseg = 5
    for seg in sec:
        seg.g_pas = 0.0001 * (1 + seg.x)
    assert [seg.g_pas for seg in sec] == [0.0001 * (1 + (i + 0.5) / 5) for i in range(5)]


def test_a_float_assignment_to_a_deleted_section_is_refused_at_its_line(p):
    sec = p.Section(name="gone")
    sec.insert("pas")
    seg = sec(0.5)
    p.delete_section(sec=sec)
    with pytest.raises(ReferenceError, match=r"section gone was deleted"):
        seg.g_pas = 0.25


def test_a_refused_queued_float_assignment_names_the_user_call(p, simulated_gaps):
    from patch.exceptions import QueuedCommandError
    from patch.segment import SEGMENT_ASSIGNMENT

    sec = p.Section(name="gone")
    sec.insert("pas")
    p.delete_section(sec=sec)
    # Queued raw, past Python's checks (a simulated gap in them), as Segment queues it.
    bits = [struct.unpack("<q", struct.pack("<d", v))[0] for v in (0.5, 0.25)]
    p._session.send(("ssetbits", sec._h, bits[0], "g_pas", bits[1]), (SEGMENT_ASSIGNMENT, "gone", 0.5, "g_pas", 0.25))
    simulated_gaps.append("gone(0.5).g_pas = 0.25")
    with pytest.raises(QueuedCommandError, match=r"refused gone\(0.5\)\.g_pas = 0.25"):
        p.Section(name="other").L
