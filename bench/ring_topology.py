"""The ringtest model's random cell shapes, drawn with NEURON's own Random123 streams.

Run under real NEURON (.venv-ref); prints JSON: for each gid, its dendrites' parent
indices and nseg. neuronsimulator/ringtest draws these in `celltypeinfo` and `shuffle`
with NEURON's Random (Random123 discunif/repick); jpatch has no Random object yet, so the
bench draws the shapes once here and builds the same network on both simulators.
Defaults are ringtest's: 16 rings of 8 cells, 8 cells per type, 10-20 branches of nseg 1.
"""

import json
import sys

from neuron import h

NRING, NCELL, NCELL_PER_TYPE = 16, 8, 8
NBRANCH, NCOMPART = (10, 20), (1, 1)


def cell_type_shape(cell_type):
    r = h.Random()
    r.Random123(cell_type, 2)
    nbranch = int(r.discunif(*NBRANCH))
    parents, nsegs = [0] * nbranch, [0] * nbranch
    r.discunif(*NCOMPART)
    for i in range(nbranch):
        nsegs[i] = int(r.repick())
    # every branch gets 0, 1 or 2 children
    open_slots = [[0, 0]]
    for i in range(1, nbranch):
        a = int(r.discunif(0, len(open_slots) - 1))
        parents[i] = open_slots[a][0]
        open_slots[a][1] += 1
        if open_slots[a][1] > 1:
            open_slots[a][0] = i
            open_slots[a][1] = 0
        else:
            open_slots.append([i, 0])
    return parents, nsegs


def shuffled_types():
    ntype = int((NRING * NCELL - 1) / NCELL_PER_TYPE + 1)
    types = [i % ntype for i in range(NCELL * NRING)]
    ran = h.Random()
    ran.Random123(0, 1)
    n = len(types) - 1
    for i in range(n + 1):
        j = int(ran.discunif(i, n))
        types[i], types[j] = types[j], types[i]
    return types


def main():
    h.Random().Random123_globalindex(0)
    shapes = [cell_type_shape(t) for t in shuffled_types()]
    json.dump({"nring": NRING, "ncell": NCELL, "cells": shapes}, sys.stdout)


if __name__ == "__main__":
    main()
