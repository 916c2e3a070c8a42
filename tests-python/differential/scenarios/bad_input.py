"""Bad input, case by case, in one session: run under jpatch or under NEURON + nrn-patch.

For each case: build a small model, record a read of what the bad call would touch,
make the bad call (followed by a read, so that jpatch's queued commands are sent), and
report the exception's class and message, the same read afterwards, and whether a
simple call still works. Prints one JSON object {case: report} on stdout.
Usage: python bad_input.py [case ...]   (no case: all of them)
"""

import gc
import json
import math
import os
import sys

from patch import p


def _section(name):
    s = p.Section(name=name)
    s.L = 20
    s.diam = 2
    return s


def _topology(*sections):
    # The parent (by name) and connection ends of each section: what a bad connect would change.
    return [
        [s.hname(), s.parent.hname() if s.parent is not None else None] for s in sections
    ]


def _set_then_read(obj, attr, value):
    def bad():
        setattr(obj, attr, value)
        return getattr(obj, attr)

    return bad


def geometry_case(attr, value):
    def case():
        s = _section(f"geo_{attr}")
        s.Ra = 100
        s.cm = 1
        return _set_then_read(s, attr, value), lambda: getattr(s, attr)

    return case


def nseg_case(value):
    def case():
        s = _section("nseg_sec")
        s.nseg = 3
        return _set_then_read(s, "nseg", value), lambda: s.nseg

    return case


def segment_x_case(x):
    def case():
        s = _section("x_sec")
        return (lambda: s(x).v), lambda: s(0.5).x

    return case


def connect_child_end_case():
    a, b = _section("end_a"), _section("end_b")

    def bad():
        b.connect(a, 1, 0.5)
        return b.parent

    return bad, lambda: _topology(a, b)


def connect_loop_case():
    a, b = _section("loop_a"), _section("loop_b")
    b.connect(a)

    def bad():
        # NEURON accepts the connect and refuses the loop at the next finitialize.
        a.connect(b)
        p.finitialize(-65)

    def read_then_break_the_loop():
        topology = _topology(a, b)
        if a.parent is not None:
            a.disconnect()
        return topology

    return bad, read_then_break_the_loop


def insert_unknown_case():
    s = _section("ins_sec")
    s.insert("pas")
    return (lambda: s.insert("nosuchmech")), lambda: [s.has_membrane("pas"), s.has_membrane("nosuchmech")]


def section_unknown_attribute_case():
    s = _section("attr_sec")
    return (lambda: s.nosuchattr), lambda: s.L


def segment_unknown_attribute_case():
    s = _section("segattr_sec")
    s.insert("hh")
    return (lambda: s(0.5).nosuchattr), lambda: s(0.5).gnabar_hh


def point_process_unknown_attribute_case():
    s = _section("ppattr_sec")
    syn = p.ExpSyn(s(0.5))
    syn.tau = 3
    return (lambda: syn.nosuchattr), lambda: syn.tau


def unknown_global_case():
    return (lambda: p.nosuchglobal), lambda: p.celsius


def string_length_case():
    s = _section("str_sec")
    return _set_then_read(s, "L", "long"), lambda: s.L


def string_case(kind, attribute):
    def case():
        s = _section("type_sec")
        syn = p.ExpSyn(s(0.5))
        stim = p.NetStim()
        objects = {
            "NetCon": p.NetCon(stim, syn),
            "ExpSyn": syn,
            "NetStim": stim,
            "Segment": s(0.5),
            "p": p,
        }
        obj = objects[kind]
        return _set_then_read(obj, attribute, "x"), lambda: getattr(obj, attribute)

    return case


def connect_to_string_case():
    s = _section("connect_str_sec")
    return (lambda: s.connect("soma")), lambda: s.parent


def insert_number_case():
    s = _section("insert_num_sec")
    return (lambda: s.insert(3)), lambda: s.has_membrane("pas")


def section_as_number_case():
    s, other = _section("num_sec"), _section("num_other")
    return _set_then_read(s, "diam", other), lambda: s.diam


def netcon_to_non_receiver_case():
    s = _section("nc_sec")
    clamp = p.IClamp(0.5, sec=s)
    clamp.amp = 0.3
    return (lambda: p.NetCon(s, clamp)), lambda: [clamp.amp, clamp.get_segment().x]


def point_process_position_case(factory):
    def case():
        s = _section("pp_sec")
        return (lambda: getattr(p, factory)(1.5, sec=s.__neuron__())), lambda: len(s(1).point_processes())

    return case


def netcon_negative_delay_case():
    s = _section("ncd_sec")
    syn = p.ExpSyn(s(0.5))
    stim = p.NetStim()
    nc = p.NetCon(stim, syn)
    nc.delay = 2
    return _set_then_read(nc, "delay", -1), lambda: nc.delay


def dt_case(value):
    def case():
        p.dt = 0.025
        return _set_then_read(p, "dt", value), lambda: p.dt

    return case


def vector_index_case(index):
    def case():
        v = p.Vector([1.0, 2.0, 3.0])
        return (lambda: v[index]), lambda: list(v)

    return case


def distance_without_origin_case():
    # Must run before any case that sets NEURON's one distance origin.
    s = _section("far_sec")
    return (lambda: p.distance(0.5, sec=s.__neuron__())), lambda: s.L


def distance_case(*args):
    def case():
        s = _section("dist_sec")
        p.distance(0, 0, sec=s.__neuron__())
        return (lambda: p.distance(*args, sec=s.__neuron__())), lambda: p.distance(1, sec=s.__neuron__())

    return case


def vector_x_case(index):
    def case():
        v = p.Vector([1.0, 2.0, 3.0])
        return (lambda: v.x[index]), lambda: list(v.x[i] for i in range(3))

    return case


def vector_set_x_case():
    v = p.Vector([1.0, 2.0, 3.0])

    def bad():
        v.x[5] = 1.0

    return bad, lambda: list(v.x[i] for i in range(3))


def record_number_case():
    v = p.Vector()
    return (lambda: v.record(4)), lambda: len(v)


CASES = {
    **{f"{attr}={value}": geometry_case(attr, value) for attr in ("L", "diam", "Ra", "cm") for value in (0, -5, math.nan)},
    "nseg=0": nseg_case(0),
    "nseg=-2": nseg_case(-2),
    "nseg=2.7": nseg_case(2.7),
    "nseg=4.0": nseg_case(4.0),
    "nseg=nan": nseg_case(math.nan),
    "seg(1.5)": segment_x_case(1.5),
    "seg(-0.1)": segment_x_case(-0.1),
    "connect childx=0.5": connect_child_end_case,
    "connect loop": connect_loop_case,
    "insert unknown": insert_unknown_case,
    "section.nosuchattr": section_unknown_attribute_case,
    "segment.nosuchattr": segment_unknown_attribute_case,
    "point_process.nosuchattr": point_process_unknown_attribute_case,
    "p.nosuchglobal": unknown_global_case,
    "L='long'": string_length_case,
    "diam=Section": section_as_number_case,
    "NetCon.delay='x'": string_case("NetCon", "delay"),
    "ExpSyn.tau='x'": string_case("ExpSyn", "tau"),
    "NetStim.number='x'": string_case("NetStim", "number"),
    "seg.v='x'": string_case("Segment", "v"),
    "p.dt='x'": string_case("p", "dt"),
    "connect('soma')": connect_to_string_case,
    "insert(3)": insert_number_case,
    "NetCon to IClamp": netcon_to_non_receiver_case,
    "ExpSyn(1.5, sec=)": point_process_position_case("ExpSyn"),
    "IClamp(1.5, sec=)": point_process_position_case("IClamp"),
    "NetCon delay=-1": netcon_negative_delay_case,
    "dt=0": dt_case(0),
    "dt=-1": dt_case(-1),
    "vector[5]": vector_index_case(5),
    "vector[-4]": vector_index_case(-4),
    "vector.x[3]": vector_x_case(3),
    "vector.x[-1]": vector_x_case(-1),
    "vector.x[1.5]": vector_x_case(1.5),
    "vector.x[5] = 1": vector_set_x_case,
    "record(4)": record_number_case,
    "distance without origin": distance_without_origin_case,
    "distance(3, 0.5)": distance_case(3, 0.5),
    "distance(1.5)": distance_case(1.5),
    "distance(1, -1)": distance_case(1, -1),
    "distance('a')": distance_case("a"),
}


def _still_works():
    # The session goes on: a fresh section with hh steps and reports a finite v.
    s = p.Section(name="after")
    s.insert("hh")
    p.finitialize(-65)
    p.fadvance()
    return math.isfinite(s(0.5).v)


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def run(name):
    bad, read = CASES[name]()
    before = _plain(read())
    report = {"before": before, "type": None, "message": None}
    try:
        report["result"] = repr(bad())
        p.t  # jpatch queues setters and constructors: a read sends them
    except Exception as error:  # the case's whole point: which exception, which message
        report["type"] = type(error).__name__
        report["message"] = str(error)
    report["after"] = _plain(read())
    report["continues"] = _still_works()
    return report


if __name__ == "__main__":
    # NEURON 9.0.2 + nrn-patch 8.0.2 crash (SIGSEGV) when the garbage collector frees the
    # wrapper of the NetCon that NEURON refused: under NEURON, no collection until the
    # reports are out, and no exit-time collection after.
    under_neuron = "neuron" in sys.modules
    if under_neuron:
        gc.disable()
    names = sys.argv[1:] or list(CASES)
    print(json.dumps({name: run(name) for name in names}), flush=True)
    if under_neuron:
        os._exit(0)
