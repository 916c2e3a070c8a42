"""The call kinds of the API fuzz test (test_fuzz_api.py) and a hypothesis strategy that
draws sequences of them.

A sequence is a list of steps; a step is one line of Python run against ``p`` in a
namespace of named objects (``s0 = p.Section(name='s0')``, ``s0.L = nan``), with what the
line is expected to do where NEURON's and Patch's rule is obvious:

- ``"ok"``: a valid call; it must not raise;
- ``"raise"``: a call every simulator refuses; it must raise at this line;
- ``"either"``: the rule is not obvious (NEURON accepts ``cm = -5``, jpatch refuses it);
  whichever happens, the other oracles hold (fuzz_api_worker.py).

and, for a call that sets something, a read-back check: ``("eq", expr, value)`` (the
expression reads the value that was set) or ``("incr", expr, n)`` (it grew by n).

The generator keeps a shadow of what it created (names, kinds, inserted mechanisms, the
tree) only to make calls that can be valid and to know the obvious rules; values are
never predicted, except what a call sets.
"""

import math

from hypothesis import strategies as st

nan, inf = math.nan, math.inf

#: Values for continuous parameters: ordinary ones, boundaries and nonsense.
NUMBERS = (20.0, 1.0, 0.5, 3, 100.0, 0.0, -1.0, -5, nan, inf, -inf, 1e12, 1e-9, 1e300)
#: Values that are no number at all.
NOT_NUMBERS = ("x", None, [1.0])
NSEG_VALUES = (1, 3, 2, 5, 9, 500, 0, -1, 32768, 2.5, 4.0, nan, "3")
POSITIONS = (0.5, 0.0, 1.0, 0.25, 1.5, -0.1, nan)
CHILD_ENDS = (0, 1, 0.5, 2)
DENSITY = ("hh", "pas")
RANGE_VARIABLES = {"hh": ("gnabar_hh", "gkbar_hh", "gl_hh", "el_hh"), "pas": ("g_pas", "e_pas")}
UNKNOWN_MECHANISMS = ("nosuchmech", "", "HH", "IClamp")
# Parameters of each point process type the fuzz test creates, read for the state snapshot.
POINT_PROCESS_PARAMETERS = {
    "IClamp": ("delay", "dur", "amp"),
    "ExpSyn": ("tau", "e"),
    "SEClamp": ("dur1", "amp1", "rs"),
    "NetStim": ("start", "interval", "number", "noise"),
}
# Values no point process parameter can be refused for (NEURON takes any double).
ORDINARY = (20.0, 1.0, 0.5, 3, 100.0, 1e-9)
# A NetStim's spike count bounds a run's events: no value that makes a run last for ever
# (1e300 spikes 1e-9 ms apart), which would be a hang in any simulator.
NETSTIM_VALUES = {"number": (3, 1.0, 0.0, -1.0, 100.0, nan), "interval": (20.0, 1.0, 0.5, 0.0, -1.0, nan, inf)}
DT_VALUES = (0.025, 0.1, 0.01, 0.5, 1e-4, 0.0, -1.0, nan, inf)
DURATIONS = (1.0, 0.5, 0.025, 2.5, 0.0, 1e-9, -1.0, nan)
INITIAL_V = (-65, None, 0.0, nan, 1e6)
ADD_3D = ("[[0, 0, 0], [10, 0, 0]]", "[[0, 0, 0], [0, 5, 0], [0, 5, 5]]", "[[0, 0, nan], [1, 1, 1]]", "[]")


def _finite(value):
    return type(value) in (int, float) and math.isfinite(value)


def _positive(value):
    return _finite(value) and value > 0


class Shadow:
    """What the generator created, by name; the tree as parent links between section ids."""

    def __init__(self):
        self.counter = 0
        self.sections = {}  # name -> {"id", "mechanisms", "points"}
        self.parent = {}  # section id -> parent section id (kept after its names are deleted)
        self.point_processes = {}  # name -> type
        self.vectors = {}  # name -> "plain" | "recording" | "playing"
        self.netcons = []

    def name(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def closes_loop(self, child, parent):
        """Whether ``child.connect(parent)`` would make a section its own ancestor."""
        node = self.sections[parent]["id"]
        target = self.sections[child]["id"]
        while node is not None:
            if node == target:
                return True
            node = self.parent.get(node)
        return False

    def names(self):
        return [*self.sections, *self.point_processes, *self.vectors, *self.netcons]

    def forget(self, name):
        for table in (self.sections, self.point_processes, self.vectors):
            table.pop(name, None)
        if name in self.netcons:
            self.netcons.remove(name)


def step(code, expect, check=None):
    return {"code": code, "expect": expect, "check": check}


# -- call kinds: each draws one step on the shadow's objects (CALL_KINDS: what it needs) --

def new_section(draw, shadow):
    name = shadow.name("s")
    shadow.sections[name] = {"id": name, "mechanisms": set(), "points": False}
    return step(f"{name} = p.Section(name={name!r})", "ok")


def set_geometry(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    attr = draw(st.sampled_from(("L", "diam", "Ra", "cm")))
    value = draw(st.sampled_from(NUMBERS + NOT_NUMBERS))
    if type(value) not in (int, float):
        expect = "raise"
    elif attr in ("L", "Ra"):
        # NEURON: "L must be > 0.", "Ra must be > 0." (NaN too); huge ones are a question of taste
        expect = "ok" if _positive(value) and value < 1e9 else "raise" if not value > 0 else "either"
    elif attr == "diam":
        # NEURON: diam <= 0 is a RuntimeError; NaN it takes
        expect = "ok" if _positive(value) and value < 1e9 else "raise" if value <= 0 else "either"
    else:
        # cm: NEURON takes 0, negatives and NaN
        expect = "ok" if _positive(value) and value < 1e9 else "either"
    # With 3-D points, L and diam are derived from them: what reads back is not what was set.
    check = None if shadow.sections[sec]["points"] else ("eq", f"{sec}.{attr}", value)
    return step(f"{sec}.{attr} = {value!r}", expect, check)


def set_nseg(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    value = draw(st.sampled_from(NSEG_VALUES))
    ok = type(value) is int and 1 <= value <= 32767
    return step(f"{sec}.nseg = {value!r}", "ok" if ok else "raise", ("eq", f"{sec}.nseg", value))


def connect(draw, shadow):
    names = sorted(shadow.sections)
    child = draw(st.sampled_from(names))
    parent = draw(st.sampled_from(names))
    parentx = draw(st.sampled_from(POSITIONS))
    childx = draw(st.sampled_from(CHILD_ENDS))
    expect = _connection(shadow, child, parent, 0 <= parentx <= 1 and childx in (0, 1))
    return step(f"{child}.connect({parent}, {parentx!r}, {childx!r})", expect, ("eq", f"{child}.parent is {parent}", True))


def _connection(shadow, child, parent, ends_valid):
    """What ``child.connect(parent, ...)`` is expected to do; the shadow's tree follows it."""
    if not ends_valid or shadow.closes_loop(child, parent):
        return "raise"
    child_id = shadow.sections[child]["id"]
    # NEURON reconnects a child that has a parent (with a warning): not an obvious rule.
    expect = "ok" if shadow.parent.get(child_id) is None else "either"
    shadow.parent[child_id] = shadow.sections[parent]["id"]
    return expect


def connect_to_segment(draw, shadow):
    """NEURON's other form: ``child.connect(parent(x), childx)``."""
    names = sorted(shadow.sections)
    child, parent = draw(st.sampled_from(names)), draw(st.sampled_from(names))
    x, childx = draw(st.sampled_from((1.0, 0.5, 0.0))), draw(st.sampled_from((0, 1, 0.5)))
    expect = _connection(shadow, child, parent, childx in (0, 1))
    return step(f"{child}.connect({parent}({x!r}), {childx!r})", expect, ("eq", f"{child}.parent is {parent}", True))


def disconnect(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    shadow.parent.pop(shadow.sections[sec]["id"], None)
    return step(f"{sec}.disconnect()", "ok", ("eq", f"{sec}.parent is None", True))


def insert(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    mechanism = draw(st.sampled_from(DENSITY + UNKNOWN_MECHANISMS + (3,)))
    if mechanism in DENSITY:
        shadow.sections[sec]["mechanisms"].add(mechanism)
        return step(f"{sec}.insert({mechanism!r})", "ok", ("eq", f"{sec}.has_membrane({mechanism!r})", True))
    return step(f"{sec}.insert({mechanism!r})", "raise")


def uninsert(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    mechanism = draw(st.sampled_from(DENSITY + ("nosuchmech",)))
    if mechanism not in DENSITY:
        return step(f"{sec}.uninsert({mechanism!r})", "raise")
    inserted = shadow.sections[sec]["mechanisms"]
    # NEURON ignores the uninsert of a mechanism that is not there.
    expect = "ok" if mechanism in inserted else "either"
    inserted.discard(mechanism)
    return step(f"{sec}.uninsert({mechanism!r})", expect, ("eq", f"{sec}.has_membrane({mechanism!r})", False))


def set_dimensions(draw, shadow):
    """Patch's two-value setter: refused as a whole or applied as a whole."""
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    length, diameter = draw(st.sampled_from((20.0, 5, -1.0, nan))), draw(st.sampled_from((2.0, 0.5, 0.0, -1.0)))
    ok = _positive(length) and _positive(diameter)
    check = None if shadow.sections[sec]["points"] else ("eq", f"({sec}.L, {sec}.diam)", (length, diameter))
    return step(f"{sec}.set_dimensions({length!r}, {diameter!r})", "ok" if ok else "raise", check)


def set_range_variable(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    inserted = sorted(shadow.sections[sec]["mechanisms"])
    value = draw(st.sampled_from(NUMBERS + NOT_NUMBERS))
    expect = "ok" if _finite(value) else "raise" if type(value) not in (int, float) else "either"
    if not inserted:
        # No simulator variable: Patch keeps it as a Python attribute.
        return step(f"{sec}.tag = {value!r}", "ok", ("eq", f"{sec}.tag", value))
    var = draw(st.sampled_from(sorted(v for m in inserted for v in RANGE_VARIABLES[m])))
    where = draw(st.sampled_from(("section", 0.5, 0.0, 1.0, 0.3)))
    target = sec if where == "section" else f"{sec}({where!r})"
    return step(f"{target}.{var} = {value!r}", expect, ("eq", f"{target}.{var}", value))


def set_segment_variable(draw, shadow):
    """What every segment has: diam, cm and v at one x."""
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    var = draw(st.sampled_from(("diam", "cm", "v")))
    x = draw(st.sampled_from((0.5, 0.0, 1.0, 0.3)))
    value = draw(st.sampled_from(NUMBERS + NOT_NUMBERS))
    if type(value) not in (int, float):
        expect = "raise"
    elif var == "v":
        expect = "ok" if _finite(value) else "either"
    else:
        expect = "ok" if _positive(value) and value < 1e9 else "either"
    # diam of a section with 3-D points is derived from them; diam/cm at the ends name no segment's own value.
    derived = var == "diam" and shadow.sections[sec]["points"]
    check = None if derived or x in (0.0, 1.0) else ("eq", f"{sec}({x!r}).{var}", value)
    return step(f"{sec}({x!r}).{var} = {value!r}", expect, check)


def pointer(draw, shadow):
    """``seg._ref_v[0]``: NEURON's pointer to a variable, read and written."""
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    index, value = draw(st.sampled_from((0, 1, -1))), draw(st.sampled_from((-40.0, nan, "'x'")))
    if draw(st.booleans()):
        return step(f"_ = {sec}(0.5)._ref_v[{index}]", "ok" if index == 0 else "raise")
    expect = "raise" if index != 0 or value == "'x'" else "ok" if _finite(value) else "either"
    return step(f"{sec}(0.5)._ref_v[{index}] = {value}", expect, ("eq", f"{sec}(0.5).v", value))


def read_unknown(draw, shadow):
    """Reads of names that do not exist: an AttributeError at the read."""
    choices = [f"{s}.{attr}" for s in shadow.sections for attr in ("nosuchattr", "g_pas")
               if attr != "g_pas" or "pas" not in shadow.sections[s]["mechanisms"]]
    choices += [f"{s}(0.5).nosuchattr" for s in shadow.sections]
    choices += [f"{pp}.nosuchattr" for pp in shadow.point_processes]
    choices += ["p.nosuchglobal"]
    return step(f"_ = {draw(st.sampled_from(sorted(choices)))}", "raise")


def add_point(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    values = [draw(st.sampled_from(NUMBERS)) for _ in range(4)]
    ok = all(_finite(v) for v in values) and values[3] > 0
    shadow.sections[sec]["points"] = True
    return step(f"{sec}.pt3dadd({', '.join(map(repr, values))})", "ok" if ok else "either", ("incr", f"{sec}.n3d()", 1))


def add_points(draw, shadow):
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    points = draw(st.sampled_from(ADD_3D))
    diameter = draw(st.sampled_from((2.0, 0.5, 0.0, -1.0, nan)))
    n = points.count("[") - 1
    ok = "nan" not in points and diameter > 0
    shadow.sections[sec]["points"] = True
    return step(f"{sec}.add_3d({points}, {diameter!r})", "ok" if ok else "either", ("incr", f"{sec}.n3d()", n))


def new_point_process(draw, shadow):
    kind = draw(st.sampled_from(sorted(POINT_PROCESS_PARAMETERS)))
    name = shadow.name(kind[:2].lower())
    if kind == "NetStim":
        code, ok = f"{name} = p.NetStim()", True
    else:
        sec = draw(st.sampled_from(sorted(shadow.sections)))
        x = draw(st.sampled_from(POSITIONS))
        ok = 0 <= x <= 1
        code = {
            "IClamp": f"{name} = p.IClamp({x!r}, sec={sec})",
            "ExpSyn": f"{name} = p.ExpSyn({sec}({x!r}))",
            "SEClamp": f"{name} = p.SEClamp({sec}, {x!r})",
        }[kind]
    if ok:
        shadow.point_processes[name] = kind
    return step(code, "ok" if ok else "raise")


def section_clamp(draw, shadow):
    """Patch's Section.iclamp (a sequence amplitude is played, one value per step) and vclamp."""
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    x = draw(st.sampled_from((0.5, 1.0, 1.5)))
    if draw(st.booleans()):
        name = shadow.name("ic")
        amplitude = draw(st.sampled_from((0.1, "[0.1, 0.2, 0.3]", nan, "'x'")))
        expect = "ok" if x <= 1 and amplitude in (0.1, "[0.1, 0.2, 0.3]") else "raise" if x > 1 or amplitude == "'x'" else "either"
        code = f"{name} = {sec}.iclamp({amplitude}, x={x!r}, delay=0.5, duration=1)"
        kind = "IClamp"
    else:
        name = shadow.name("se")
        voltage = draw(st.sampled_from((-50, "[-70, -40, -70]", nan)))
        expect = "raise" if x > 1 else "either" if voltage is nan else "ok"
        code = f"{name} = {sec}.vclamp({voltage}, x={x!r}, before=0.5, duration=1)"
        kind = "SEClamp"
    if expect != "raise":
        shadow.point_processes[name] = kind
    return step(code, expect)


def stimulate(draw, shadow):
    """Patch's PointProcess.stimulate: a NetStim (or a VecStim playing a pattern) and a NetCon to it."""
    synapses = sorted(pp for pp, kind in shadow.point_processes.items() if kind == "ExpSyn")
    if not synapses:
        return read(draw, shadow)
    syn = draw(st.sampled_from(synapses))
    form = draw(st.sampled_from(("start=0.5, number=2, interval=0.5", "pattern=[0.5, 1.0]", "weight=nan", "start='x'")))
    expect = {"weight=nan": "either", "start='x'": "raise"}.get(form, "ok")
    name = shadow.name("ne")
    if expect != "raise" and "pattern" not in form:
        shadow.point_processes[name] = "NetStim"
    return step(f"{name} = {syn}.stimulate({form})", expect)


def set_point_process(draw, shadow):
    pp = draw(st.sampled_from(sorted(shadow.point_processes)))
    kind = shadow.point_processes[pp]
    attr = draw(st.sampled_from(POINT_PROCESS_PARAMETERS[kind] + ("label",)))
    if attr == "label":
        # Not a parameter: an ordinary Python attribute, as in Patch.
        return step(f"{pp}.label = 'a'", "ok", ("eq", f"{pp}.label", "a"))
    value = draw(st.sampled_from(NETSTIM_VALUES.get(attr, NUMBERS) + NOT_NUMBERS))
    if type(value) not in (int, float):
        expect = "raise"
    else:
        expect = "ok" if value in ORDINARY else "either"
    return step(f"{pp}.{attr} = {value!r}", expect, ("eq", f"{pp}.{attr}", value))


def new_vector(draw, shadow):
    name = shadow.name("v")
    args, ok = draw(st.sampled_from((("", True), ("[1.0, 2.0, nan]", True), ("3", True), ("0", True),
                                     ("-1", False), ("'x'", False), ("p.time", True))))
    if args == "p.time":
        code = f"{name} = p.time"
        shadow.vectors[name] = "recording"
        return step(code, "ok")
    if ok:
        shadow.vectors[name] = "plain"
    return step(f"{name} = p.Vector({args})", "ok" if ok else "raise")


def record(draw, shadow):
    vec = draw(st.sampled_from(sorted(shadow.vectors)))
    targets = [(f"{s}({x!r})._ref_v", "ok") for s in shadow.sections for x in (0.5, 0.0, 1.0)]
    targets += [(s, "ok") for s in shadow.sections]
    targets += [(pp, "raise" if kind == "NetStim" else "ok") for pp, kind in shadow.point_processes.items()]
    targets += [("4", "raise"), ("p._ref_t", "ok")]
    target, expect = draw(st.sampled_from(sorted(targets)))
    interval = draw(st.sampled_from(("", ", 0.1", ", 0.0", ", -1.0")))
    if interval in (", 0.0", ", -1.0") and expect == "ok":
        expect = "either"
    if shadow.vectors[vec] != "plain" and expect == "ok":
        expect = "either"  # recording again, or into a Vector that is played
    if expect != "raise":
        shadow.vectors[vec] = "recording"
    return step(f"{vec}.record({target}{interval})", expect)


def play(draw, shadow):
    vec = draw(st.sampled_from(sorted(shadow.vectors)))
    targets = [(f"{pp}._ref_amp", "ok") for pp, kind in shadow.point_processes.items() if kind == "IClamp"]
    targets += [(f"{s}(0.5)._ref_v", "ok") for s in shadow.sections]
    targets += [("4", "raise")]
    target, expect = draw(st.sampled_from(sorted(targets)))
    interval = draw(st.sampled_from((0.1, 0.025, 0.0, -1.0, nan)))
    if not _positive(interval) or shadow.vectors[vec] != "plain":
        expect = "raise" if expect == "raise" else "either"
    if expect != "raise":
        shadow.vectors[vec] = "playing"
    return step(f"{vec}.play({target}, {interval!r})", expect)


def index_vector(draw, shadow):
    vec = draw(st.sampled_from(sorted(shadow.vectors)))
    i = draw(st.sampled_from((0, 1, 2, -1, 5, 10**6, 1.5)))
    form = draw(st.sampled_from(("read", "x", "write", "append")))
    if form == "append":
        return step(f"{vec}.append(1.5)", "ok" if shadow.vectors[vec] == "plain" else "either", ("incr", f"len({vec})", 1))
    if form == "write":
        # The length is not known here; a negative or fractional index is refused whatever it is.
        expect = "raise" if i < 0 or type(i) is not int else "either"
        return step(f"{vec}.x[{i!r}] = 7.0", expect, ("eq", f"{vec}.x[{i!r}]", 7.0))
    expect = "raise" if type(i) is not int or (form == "x" and i < 0) else "either"
    code = f"_ = {vec}[{i!r}]" if form == "read" else f"_ = {vec}.x[{i!r}]"
    return step(code, expect)


def change_vector(draw, shadow):
    vec = draw(st.sampled_from(sorted(shadow.vectors)))
    form = draw(st.sampled_from(("resize", "fill", "copy")))
    plain = shadow.vectors[vec] == "plain"
    if form == "resize":
        n = draw(st.sampled_from((0, 2, 5, -1, 2.5)))
        # NEURON truncates a size that is not whole (resize(2.5): 2 elements), as its chkarg
        expect = "raise" if n == -1 else "ok" if plain else "either"
        return step(f"{vec}.resize({n!r})", expect, ("eq", f"len({vec})", int(n)))
    if form == "fill":
        value = draw(st.sampled_from((2.0, nan, "'x'")))
        expect = "raise" if value == "'x'" else "ok" if plain else "either"
        return step(f"{vec}.fill({value})", expect)
    name = shadow.name("v")
    shadow.vectors[name] = "plain"
    return step(f"{name} = p.Vector({vec})", "ok", ("eq", f"list(map(repr, {name})) == list(map(repr, {vec}))", True))


def new_netcon(draw, shadow):
    sources = [(s, "ok") for s in shadow.sections] + [(f"{s}(0.5)", "ok") for s in shadow.sections]
    sources += [(pp, "ok") for pp, kind in shadow.point_processes.items() if kind == "NetStim"]
    targets = [(pp, "ok") for pp, kind in shadow.point_processes.items() if kind in ("ExpSyn", "NetStim")]
    targets += [(pp, "raise") for pp, kind in shadow.point_processes.items() if kind in ("IClamp", "SEClamp")]
    targets += [("None", "ok")]
    (source, _), (target, expect) = draw(st.sampled_from(sorted(sources))), draw(st.sampled_from(sorted(targets)))
    delay = draw(st.sampled_from((1, 0.0, 2.5, -1.0, nan)))
    weight = draw(st.sampled_from((0.1, 0.0, -1.0, nan)))
    if expect == "ok" and not (_finite(delay) and delay >= 0 and _finite(weight)):
        expect = "either"
    name = shadow.name("nc")
    if expect != "raise":
        shadow.netcons.append(name)
    return step(f"{name} = p.NetCon({source}, {target}, weight={weight!r}, delay={delay!r})", expect)


def set_netcon(draw, shadow):
    nc = draw(st.sampled_from(shadow.netcons))
    attr = draw(st.sampled_from(("weight[0]", "delay", "threshold", "weight[3]")))
    value = draw(st.sampled_from(NUMBERS + ("x",)))
    if type(value) is str:
        expect = "raise"
    elif attr == "weight[3]":
        expect = "raise"  # a NetCon to an ExpSyn has one weight
    elif attr == "delay":
        expect = "ok" if _finite(value) and value >= 0 else "either"
    else:
        expect = "ok" if _finite(value) else "either"
    return step(f"{nc}.{attr} = {value!r}", expect, ("eq", f"{nc}.{attr}", value))


def netcon_calls(draw, shadow):
    nc = draw(st.sampled_from(shadow.netcons))
    form = draw(st.sampled_from(("active(False)", "active(True)", "event(1.0)", "event(nan)", "event(-1.0)", "event('x')")))
    expect = {"event('x')": "raise", "event(nan)": "either", "event(-1.0)": "either"}.get(form, "ok")
    # As in NEURON, a NetCon without a target is never active.
    on = form == "active(True)"
    check = ("eq", f"{nc}.active() == ({on} and {nc}.syn() is not None)", True) if form.startswith("active") else None
    return step(f"{nc}.{form}", expect, check)


def netcon_from_pointer(draw, shadow):
    """Patch refuses a bare _ref_ source without sec= (ConnectionError "Use s(0.5) instead"),
    and with sec= takes it only for a NetCon without target."""
    sec = draw(st.sampled_from(sorted(shadow.sections)))
    receivers = sorted(pp for pp, kind in shadow.point_processes.items() if kind == "ExpSyn") + ["None"]
    target = draw(st.sampled_from(receivers))
    if draw(st.booleans()):
        return step(f"_ = p.NetCon({sec}(0.5)._ref_v, {target})", "raise")
    name = shadow.name("nc")
    if target != "None":
        # Patch: both ends of a NetCon to a target must be connectable; a pointer is not.
        return step(f"{name} = p.NetCon({sec}(0.5)._ref_v, {target}, sec={sec})", "raise")
    shadow.netcons.append(name)
    return step(f"{name} = p.NetCon({sec}(0.5)._ref_v, None, sec={sec})", "ok")


def netstim_noise(draw, shadow):
    stims = sorted(pp for pp, kind in shadow.point_processes.items() if kind == "NetStim")
    if not stims:
        return read(draw, shadow)
    stim = draw(st.sampled_from(stims))
    form = draw(st.sampled_from(("noiseFromRandom123(1, 2, 3)", "seed(5)", "noiseFromRandom123('a', 2, 3)")))
    return step(f"{stim}.{form}", "raise" if "'a'" in form else "ok")


def load_file(draw, shadow):
    name = draw(st.sampled_from(("stdrun.hoc", "nosuchfile.hoc", 3)))
    return step(f"p.load_file({name!r})", "ok" if name == "stdrun.hoc" else "raise")


def record_netcon(draw, shadow):
    nc = draw(st.sampled_from(shadow.netcons))
    name = shadow.name("v")
    shadow.vectors[name] = "recording"
    return step(f"{name} = {nc}.record()", "ok")


def set_global(draw, shadow):
    name = draw(st.sampled_from(("dt", "celsius", "tstop")))
    if name == "dt":
        value = draw(st.sampled_from(DT_VALUES))
        expect = "ok" if _positive(value) else "either"
    else:
        value = draw(st.sampled_from(NUMBERS + ("x",)))
        expect = "raise" if type(value) is str else "ok" if _finite(value) else "either"
    return step(f"p.{name} = {value!r}", expect, ("eq", f"p.{name}", value))


def run(draw, shadow):
    form = draw(st.sampled_from(("finitialize", "continuerun", "run", "fadvance")))
    # Whether a run can go depends on everything accepted before it: no obvious rule.
    if form == "finitialize":
        return step(f"p.finitialize({draw(st.sampled_from(INITIAL_V))!r})", "either")
    if form == "fadvance":
        return step("p.fadvance()", "either")
    return step(f"p.{form}({draw(st.sampled_from(DURATIONS))!r})", "either")


def read(draw, shadow):
    """Reads that are valid by themselves: they must never raise."""
    choices = ["p.t", "p.cas()"] if shadow.sections else ["p.t"]
    choices += [f"{s}.parent" for s in shadow.sections]
    choices += [f"{s}(0.5).area()" for s in shadow.sections]
    choices += [f"list({v})" for v in shadow.vectors]
    choices += [f"{pp}.get_segment()" for pp, kind in shadow.point_processes.items() if kind != "NetStim"]
    return step(f"_ = {draw(st.sampled_from(sorted(choices)))}", "ok")


def delete(draw, shadow):
    name = draw(st.sampled_from(sorted(shadow.names())))
    shadow.forget(name)
    return step(f"del {name}; gc.collect()", "ok")


# (call kind, what it needs to exist); the first one is where shrinking goes.
CALL_KINDS = (
    (new_section, None),
    (set_geometry, "sections"),
    (set_nseg, "sections"),
    (connect, "sections"),
    (connect_to_segment, "sections"),
    (disconnect, "sections"),
    (insert, "sections"),
    (uninsert, "sections"),
    (set_dimensions, "sections"),
    (set_range_variable, "sections"),
    (set_segment_variable, "sections"),
    (pointer, "sections"),
    (read_unknown, None),
    (add_point, "sections"),
    (add_points, "sections"),
    (new_point_process, "sections"),
    (set_point_process, "point_processes"),
    (section_clamp, "sections"),
    (stimulate, "point_processes"),
    (new_vector, None),
    (record, "vectors"),
    (play, "vectors"),
    (index_vector, "vectors"),
    (change_vector, "vectors"),
    (new_netcon, "sections"),
    (set_netcon, "netcons"),
    (record_netcon, "netcons"),
    (netcon_calls, "netcons"),
    (netcon_from_pointer, "sections"),
    (netstim_noise, "point_processes"),
    (load_file, None),
    (set_global, None),
    (run, None),
    (read, None),
    (delete, "names"),
)


def _available(shadow):
    have = {
        "sections": bool(shadow.sections),
        "point_processes": bool(shadow.point_processes),
        "vectors": bool(shadow.vectors),
        "netcons": bool(shadow.netcons),
        "names": bool(shadow.names()),
    }
    return [kind for kind, needs in CALL_KINDS if needs is None or have[needs]]


@st.composite
def sequences(draw, max_steps=20):
    """A list of steps: calls of the public API in an order that names only what exists."""
    shadow = Shadow()
    steps = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_steps))):
        kind = draw(st.sampled_from(_available(shadow)))
        steps.append({**kind(draw, shadow), "call": kind.__name__})
    return steps


PRELUDE = "import gc\nfrom math import inf, nan\nfrom patch import p\n"


def as_code(steps, mark=None):
    """The sequence as a script to paste; ``mark``: the index of the step to point at."""
    lines = [PRELUDE]
    for index, s in enumerate(steps):
        note = f"  # expected: {s['expect']}"
        if index == mark:
            note += "   <-- here"
        lines.append(f"{s['code']}{note}")
    return "\n".join(lines)
