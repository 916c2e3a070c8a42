"""Bad input raises, at its own line, the exception Patch/NEURON raise, naming the bad
value; the model is unchanged and the session goes on."""

import pytest

from patch.exceptions import HocRecordError


def test_negative_length_is_a_value_error_and_leaves_the_section_unchanged(p):
    s = p.Section(name="soma_err")
    s.L = 20
    with pytest.raises(ValueError, match=r"soma_err\.L must be > 0, got -5"):
        s.L = -5
    assert s.L == 20


def test_zero_nseg_is_a_value_error(p):
    s = p.Section()
    with pytest.raises(ValueError, match="got 0"):
        s.nseg = 0
    assert s.nseg == 1


def test_calls_before_and_after_a_refused_one_are_applied(p):
    s = p.Section()
    s.L = 33
    with pytest.raises(ValueError):
        s.cm = -1
    s.Ra = 99
    assert (s.L, s.cm, s.Ra) == (33, 1, 99)


def test_unknown_mechanism_is_a_value_error_raised_at_once(p):
    s = p.Section()
    with pytest.raises(ValueError, match="nope"):
        s.insert("nope")
    with pytest.raises(TypeError):
        s.insert(3)
    assert s.insert("pas") is s


def test_segment_position_outside_the_section(p):
    s = p.Section()
    with pytest.raises(ValueError, match="1.5"):
        s(1.5)


def test_loop_in_the_tree_is_a_runtime_error(p):
    a = p.Section()
    b = p.Section()
    b.connect(a)
    with pytest.raises(RuntimeError, match="loop"):
        a.connect(b)
    assert a.parent is None and b.parent is a


def test_bad_child_end_is_a_value_error(p):
    with pytest.raises(ValueError, match="0.5"):
        p.Section().connect(p.Section(), 1, 0.5)


def test_nonpositive_dt_is_a_value_error(p):
    dt = p.dt
    with pytest.raises(ValueError):
        p.dt = -1
    assert p.dt == dt


def test_unknown_attribute_of_a_mechanism_or_segment(p):
    s = p.Section().insert("hh")
    with pytest.raises(AttributeError, match="nope"):
        s(0.5).hh.nope
    with pytest.raises(AttributeError, match="nope"):
        s(0.5).nope
    with pytest.raises(AttributeError, match="pas"):
        s(0.5).pas


def test_recording_a_number_is_a_hoc_record_error(p):
    with pytest.raises(HocRecordError, match="4"):
        p.Vector().record(4)


def test_clamp_without_any_section_is_a_section_access_error():
    # A fresh process: here, sections from other tests would be the accessed section.
    import subprocess
    import sys

    script = (
        "from patch import p\n"
        "from patch.exceptions import HocSectionAccessError\n"
        "try:\n"
        "    p.IClamp()\n"
        "except HocSectionAccessError as e:\n"
        "    print('refused:', e)\n"
        "s = p.Section(name='later')\n"
        "print(p.IClamp().get_segment())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.startswith("refused: IClamp: no section given")
    assert out.splitlines()[-1] == "later(0.5)"


def test_unknown_hoc_file_is_refused(p):
    from patch.exceptions import HocError

    with pytest.raises(HocError, match="mycell.hoc"):
        p.load_file("mycell.hoc")


def test_the_session_goes_on_after_errors(p):
    for _ in range(3):
        with pytest.raises(ValueError):
            p.Section().L = 0
    s = p.Section()
    s.insert("hh")
    p.finitialize(-65)
    p.continuerun(1)
    assert p.t == pytest.approx(1)


def test_an_int_past_the_largest_double_is_an_overflow_error_at_its_line(p):
    s = p.Section(name="huge")
    s.L = 20
    with pytest.raises(OverflowError):
        s.L = 10**400
    s.L = 10**300  # within a double: the engine reads it as 1e300
    assert s.L == 1e300
