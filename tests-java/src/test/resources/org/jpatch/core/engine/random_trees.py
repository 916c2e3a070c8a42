"""Random section trees run in real NEURON: the data of RandomTreesMatchNeuronTest.

Each tree: random secondorder (0, 1, 2), celsius, usetable_hh and dt; 3-7 sections with random L, diam, Ra, nseg, some with 3-D points, connected
at random positions (0, 1, interior) by either end, pas or hh, nseg changes, one
segment's diam set, then later edits (reconnections that flip orientation under
children, nseg changes, disconnections, L and diam of 3-D sections), and 1-3 IClamps
anywhere (also on end nodes). Recorded: area, ri, diam of every segment and
the ends, each section's children in order, and v at x = 0, 0.5, 1 of every section
for 3 ms.

Regenerate (NEURON 9.0.2 in .venv-ref):
  .venv-ref/bin/python tests-java/src/test/resources/org/jpatch/core/engine/random_trees.py
"""
import json
import os
import random
import subprocess
import sys

SEEDS = range(1, 31)
HERE = os.path.dirname(os.path.abspath(__file__))


def build(seed):
    rnd = random.Random(seed)
    ops = [{"op": "global", "name": "secondorder", "value": rnd.choice([0, 1, 2])},
           {"op": "global", "name": "celsius", "value": round(rnd.uniform(0, 37), 2)},
           {"op": "global", "name": "usetable_hh", "value": rnd.choice([0, 1])},
           {"op": "global", "name": "dt", "value": rnd.choice([0.025, 0.01, 0.05, 0.1])}]
    n = rnd.randint(3, 7)
    for i in range(n):
        name = "s%d" % i
        ops.append({"op": "sec", "name": name, "L": round(rnd.uniform(5, 300), 3),
                    "diam": round(rnd.uniform(0.3, 20), 3), "Ra": round(rnd.uniform(30, 200), 2),
                    "nseg": rnd.randint(1, 6)})
        if rnd.random() < 0.3:
            pts = [[round(rnd.uniform(-50, 50), 2) for _ in range(3)] + [round(rnd.uniform(0.5, 6), 2)]
                   for _ in range(rnd.randint(2, 5))]
            ops.append({"op": "pts", "name": name, "pts": pts})
        if i > 0 and rnd.random() < 0.9:
            px = rnd.choice([0.0, 1.0, round(rnd.random(), 3), 0.5])
            ops.append({"op": "connect", "child": name, "parent": "s%d" % rnd.randrange(i),
                        "px": px, "cx": rnd.choice([0.0, 0.0, 1.0])})
        ops.append({"op": "insert", "name": name, "mech": rnd.choice(["pas", "hh", "pas"])})
        if rnd.random() < 0.3:
            ops.append({"op": "nseg", "name": name, "nseg": rnd.randint(1, 9)})
        if rnd.random() < 0.3:
            ops.append({"op": "segdiam", "name": name, "x": round(rnd.random(), 3),
                        "diam": round(rnd.uniform(0.5, 5), 3)})
    for _ in range(rnd.randint(0, 6)):
        r = rnd.random()
        i = rnd.randrange(n)
        if r < 0.5 and i > 0:
            ops.append({"op": "connect", "child": "s%d" % i, "parent": "s%d" % rnd.randrange(i),
                        "px": rnd.choice([0.0, 1.0, round(rnd.random(), 3)]), "cx": rnd.choice([0.0, 1.0])})
        elif r < 0.65:
            ops.append({"op": "nseg", "name": "s%d" % i, "nseg": rnd.randint(1, 9)})
        elif r < 0.75:
            ops.append({"op": "disconnect", "name": "s%d" % i})
        elif r < 0.9:
            ops.append({"op": "L", "name": "s%d" % i, "L": round(rnd.uniform(5, 300), 3)})
        else:
            ops.append({"op": "alldiam", "name": "s%d" % i, "diam": round(rnd.uniform(0.5, 5), 3)})
    # Clamps last: NEURON leaves a point process on its node when a later edit moves a
    # connecting node to another section, which is not a location the engine models.
    for _ in range(rnd.randint(1, 3)):
        ops.append({"op": "stim", "name": "s%d" % rnd.randrange(n),
                    "x": rnd.choice([0.0, 1.0, round(rnd.random(), 3)]), "amp": round(rnd.uniform(-1.5, 3), 3)})
    return ops


def run_in_neuron(ops):
    from neuron import h
    secs = {}
    stims = []
    for op in ops:
        kind = op["op"]
        if kind == "global":
            setattr(h, op["name"], op["value"])
        elif kind == "sec":
            s = h.Section(name=op["name"])
            s.L, s.diam, s.Ra, s.nseg = op["L"], op["diam"], op["Ra"], op["nseg"]
            secs[op["name"]] = s
        elif kind == "pts":
            for p in op["pts"]:
                secs[op["name"]].pt3dadd(*p)
        elif kind == "connect":
            secs[op["child"]].connect(secs[op["parent"]](op["px"]), op["cx"])
        elif kind == "insert":
            secs[op["name"]].insert(op["mech"])
        elif kind == "nseg":
            secs[op["name"]].nseg = op["nseg"]
        elif kind == "segdiam":
            secs[op["name"]](op["x"]).diam = op["diam"]
        elif kind == "disconnect":
            secs[op["name"]].disconnect()
        elif kind == "L":
            secs[op["name"]].L = op["L"]
        elif kind == "alldiam":
            secs[op["name"]].diam = op["diam"]
        elif kind == "stim":
            st = h.IClamp(secs[op["name"]](op["x"]))
            st.delay, st.dur, st.amp = 0.1, 1.0, op["amp"]
            stims.append(st)
    names = sorted(secs)
    geometry = []
    for name in names:
        s = secs[name]
        for x in [0.0] + [(i + .5) / s.nseg for i in range(s.nseg)] + [1.0]:
            geometry.append([name, x, s(x).area(), s(x).ri(), s(x).diam])
    probes = [(name, x) for name in names for x in (0.0, 0.5, 1.0)]
    vectors = [h.Vector().record(secs[name](x)._ref_v) for name, x in probes]
    h.finitialize(-65)
    while h.t < 3.0 - h.dt / 2:
        h.fadvance()
    return {"geometry": geometry,
            "children": {name: [c.name() for c in secs[name].children()] for name in names},
            "v": [[name, x, list(vec)] for (name, x), vec in zip(probes, vectors)]}


if __name__ == "__main__":
    if len(sys.argv) > 1:  # one tree per process: NEURON's sections are global
        seed = int(sys.argv[1])
        ops = build(seed)
        print(json.dumps({"seed": seed, "operations": ops, "neuron": run_in_neuron(ops)}))
    else:
        trees = []
        for seed in SEEDS:
            out = subprocess.run([sys.executable, os.path.abspath(__file__), str(seed)],
                                 check=True, capture_output=True, text=True).stdout
            trees.append(json.loads(out.strip().splitlines()[-1]))
        with open(os.path.join(HERE, "random_trees.json"), "w") as f:
            json.dump(trees, f)
