"""NEURON's ringtest (test/ringtest/ring.hoc + cell.hoc in neuronsimulator/nrn) in Python,
run on real NEURON, with spike times at full precision.

Run with the reference environment (real NEURON 9.0.2):
    .venv-ref/bin/python tools/reference/events/gen_ringtest.py
Writes tests-java/src/test/resources/reference/events/ringtest.json.

The model is ring.hoc's: 20 B_BallStick cells (hh soma, passive dendrite built from 3-D
points, nseg by the d_lambda-style rule at 100 Hz); cell i's soma v(1), threshold 10,
drives an ExpSyn (tau 2, e 0) at dend(0.8) of cell (i+1) % 20 with weight 0.01, delay 1;
an IClamp (dur 1, amp 1) in cell 0's soma starts the activity; tstop 100, dt 0.025.
ring.hoc connects through ParallelContext gids; on one host that is the same as plain
NetCons, which this script checks by running both.
"""
import json
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events/ringtest.json"
NCELL = 20


class BallStick:
    def __init__(self):
        self.soma = h.Section(name="soma", cell=self)
        self.dend = h.Section(name="dend", cell=self)
        self.dend.connect(self.soma(1), 0)
        self.soma.pt3dclear()
        self.soma.pt3dadd(0, 0, 0, 1)
        self.soma.pt3dadd(15, 0, 0, 1)
        self.dend.pt3dclear()
        self.dend.pt3dadd(15, 0, 0, 1)
        self.dend.pt3dadd(105, 0, 0, 1)
        self.soma.L = self.soma.diam = 12.6157
        self.dend.L = 200
        self.dend.diam = 1
        for sec in (self.soma, self.dend):
            sec.Ra = 100
            sec.cm = 1
        self.soma.insert("hh")
        self.soma.gnabar_hh = 0.12
        self.soma.gkbar_hh = 0.036
        self.soma.gl_hh = 0.0003
        self.soma.el_hh = -54.3
        self.dend.insert("pas")
        self.dend.g_pas = 0.001
        self.dend.e_pas = -65
        for sec in (self.soma, self.dend):
            sec.nseg = int((sec.L / (0.1 * h.lambda_f(100, sec=sec)) + 0.9) / 2) * 2 + 1
        self.excitatory = h.ExpSyn(self.dend(0.8))
        self.excitatory.tau = 2
        self.inhibitory = h.ExpSyn(self.dend(0.1))
        self.inhibitory.tau = 5
        self.inhibitory.e = -80


def ring(use_gids):
    cells = [BallStick() for _ in range(NCELL)]
    pc = h.ParallelContext()
    netcons = []
    if use_gids:
        for gid, cell in enumerate(cells):
            pc.set_gid2node(gid, pc.id())
            pc.cell(gid, h.NetCon(cell.soma(1)._ref_v, None, sec=cell.soma))
    for i in range(NCELL):
        target = cells[(i + 1) % NCELL].excitatory
        if use_gids:
            nc = pc.gid_connect(i, target)
        else:
            nc = h.NetCon(cells[i].soma(1)._ref_v, target, sec=cells[i].soma)
        nc.threshold = 10
        nc.delay = 1
        nc.weight[0] = 0.01
        netcons.append(nc)
    stim = h.IClamp(cells[0].soma(0.5))
    stim.dur = 1
    stim.amp = 1
    tvec, idvec = h.Vector(), h.Vector()
    recorders = []
    for gid, cell in enumerate(cells):
        nc = h.NetCon(cell.soma(1)._ref_v, None, sec=cell.soma)
        nc.threshold = 10
        nc.record(tvec, idvec, gid)
        recorders.append(nc)
    h.dt = 0.025
    h.tstop = 100
    if use_gids:
        pc.set_maxstep(10)
        h.stdinit()
        pc.psolve(100)
    else:
        h.finitialize(-65)
        h.continuerun(100)
    result = {"times": list(tvec), "ids": [int(i) for i in idvec],
              "nseg": {"soma": cells[0].soma.nseg, "dend": cells[0].dend.nseg}}
    if use_gids:
        pc.gid_clear()
    return result


def main():
    plain = ring(use_gids=False)
    with_gids = ring(use_gids=True)
    assert plain["times"] == with_gids["times"] and plain["ids"] == with_gids["ids"], "gid and plain rings differ"
    plain["neuron_version"] = h.nrnversion()
    OUT.write_text(json.dumps(plain, indent=1) + "\n")
    print("wrote", OUT, len(plain["times"]), "spikes, nseg", plain["nseg"])


if __name__ == "__main__":
    main()
