"""Builds one scenario in real NEURON from its list of operations, runs it, and returns
the recorded traces and geometry.

A scenario is a list of operations (plain dicts, see README.md) that both this runner
and the JUnit differential tests interpret; the JSON file therefore carries the model
itself, not a copy of it. Run with .venv-ref/bin/python (real NEURON).
"""

from neuron import h

h.load_file("stdrun.hoc")

# Per-section attributes that NEURON sets with `sec.<attr> = value`.
SECTION_ATTRIBUTES = ("L", "Ra", "nseg", "diam", "cm")


class NeuronModel:
    """The NEURON objects a scenario created, by the names the operations use."""

    def __init__(self):
        self.sections = {}  # name -> nrn.Section, creation order
        self.point_processes = {}  # id -> point process
        self.recordings = {}  # label -> h.Vector, in record order
        self.played = []  # vectors kept alive while they play

    def section(self, name):
        return self.sections[name]

    def pointer(self, target):
        """NEURON's _ref_ pointer for a target dict of a record/play operation."""
        if "global" in target:
            return getattr(h, "_ref_" + target["global"])
        if "pointProcess" in target:
            return getattr(self.point_processes[target["pointProcess"]], "_ref_" + target["var"])
        segment = self.section(target["section"])(target["x"])
        return getattr(segment, "_ref_" + target["var"])


def _set_range(model, op):
    segment = model.section(op["section"])(op["x"])
    setattr(segment, op["var"], op["value"])


def _set_section(model, op):
    if op["attr"] not in SECTION_ATTRIBUTES:
        raise ValueError(f"unknown section attribute {op['attr']!r}")
    setattr(model.section(op["section"]), op["attr"], op["value"])


def _new_section(model, op):
    if op["name"] in model.sections:
        raise ValueError(f"duplicate section name {op['name']!r}")
    model.sections[op["name"]] = h.Section(name=op["name"])


def _new_point_process(model, op):
    segment = model.section(op["section"])(op["x"])
    model.point_processes[op["id"]] = getattr(h, op["type"])(segment)


def _record(model, op):
    vec = h.Vector()
    vec.record(model.pointer(op["target"]))
    model.recordings[op["label"]] = vec


def _play(model, op):
    """Vector.play with a time vector ("t") or a fixed interval ("dt")."""
    y = h.Vector(op["y"])
    times = h.Vector(op["t"]) if "t" in op else op["dt"]
    y.play(model.pointer(op["target"]), times, 1 if op["continuous"] else 0)
    model.played.append((y, times))


OPERATIONS = {
    "global": lambda m, op: setattr(h, op["name"], op["value"]),
    "section": _new_section,
    "set": _set_section,
    "range": _set_range,
    "range_all": lambda m, op: setattr(m.section(op["section"]), op["var"], op["value"]),
    "insert": lambda m, op: m.section(op["section"]).insert(op["mech"]),
    "connect": lambda m, op: m.section(op["child"]).connect(
        m.section(op["parent"])(op["parentX"]), op["childX"]
    ),
    "pt3dadd": lambda m, op: h.pt3dadd(op["x"], op["y"], op["z"], op["d"], sec=m.section(op["section"])),
    "pointProcess": _new_point_process,
    "ppset": lambda m, op: setattr(m.point_processes[op["id"]], op["var"], op["value"]),
    "record": _record,
    "play": _play,
    "run": lambda m, op: h.run(),
    "continuerun": lambda m, op: h.continuerun(op["tstop"]),
}


def build_and_run(operations):
    """Interprets the operations in NEURON; returns (model, traces by label)."""
    if len(list(h.allsec())) != 0:
        raise RuntimeError("NEURON already holds sections: run each scenario in a fresh process")
    model = NeuronModel()
    for op in operations:
        OPERATIONS[op["op"]](model, op)
    traces = {label: list(vec) for label, vec in model.recordings.items()}
    return model, traces


def geometry(model):
    """Per-section L and per-segment x, area [µm²], ri [MΩ], diam [µm], as NEURON computes them."""
    result = []
    for name, sec in model.sections.items():
        segments = [
            {"x": seg.x, "area": seg.area(), "ri": seg.ri(), "diam": seg.diam} for seg in sec
        ]
        result.append({"section": name, "L": sec.L, "segments": segments})
    return result
