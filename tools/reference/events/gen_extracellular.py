"""Reference traces of NEURON's extracellular mechanism (2 layers), from real NEURON 9.0.2.

Run with the reference environment:
    .venv-ref/bin/python tools/reference/events/gen_extracellular.py
Writes extracellular.json into tests-java/src/test/resources/reference/events/: per scenario
the traces recorded at every step (one sample at finitialize plus one per fadvance).
"""
import json
import math
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events/extracellular.json"
DT = 0.025
TSTOP = 6.0


def run(records, hoc_records, secondorder=0):
    """records: name -> pointer; hoc_records: name -> hoc pointer expression (NEURON 9's
    seg.vext[1] and seg._ref_vext[1] reach layer 0's storage, so layer 1 is recorded from hoc)."""
    h.dt = DT
    h.celsius = 6.3
    h.secondorder = secondorder
    vectors = {name: h.Vector().record(ref) for name, ref in records.items()}
    h("objref layer_record")
    for name, pointer in hoc_records.items():
        vectors[name] = h.Vector()
        h.layer_record = vectors[name]
        section, pointer = pointer
        section.push()  # a Python-made section has no hoc name: make it hoc's current one
        h(f"layer_record.record(&{pointer})")
        h.pop_section()
    h.finitialize(-65)
    h.continuerun(TSTOP)
    return {name: list(vec) for name, vec in vectors.items()}


def field(x):
    """The extracellular potential's shape along the cable [mV per unit pulse]: a point source near x = 0.3."""
    return 40.0 / math.sqrt((x - 0.3) ** 2 + 0.01)


def pulse_times_and_values():
    """A biphasic pulse, as a time Vector and a value Vector for play(..., continuous=True)."""
    t = [0, 1, 1.0001, 1.5, 1.5001, 2, 2.0001, 100]
    unit = [0, 0, 1, 1, -0.5, -0.5, 0, 0]
    return t, unit


def cable(name, nseg, extracellular_xg, extracellular_xc, xraxial, hh):
    sec = h.Section(name=name)
    sec.L, sec.diam, sec.nseg = 400, 2, nseg
    sec.insert("hh" if hh else "pas")
    sec.insert("extracellular")
    for seg in sec:
        seg.xraxial[0], seg.xraxial[1] = xraxial
        seg.xg[0], seg.xg[1] = extracellular_xg
        seg.xc[0], seg.xc[1] = extracellular_xc
    return sec


def stimulated(name, nseg, xg, xc, xraxial, hh, child=False, clamps=False, secondorder=0):
    sec = cable(name, nseg, xg, xc, xraxial, hh)
    keep = [sec]
    if child:  # a branch without extracellular at 0.5
        branch = h.Section(name=name + "_branch")
        branch.L, branch.diam, branch.nseg = 100, 1, 3
        branch.insert("pas")
        branch.connect(sec(0.5))
        keep.append(branch)
    if clamps:  # electrode currents at nodes with layers: they see vm + vext[0]
        iclamp = h.IClamp(sec(0.2))
        iclamp.delay, iclamp.dur, iclamp.amp = 0.5, 3, 0.3
        seclamp = h.SEClamp(sec(0.8))
        seclamp.dur1, seclamp.amp1, seclamp.rs = 4, -50, 2
        keep += [iclamp, seclamp]
    t, unit = pulse_times_and_values()
    tvec = h.Vector(t)
    plays = []
    for seg in sec:
        values = h.Vector([u * field(seg.x) for u in unit])
        values.play(seg._ref_e_extracellular, tvec, True)
        plays.append(values)
    records = {"t": h._ref_t}
    hoc_records = {}
    for k, seg in enumerate(sec):
        if k in (0, nseg // 2, nseg - 1):
            records[f"v{k}"] = seg._ref_v
            records[f"vext0_{k}"] = seg._ref_vext[0]
            hoc_records[f"vext1_{k}"] = (sec, f"vext[1]({seg.x!r})")
            records[f"imem{k}"] = seg._ref_i_membrane
    if child:
        records["branch_v"] = keep[1](0.5)._ref_v
    if clamps:
        records["seclamp_i"] = keep[-1]._ref_i
    out = run(records, hoc_records, secondorder)
    return out


def main():
    scenarios = {
        # NEURON's defaults (xg 1e9: every layer tied to e_extracellular), hh: the field excites
        "defaults_hh": dict(nseg=9, xg=(1e9, 1e9), xc=(0, 0), xraxial=(1e9, 1e9), hh=True),
        # finite xg and xc and xraxial: the layers have their own dynamics; a branch without layers
        "finite_layers_pas": dict(nseg=7, xg=(0.5, 0.02), xc=(0.3, 0.05), xraxial=(300, 2000), hh=False,
                                  child=True),
        "finite_layers_hh": dict(nseg=5, xg=(2.0, 0.1), xc=(0.1, 0.0), xraxial=(50, 1e4), hh=True),
        # an IClamp and an SEClamp at nodes with layers, Crank-Nicolson
        "clamps_secondorder2": dict(nseg=6, xg=(1.0, 0.05), xc=(0.2, 0.01), xraxial=(100, 500), hh=True,
                                    clamps=True, secondorder=2),
    }
    data = {}
    for name, args in scenarios.items():
        data[name] = {"args": args, **stimulated(name, args["nseg"], args["xg"], args["xc"], args["xraxial"],
                                                 args["hh"], args.get("child", False), args.get("clamps", False),
                                                 args.get("secondorder", 0))}
    OUT.write_text(json.dumps(data))
    print(f"wrote {OUT}")


main()
