"""NEURON's side of CVodeMatchesNeuronTest: one scenario under cvode.active(1).

python protocol.py <scenario> [libnrnmech]: builds the model, finitialize(v_init), then fadvance() while
t < tstop, printing after finitialize and after every fadvance one row of t and the
recorded values (repr: exact doubles); then cvode.statistics() (its counts are compared).
"""
import sys
from neuron import h

scenario = sys.argv[1]
if len(sys.argv) > 2:
    h.nrn_load_dll(sys.argv[2])
cv = h.CVode()


def hh_point(sec, x):
    return [lambda: sec(x).m_hh, lambda: sec(x).h_hh, lambda: sec(x).n_hh]


if scenario == "passive":
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20.0
    soma.insert("pas")
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 1.0, 2.0, 0.1
    probes = [lambda: soma(0.5).v]
    tstop, v_init = 6.0, -65.0
elif scenario == "hh_soma":
    h.celsius = 6.3
    h.usetable_hh = 0
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20.0
    soma.insert("hh")
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 1.0, 15.0, 0.2
    probes = [lambda: soma(0.5).v] + hh_point(soma, 0.5)
    tstop, v_init = 20.0, -65.0
elif scenario == "hh_axon":
    h.celsius = 18.5
    axon = h.Section(name="axon")
    axon.L, axon.diam, axon.Ra, axon.nseg = 4000.0, 2.0, 100.0, 101
    axon.insert("hh")
    stim = h.IClamp(axon(0.005))
    stim.delay, stim.dur, stim.amp = 1.0, 1.0, 0.5
    probes = [lambda x=x: axon(x).v for x in (0.0, 0.005, 0.25, 0.5, 0.75, 0.995, 1.0)] + hh_point(axon, 0.5)
    tstop, v_init = 10.0, -65.0
elif scenario == "network":
    cells, syns = [], []
    for name in ("a", "b"):
        sec = h.Section(name=name)
        sec.L = sec.diam = 20.0
        sec.insert("pas")
        syn = h.ExpSyn(sec(0.5))
        syn.tau = 2.0
        cells.append(sec)
        syns.append(syn)
    stim = h.NetStim()
    stim.start, stim.interval, stim.number, stim.noise = 1.0, 6.0, 3, 0
    drive = h.NetCon(stim, syns[0])
    drive.weight[0], drive.delay = 0.01, 1.0
    link = h.NetCon(cells[0](0.5)._ref_v, syns[1], sec=cells[0])
    link.threshold, link.weight[0], link.delay = -60.0, 0.01, 2.0
    spikes = h.Vector()
    link.record(spikes)
    probes = [lambda: cells[0](0.5).v, lambda: cells[1](0.5).v, lambda: syns[0].g, lambda: syns[1].g]
    records = {"REC_T": h.Vector(), "REC_V": h.Vector(), "REC_DT": h.Vector()}
    records["REC_T"].record(h._ref_t)
    records["REC_V"].record(cells[1](0.5)._ref_v)
    records["REC_DT"].record(cells[0](0.5)._ref_v, 0.5)
    tstop, v_init = 25.0, -65.0
elif scenario == "nmodl_cnexp":
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20.0
    soma.insert("pas")
    soma.insert("cvgate")
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 1.0, 6.0, 0.15
    probes = [lambda: soma(0.5).v, lambda: soma(0.5).n_cvgate]
    tstop, v_init = 12.0, -65.0
else:
    raise SystemExit("unknown scenario " + scenario)

cv.active(1)
h.finitialize(v_init)


def row():
    print(" ".join(repr(x) for x in [h.t] + [p() for p in probes]))


row()
while h.t < tstop:
    h.fadvance()
    row()
if scenario == "network":
    print("SPIKES " + " ".join(repr(x) for x in spikes))
    for name, vec in records.items():
        print(name + " " + " ".join(repr(x) for x in vec))
sys.stdout.flush()
cv.statistics()
