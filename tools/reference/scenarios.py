"""The reference scenarios (issue 2 acceptance), each a list of model operations.

Every scenario sets every global it depends on explicitly (celsius, dt, steps_per_ms,
secondorder, usetable_hh, v_init, tstop), so neither NEURON's nor the engine's defaults
can hide a difference. steps_per_ms is always 1/dt so stdrun's setdt() leaves dt alone
and takes one fadvance per step().
"""

import math


def globals_(celsius, dt=0.025, secondorder=0, usetable_hh=1, v_init=-65.0, tstop=20.0, steps_per_ms=None):
    values = {
        "celsius": celsius,
        "dt": dt,
        "steps_per_ms": 1.0 / dt if steps_per_ms is None else steps_per_ms,
        "secondorder": secondorder,
        "usetable_hh": usetable_hh,
        "v_init": v_init,
        "tstop": tstop,
    }
    return [{"op": "global", "name": k, "value": v} for k, v in values.items()]


def section(name, L, diam, Ra, cm=1.0, nseg=1):
    ops = [{"op": "section", "name": name}]
    for attr, value in (("nseg", nseg), ("L", L), ("diam", diam), ("Ra", Ra), ("cm", cm)):
        ops.append({"op": "set", "section": name, "attr": attr, "value": value})
    return ops


def insert(sec, mech, **params):
    ops = [{"op": "insert", "section": sec, "mech": mech}]
    for var, value in params.items():
        ops.append({"op": "range_all", "section": sec, "var": var, "value": value})
    return ops


def iclamp(pp_id, sec, x, delay, dur, amp):
    return [
        {"op": "pointProcess", "id": pp_id, "type": "IClamp", "section": sec, "x": x},
        {"op": "ppset", "id": pp_id, "var": "del", "value": delay},
        {"op": "ppset", "id": pp_id, "var": "dur", "value": dur},
        {"op": "ppset", "id": pp_id, "var": "amp", "value": amp},
    ]


def record_t():
    return [{"op": "record", "label": "t", "target": {"global": "t"}}]


def record(sec, x, var, note=""):
    return [
        {
            "op": "record",
            "label": f"{sec}({x}).{var}{note}",
            "target": {"section": sec, "x": x, "var": var},
        }
    ]


def record_pp(pp_id, var):
    return [{"op": "record", "label": f"{pp_id}.{var}", "target": {"pointProcess": pp_id, "var": var}}]


def record_hh(sec, x):
    ops = []
    for var in ("m_hh", "h_hh", "n_hh", "ina", "ik", "il_hh"):
        ops += record(sec, x, var)
    return ops


RUN = [{"op": "run"}]


def passive_iclamp():
    ops = globals_(celsius=6.3, tstop=20.0, v_init=-70.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "pas", g_pas=0.001, e_pas=-70.0)
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=5.0, amp=0.05)
    ops += record_t() + record("soma", 0.5, "v") + record("soma", 0.5, "i_pas") + record_pp("stim", "i")
    return ops + RUN


def hh_soma_train(usetable, celsius=6.3):
    ops = globals_(celsius=celsius, usetable_hh=usetable, tstop=50.0)
    ops += section("soma", L=18.8, diam=18.8, Ra=123.0)
    ops += insert("soma", "hh")
    ops += iclamp("stim", "soma", 0.5, delay=2.0, dur=40.0, amp=0.1)
    ops += record_t() + record("soma", 0.5, "v") + record_hh("soma", 0.5) + record_pp("stim", "i")
    return ops + RUN


def hh_axon(usetable, secondorder):
    ops = globals_(celsius=18.5, usetable_hh=usetable, secondorder=secondorder, tstop=10.0)
    ops += section("axon", L=4000.0, diam=2.0, Ra=100.0, nseg=101)
    ops += insert("axon", "hh")
    ops += iclamp("stim", "axon", 0.005, delay=1.0, dur=1.0, amp=0.5)
    ops += record_t()
    for x in (0.0, 0.005, 0.25, 0.5, 0.75, 0.995, 1.0):
        ops += record("axon", x, "v")
    ops += record_hh("axon", 0.5)
    return ops + RUN


def branched_tree(usetable):
    ops = globals_(celsius=6.3, usetable_hh=usetable, tstop=30.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0, nseg=3)
    ops += insert("soma", "hh")
    # Unequal lengths, so a dendrite attached at the wrong end shows in the traces.
    attachments = (("dend0", 0.0, 120.0), ("dend05", 0.5, 150.0), ("dend1", 1.0, 180.0))
    for name, parent_x, length in attachments:
        ops += section(name, L=length, diam=1.5, Ra=150.0, nseg=9)
        ops += insert(name, "pas", g_pas=0.0002, e_pas=-65.0)
        ops.append({"op": "connect", "child": name, "parent": "soma", "parentX": parent_x, "childX": 0})
    ops += section("tip", L=100.0, diam=1.0, Ra=150.0, nseg=11)
    ops += insert("tip", "pas", g_pas=0.0002, e_pas=-65.0)
    ops.append({"op": "connect", "child": "tip", "parent": "dend05", "parentX": 1.0, "childX": 0})
    # A per-segment taper: diam falls linearly from 2 µm at the tip's base to 0.5 µm.
    nseg = 11
    for i in range(nseg):
        x = (i + 0.5) / nseg
        ops.append({"op": "range", "section": "tip", "var": "diam", "x": x, "value": 2.0 - 1.5 * x})
    ops += iclamp("stim", "tip", 1.0, delay=2.0, dur=20.0, amp=0.3)
    ops += record_t()
    ops += record("soma", 0.5, "v") + record("soma", 0.5, "m_hh") + record("soma", 0.5, "ina")
    for name, _, _ in attachments:
        ops += record(name, 0.5, "v")
    ops += record("dend0", 1.0, "v") + record("tip", 0.5, "v") + record("tip", 1.0, "v")
    return ops + RUN


def pt3d_dendrite():
    """Five 3-D points with uneven spacing and diameters (not float32-exact), nseg 7."""
    ops = globals_(celsius=6.3, tstop=15.0)
    ops += [{"op": "section", "name": "dend"}]
    points = (
        (0.0, 0.0, 0.0, 3.1),
        (12.3, 4.1, -1.7, 2.45),
        (30.7, 9.9, 2.2, 2.45),
        (31.1, 10.0, 2.2, 1.3),
        (75.25, 20.3, -6.6, 0.7),
    )
    for x, y, z, d in points:
        ops.append({"op": "pt3dadd", "section": "dend", "x": x, "y": y, "z": z, "d": d})
    ops += [
        {"op": "set", "section": "dend", "attr": "nseg", "value": 7},
        {"op": "set", "section": "dend", "attr": "Ra", "value": 180.0},
        {"op": "set", "section": "dend", "attr": "cm", "value": 1.0},
    ]
    ops += insert("dend", "pas", g_pas=0.0005, e_pas=-65.0)
    ops += iclamp("stim", "dend", 0.0, delay=1.0, dur=5.0, amp=0.05)
    ops += record_t()
    for x in (0.0, 0.3, 0.5, 1.0):
        ops += record("dend", x, "v")
    return ops + RUN


def pt3d_edits():
    """3-D sections edited after their points exist: L rescales the points from the first,
    diam rewrites the points' diameters; one is a child of a stylized soma."""
    ops = globals_(celsius=6.3, tstop=10.0)
    ops += section("soma", L=15.0, diam=15.0, Ra=100.0)
    ops += insert("soma", "pas", g_pas=0.0005, e_pas=-65.0)
    for name, points in (
        ("stretched", ((0.0, 0.0, 0.0, 2.2), (7.7, 1.1, 0.0, 1.9), (20.3, -3.3, 1.0, 1.4), (33.3, -2.0, 4.4, 0.9))),
        ("rediam", ((0.0, 0.0, 0.0, 1.7), (10.1, 0.0, 0.0, 1.3), (25.9, 3.0, -2.0, 0.6))),
    ):
        ops.append({"op": "section", "name": name})
        for x, y, z, d in points:
            ops.append({"op": "pt3dadd", "section": name, "x": x, "y": y, "z": z, "d": d})
        ops.append({"op": "set", "section": name, "attr": "nseg", "value": 5})
        ops.append({"op": "set", "section": name, "attr": "Ra", "value": 150.0})
        ops += insert(name, "pas", g_pas=0.0005, e_pas=-65.0)
        ops.append({"op": "connect", "child": name, "parent": "soma", "parentX": 1.0, "childX": 0})
    ops.append({"op": "set", "section": "stretched", "attr": "L", "value": 61.7})
    ops.append({"op": "set", "section": "rediam", "attr": "diam", "value": 1.1})
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=3.0, amp=0.1)
    ops += record_t() + record("soma", 0.5, "v")
    for name in ("stretched", "rediam"):
        ops += record(name, 0.5, "v") + record(name, 1.0, "v")
    return ops + RUN


def assorted_edges():
    """Point processes on zero-area and shared nodes, two clamps on one node, per-segment
    cm and e_pas, and a child attached at the middle of its parent."""
    ops = globals_(celsius=6.3, tstop=15.0)
    ops += section("soma", L=25.0, diam=12.0, Ra=90.0, nseg=3)
    ops += insert("soma", "hh")
    ops += section("branch", L=80.0, diam=1.2, Ra=110.0, nseg=4)
    ops += insert("branch", "pas", g_pas=0.0004, e_pas=-65.0)
    for i, (cm, e) in enumerate(((1.0, -60.0), (1.5, -62.0), (0.8, -70.0), (2.0, -66.0))):
        x = (i + 0.5) / 4
        ops.append({"op": "range", "section": "branch", "var": "cm", "x": x, "value": cm})
        ops.append({"op": "range", "section": "branch", "var": "e_pas", "x": x, "value": e})
    ops.append({"op": "connect", "child": "branch", "parent": "soma", "parentX": 0.5, "childX": 0})
    ops += iclamp("root_stim", "soma", 0.0, delay=1.0, dur=2.0, amp=0.05)  # the root's zero-area node
    ops += iclamp("base_stim", "branch", 0.0, delay=4.0, dur=2.0, amp=0.03)  # shared with soma's middle node
    ops += iclamp("tip_stim_a", "branch", 1.0, delay=7.0, dur=3.0, amp=0.02)
    ops += iclamp("tip_stim_b", "branch", 1.0, delay=8.0, dur=3.0, amp=-0.01)
    ops += record_t() + record("soma", 0.0, "v") + record("soma", 0.5, "v")
    ops += record("branch", 0.0, "v") + record("branch", 0.6, "v") + record("branch", 1.0, "v")
    ops += record_pp("root_stim", "i") + record_pp("tip_stim_b", "i")
    return ops + RUN


def vector_play(continuous):
    """IClamp.amp driven by a played vector; del 0 and a long dur keep the clamp on."""
    ops = globals_(celsius=6.3, tstop=12.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "pas", g_pas=0.001, e_pas=-65.0)
    ops += iclamp("stim", "soma", 0.5, delay=0.0, dur=1e9, amp=0.0)
    # Times between grid points (3.0125, 6.01) and a repeated time (8, 8).
    t = [0.0, 1.0, 3.0125, 6.01, 8.0, 8.0, 10.0]
    y = [0.0, 0.05, 0.1, -0.02, 0.08, 0.03, 0.0]
    ops.append(
        {"op": "play", "target": {"pointProcess": "stim", "var": "amp"}, "t": t, "y": y, "continuous": continuous}
    )
    ops += record_t() + record("soma", 0.5, "v") + record_pp("stim", "amp") + record_pp("stim", "i")
    return ops + RUN


def vector_play_dt():
    """IClamp.amp played from a vector with a fixed interval Dt (value i from t = i*Dt)."""
    ops = globals_(celsius=6.3, tstop=12.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "pas", g_pas=0.001, e_pas=-65.0)
    ops += iclamp("stim", "soma", 0.5, delay=0.0, dur=1e9, amp=0.0)
    y = [0.0, 0.04, 0.1, 0.02, -0.03, 0.06, 0.0]
    ops.append({"op": "play", "target": {"pointProcess": "stim", "var": "amp"}, "y": y, "dt": 1.7, "continuous": False})
    ops += record_t() + record("soma", 0.5, "v") + record_pp("stim", "amp")
    return ops + RUN


def reversed_child(usetable):
    """A tapered dendrite connected by its x = 1 end (childX 1): its x = 0 end is distal."""
    ops = globals_(celsius=6.3, usetable_hh=usetable, tstop=20.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "hh")
    ops += section("dend", L=300.0, diam=2.0, Ra=120.0, nseg=7)
    ops += insert("dend", "pas", g_pas=0.0002, e_pas=-65.0)
    for i in range(7):
        x = (i + 0.5) / 7
        ops.append({"op": "range", "section": "dend", "var": "diam", "x": x, "value": 0.8 + 2.0 * x})
    ops.append({"op": "connect", "child": "dend", "parent": "soma", "parentX": 1.0, "childX": 1})
    ops += iclamp("stim", "dend", 0.0, delay=1.0, dur=10.0, amp=0.4)
    ops += record_t() + record("soma", 0.5, "v")
    for x in (0.0, 0.3, 0.7, 1.0):
        ops += record("dend", x, "v")
    return ops + RUN


def stdrun_setdt():
    """dt 0.01 with steps_per_ms 40: stdrun's setdt() makes dt 0.0125 and two fadvances per step()."""
    ops = globals_(celsius=6.3, dt=0.01, steps_per_ms=40.0, tstop=5.0)
    ops += section("soma", L=18.8, diam=18.8, Ra=123.0)
    ops += insert("soma", "hh")
    ops += iclamp("stim", "soma", 0.5, delay=0.5, dur=2.0, amp=0.2)
    ops += record_t() + record("soma", 0.5, "v") + record("soma", 0.5, "m_hh")
    return ops + RUN


def nrntest_fast_t13():
    """NEURON's test_nrntest_fast.py test_t13, fixed step: three hh cells, usetable_hh 0,
    stdrun defaults (celsius 6.3, dt 0.025, tstop 5, v_init -65)."""
    ops = globals_(celsius=6.3, usetable_hh=0, tstop=5.0)
    for cell in range(3):
        soma = f"cell{cell}_soma"
        ops += section(soma, L=10.0, diam=100 / (math.pi * 10.0), Ra=35.4)
        ops += insert(soma, "hh")
        ops += iclamp(f"cell{cell}_stim", soma, 0.5, delay=0.0, dur=0.1 + 0.1 * cell, amp=0.2 + 0.1 * cell)
    ops += record_t()
    for cell in range(3):
        ops += record(f"cell{cell}_soma", 0.5, "v")
    return ops + RUN


def nseg_change_after_insert(usetable):
    """Range values set at nseg 3 must survive nseg 3 -> 5 by position; a dendrite goes 1 -> 9."""
    ops = globals_(celsius=6.3, usetable_hh=usetable, tstop=20.0)
    ops += section("soma", L=30.0, diam=15.0, Ra=100.0, nseg=3)
    ops += insert("soma", "hh")
    for x, gnabar in ((1 / 6, 0.10), (0.5, 0.14), (5 / 6, 0.08)):
        ops.append({"op": "range", "section": "soma", "var": "gnabar_hh", "x": x, "value": gnabar})
    ops.append({"op": "set", "section": "soma", "attr": "nseg", "value": 5})
    ops += section("dend", L=200.0, diam=2.0, Ra=100.0, nseg=1)
    ops += insert("dend", "pas", g_pas=0.0003, e_pas=-60.0)
    ops.append({"op": "connect", "child": "dend", "parent": "soma", "parentX": 1.0, "childX": 0})
    ops.append({"op": "set", "section": "dend", "attr": "nseg", "value": 9})
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=10.0, amp=0.2)
    ops += record_t()
    for x in (0.1, 0.5, 0.9):
        ops += record("soma", x, "v") + record("soma", x, "gnabar_hh")
    ops += record("dend", 0.5, "v") + record("dend", 1.0, "v")
    return ops + RUN


def record_before_nseg_change():
    """Records made at nseg 3 follow their nodes through nseg 3 -> 5 as NEURON 9's data
    handles do: each new segment keeps the old node nearest to it, so a record of
    dend(0.3) (old node 0, centre 1/6) ends up recording the new dend(0.1)."""
    ops = globals_(celsius=6.3, tstop=10.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "hh")
    ops += section("dend", L=200.0, diam=2.0, Ra=100.0, nseg=3)
    ops += insert("dend", "pas", g_pas=0.001, e_pas=-70.0)
    ops.append({"op": "connect", "child": "dend", "parent": "soma", "parentX": 1.0, "childX": 0})
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=5.0, amp=0.3)
    ops += record_t()
    for x in (0.3, 0.5, 0.9):
        ops += record("dend", x, "v", note=" recorded at nseg 3")
    ops += record("soma", 0.5, "m_hh", note=" recorded at nseg 1")
    ops.append({"op": "set", "section": "dend", "attr": "nseg", "value": 5})
    ops.append({"op": "set", "section": "soma", "attr": "nseg", "value": 3})
    for x in (0.1, 0.3, 0.5, 0.9):
        ops += record("dend", x, "v")
    return ops + RUN


def point_process_before_nseg_change():
    """Point processes sit on nodes, and nodes move when nseg changes (NEURON's node_realloc):
    an IClamp put at grow(0.3) with nseg 3 (on the node of centre 1/6) is on grow(0.1)
    after nseg 5; one put at shrink(0.5) with nseg 5 goes, with its destroyed node's point
    processes, to shrink(0.25) after nseg 2."""
    ops = globals_(celsius=6.3, tstop=10.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "pas", g_pas=0.0005, e_pas=-65.0)
    for name, nseg in (("grow", 3), ("shrink", 5)):
        ops += section(name, L=300.0, diam=1.0, Ra=150.0, nseg=nseg)
        ops += insert(name, "pas", g_pas=0.0005, e_pas=-65.0)
        ops.append({"op": "connect", "child": name, "parent": "soma", "parentX": 1.0, "childX": 0})
    ops += iclamp("grow_stim", "grow", 0.3, delay=1.0, dur=3.0, amp=0.05)
    ops += iclamp("shrink_stim", "shrink", 0.5, delay=5.0, dur=3.0, amp=0.05)
    ops.append({"op": "set", "section": "grow", "attr": "nseg", "value": 5})
    ops.append({"op": "set", "section": "shrink", "attr": "nseg", "value": 2})
    ops += record_t() + record("soma", 0.5, "v")
    for x in (0.1, 0.3, 0.9):
        ops += record("grow", x, "v")
    for x in (0.25, 0.75):
        ops += record("shrink", x, "v")
    return ops + RUN


def rerun_after_structure_change():
    """A run, then the model is edited (hh inserted, a section added, diam and nseg changed)
    and run again: the live records must follow the re-lowered model; only the second
    run's samples remain (finitialize empties the records)."""
    ops = globals_(celsius=6.3, tstop=5.0)
    ops += section("soma", L=20.0, diam=20.0, Ra=100.0)
    ops += insert("soma", "hh")
    ops += section("dend", L=150.0, diam=2.0, Ra=100.0, nseg=3)
    ops += insert("dend", "pas", g_pas=0.0003, e_pas=-65.0)
    ops.append({"op": "connect", "child": "dend", "parent": "soma", "parentX": 1.0, "childX": 0})
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=3.0, amp=0.3)
    ops += record_t() + record("soma", 0.5, "v") + record("dend", 0.5, "v") + record("dend", 1.0, "v")
    ops += RUN
    ops += insert("dend", "hh")
    ops += section("axon", L=400.0, diam=1.0, Ra=100.0, nseg=9)
    ops += insert("axon", "hh")
    ops.append({"op": "connect", "child": "axon", "parent": "soma", "parentX": 0.0, "childX": 0})
    ops.append({"op": "set", "section": "soma", "attr": "diam", "value": 16.0})
    ops.append({"op": "set", "section": "dend", "attr": "nseg", "value": 7})
    ops.append({"op": "global", "name": "tstop", "value": 12.0})
    return ops + RUN


def celsius_change_midrun(usetable):
    """celsius changed between two continueruns: hh's rates (and its table) must follow."""
    ops = globals_(celsius=6.3, usetable_hh=usetable, tstop=10.0)
    ops += section("soma", L=18.8, diam=18.8, Ra=123.0)
    ops += insert("soma", "hh")
    ops += iclamp("stim", "soma", 0.5, delay=1.0, dur=18.0, amp=0.1)
    ops += record_t() + record("soma", 0.5, "v") + record_hh("soma", 0.5)
    ops += RUN
    ops.append({"op": "global", "name": "celsius", "value": 16.3})
    ops.append({"op": "continuerun", "tstop": 20.0})
    return ops


def all_scenarios():
    """name -> (description, operations)."""
    s = {"passive_iclamp": ("passive single compartment, IClamp step", passive_iclamp())}
    for tab in (1, 0):
        s[f"hh_soma_train_table{tab}"] = (f"hh soma firing a train, usetable_hh {tab}", hh_soma_train(tab))
        for order in (0, 1, 2):
            s[f"hh_axon_order{order}_table{tab}"] = (
                f"4 mm hh axon, nseg 101, Ra 100, 18.5 degC, secondorder {order}, usetable_hh {tab}",
                hh_axon(tab, order),
            )
        s[f"branched_tree_table{tab}"] = (
            f"hh soma with pas dendrites at 0, 0.5, 1, a tapered grandchild, current into its tip; usetable_hh {tab}",
            branched_tree(tab),
        )
        s[f"nseg_change_table{tab}"] = (
            f"nseg changed after insertion and range assignment; usetable_hh {tab}",
            nseg_change_after_insert(tab),
        )
        s[f"celsius_change_table{tab}"] = (
            f"celsius 6.3 -> 16.3 between continueruns; usetable_hh {tab}",
            celsius_change_midrun(tab),
        )
    s["hh_soma_32C_table1"] = ("hh soma at Patch's 32 degC, usetable_hh 1", hh_soma_train(1, celsius=32.0))
    s["assorted_edges"] = ("clamps on zero-area and shared nodes, per-segment cm and e_pas", assorted_edges())
    s["record_before_nseg_change"] = ("records made before an nseg change follow their nodes", record_before_nseg_change())
    s["point_process_before_nseg_change"] = (
        "point processes placed before an nseg change move with their nodes",
        point_process_before_nseg_change(),
    )
    s["rerun_after_structure_change"] = (
        "run, edit the model, run again with the same records",
        rerun_after_structure_change(),
    )
    s["pt3d_dendrite"] = ("3-D point dendrite, five points, nseg 7", pt3d_dendrite())
    s["pt3d_edits"] = ("3-D sections edited after their points exist: L rescaled, diam set", pt3d_edits())
    s["play_step"] = ("Vector.play into IClamp.amp, step (tvec)", vector_play(False))
    s["play_continuous"] = ("Vector.play into IClamp.amp, continuous (tvec, 1)", vector_play(True))
    s["play_dt"] = ("Vector.play into IClamp.amp with a fixed interval Dt", vector_play_dt())
    s["reversed_child_table1"] = ("tapered dendrite connected by its x = 1 end", reversed_child(1))
    s["stdrun_setdt"] = ("dt 0.01 with steps_per_ms 40: setdt() changes dt to 0.0125", stdrun_setdt())
    s["nrntest_fast_t13"] = ("NEURON test_nrntest_fast t13, fixed step", nrntest_fast_t13())
    return s
