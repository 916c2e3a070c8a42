"""The rules Python checks before queueing (patch._rules) agree with the engine's, on both
sides of every boundary: a value just inside is accepted by both, one just outside refused
by both with the same exception. The engine is asked directly (a raw synchronous command,
past Python's checks), so a rule changed on one side only fails here."""

import math
import sys

import pytest

from patch import _rules

TINY = 5e-324  # the smallest positive double
HUGE = sys.float_info.max


def _outcome(call):
    """None if ``call`` is accepted, else the class of what it raised."""
    try:
        call()
    except Exception as error:  # the point: which class, compared between both sides
        return type(error)
    return None


def _agree(python, engine):
    ours, theirs = _outcome(python), _outcome(engine)
    assert ours == theirs, f"Python: {ours}, engine: {theirs}"
    return ours


@pytest.fixture
def section(p):
    s = p.Section(name="rules")
    s.nseg = 3
    return s


POSITIVE = [TINY, 1.0, HUGE, 0.0, -0.0, -TINY, math.inf, math.nan, -math.inf]


@pytest.mark.parametrize("value", POSITIVE + ["x", None])
@pytest.mark.parametrize("name", ["L", "Ra", "cm", "diam"])
def test_section_geometry_rules_match(p, section, session, name, value):
    max_nseg = p._catalogue.max_nseg
    refused = _agree(
        lambda: _rules.section_value("rules", name, value, max_nseg),
        lambda: session.ask(["set", section._h, name, value], f"rules.{name} = {value!r}"),
    )
    inside = isinstance(value, float) and 0 < value < math.inf
    assert (refused is None) == inside


@pytest.mark.parametrize("value", POSITIVE + ["x"])
@pytest.mark.parametrize("name", ["cm", "diam"])
def test_segment_geometry_rules_match(section, session, name, value):
    refused = _agree(
        lambda: _rules.segment_value("rules", 0.5, name, value),
        lambda: session.ask(["sset", section._h, 0.5, name, value], f"rules(0.5).{name} = {value!r}"),
    )
    assert (refused is None) == (isinstance(value, float) and 0 < value < math.inf)


@pytest.mark.parametrize("value", [math.nan, -math.inf, HUGE, -1e300])
def test_any_number_is_a_voltage_for_both(section, session, value):
    assert _agree(
        lambda: _rules.segment_value("rules", 0.5, "v", value),
        lambda: session.ask(["sset", section._h, 0.5, "v", value], "rules(0.5).v = ..."),
    ) is None


def test_nseg_rules_match(p, section, session):
    limit = p._catalogue.max_nseg
    for value, accepted in [(1, True), (limit, True), (0, False), (-1, False), (limit + 1, False), (2.0, False), (2.5, False)]:
        refused = _agree(
            lambda: _rules.section_value("rules", "nseg", value, limit),
            lambda: session.ask(["set", section._h, "nseg", value], f"rules.nseg = {value!r}"),
        )
        assert (refused is None) == accepted, value


@pytest.mark.parametrize("x, accepted", [(0.0, True), (1.0, True), (0.5, True), (-TINY, False), (1 + 2.3e-16, False), (math.nan, False)])
def test_position_rules_match(section, session, x, accepted):
    refused = _agree(
        lambda: _rules.x(x),
        lambda: session.ask(["sget", section._h, x, "v"], f"rules({x!r}).v"),
    )
    assert (refused is None) == accepted


@pytest.mark.parametrize(
    "point, accepted",
    [
        ((0.0, -HUGE, HUGE, 0.0), True),
        ((1.0, 2.0, 3.0, TINY), True),
        ((1.0, 2.0, 3.0, -TINY), False),
        ((math.inf, 0.0, 0.0, 1.0), False),
        ((0.0, math.nan, 0.0, 1.0), False),
        ((0.0, 0.0, 0.0, math.inf), False),
        (("x", 0.0, 0.0, 1.0), False),
    ],
)
def test_3d_point_rules_match(section, session, point, accepted):
    refused = _agree(
        lambda: _rules.pt3d(*point, "pt3dadd"),
        lambda: session.ask(["call", section._h, "pt3dadd", list(point)], f"rules.pt3dadd{point!r}"),
    )
    assert (refused is None) == accepted


def test_connect_rules_match(p, session):
    a, b, c = (p.Section(name=f"tree_{n}") for n in "abc")
    b.connect(a)
    c.connect(b)
    cases = [
        (a, c, 1.0, 0.0, False),  # a loop through b
        (a, a, 1.0, 0.0, False),  # a section under itself
        (c, a, 1.0, 0.5, False),  # a child end that is no end
        (c, a, -TINY, 0.0, False),  # a parent position outside [0, 1]
        (c, a, 0.0, 1.0, True),  # a child connected again: it moves
    ]
    for child, parent, parentx, childx, accepted in cases:
        refused = _agree(
            lambda: _rules.connect(child, parent, parentx, childx),
            lambda: session.ask(["call", child._h, "connect", [parent._bridge_value(), parentx, childx]], "connect"),
        )
        assert (refused is None) == accepted, (child, parent, parentx, childx)


def test_the_mirrored_tree_follows_disconnects_and_deletions(p, session):
    a, b, c, d = (p.Section(name=f"moved_{n}") for n in "abcd")
    b.connect(a)
    c.connect(b)
    b.disconnect()  # a has no child left: a under c closes no loop
    assert _agree(lambda: _rules.connect(a, c, 1.0, 0.0), lambda: a.connect(c)) is None
    # b -> c -> a now: b under a would close one
    assert _agree(
        lambda: _rules.connect(b, a, 1.0, 0.0),
        lambda: session.ask(["call", b._h, "connect", [a._bridge_value(), 1.0, 0.0]], "b.connect(a)"),
    ) is RuntimeError
    d.connect(a)
    p.delete_section(sec=a)  # d is a root again, c has no child
    assert _agree(lambda: _rules.connect(c, d, 1.0, 0.0), lambda: c.connect(d)) is None
    assert (c.parent, d.parent) == (d, None)


def test_a_deleted_section_is_refused_by_both(p, session):
    gone = p.Section(name="rules_gone")
    p.delete_section(sec=gone)
    _agree(lambda: _rules.alive(gone), lambda: session.ask(["set", gone._h, "L", 5.0], "rules_gone.L = 5"))
    assert _outcome(lambda: _rules.alive(gone)) is ReferenceError


@pytest.mark.parametrize("value, accepted", [(0.0, True), (HUGE, True), (-TINY, False), (math.inf, False), (math.nan, False), ("x", False)])
def test_netcon_delay_rules_match(p, session, value, accepted):
    nc = p.NetCon(p.NetStim(), p.ExpSyn(p.Section(name="rules_nc")(0.5)))
    refused = _agree(
        lambda: _rules.netcon_value(nc, "delay", value),
        lambda: session.ask(["set", nc._h, "delay", value], "nc.delay = ..."),
    )
    assert (refused is None) == accepted


@pytest.mark.parametrize("value, accepted", [(-math.inf, True), (HUGE, True), (math.nan, False), ("x", False)])
def test_netcon_threshold_rules_match(p, session, value, accepted):
    nc = p.NetCon(p.NetStim(), p.ExpSyn(p.Section(name="rules_nc")(0.5)))
    refused = _agree(
        lambda: _rules.netcon_value(nc, "threshold", value),
        lambda: session.ask(["set", nc._h, "threshold", value], "nc.threshold = ..."),
    )
    assert (refused is None) == accepted


def test_netcon_weight_indices_match(p, session):
    nc = p.NetCon(p.NetStim(), p.ExpSyn(p.Section(name="rules_w")(0.5)))
    count = session.ask(["call", nc._h, "weight_count", []], "len(nc.weight)")
    assert count == nc._weights, "the catalogue's NET_RECEIVE weight count is the engine's"
    for index, accepted in [(0, True), (count - 1, True), (count, False), (-1, False)]:
        refused = _agree(
            lambda: _rules.weight_index(nc, index, count),
            lambda: session.ask(["call", nc._h, "set_weight", [index, 0.5]], f"nc.weight[{index}] = 0.5"),
        )
        assert (refused is None) == accepted, index


def test_netcon_targets_match(p, session):
    s = p.Section(name="rules_target")
    receiver, clamp = p.ExpSyn(s(0.5)), p.IClamp(s(0.5))
    for target, accepted in [(receiver, True), (clamp, False)]:
        handle = session.new_handle()
        refused = _agree(
            lambda: _rules.netcon_target(target, target._weights),
            lambda: session.ask(["new", handle, "NetCon", None, target._bridge_value()], "p.NetCon(None, target)"),
        )
        assert (refused is None) == accepted
        session.release(handle)
