"""Path distances on a branched tree, in every form of NEURON's distance(): run under
jpatch or under NEURON + nrn-patch. Prints one JSON object {form: [values]} on stdout.

The tree has sections of several nseg, a child at an interior point, one at its parent's
0 end, one at the connecting end of a non-root section, one connected by its 1 end (so its
nodes run backwards), children of that one's far end, a 3-D section, and a second tree.
nrn-patch's p.distance passes its arguments to NEURON untransformed: segments and sec=
go through __neuron__() (a no-op for jpatch's objects).
"""

import json

from patch import p


def _section(name, length, nseg, parent=None, parentx=1.0, childx=0.0):
    s = p.Section(name=name)
    s.L = length
    s.nseg = nseg
    s.diam = 1
    if parent is not None:
        s.connect(parent, parentx, childx)
    return s


def build_tree():
    soma = _section("soma", 20, 1)
    dend1 = _section("dend1", 100, 5, soma, 1)
    dend2 = _section("dend2", 80, 4, soma, 0)
    dend3 = _section("dend3", 50, 3, dend1, 0.3)
    reversed_dend = _section("reversed_dend", 60, 4, dend1, 1, 1)
    beyond_reversed = _section("beyond_reversed", 30, 2, reversed_dend, 0)
    at_connecting_end = _section("at_connecting_end", 40, 3, dend3, 0)
    curved = _section("curved", 1, 3, dend2, 0.6)
    for x, y, d in [(0, 0, 2), (10, 5, 2), (13, 25, 1.5), (30, 30, 1)]:
        p.pt3dadd(x, y, 0, d, sec=curved.__neuron__())
    lone = _section("lone", 10, 2)
    return [soma, dend1, dend2, dend3, reversed_dend, beyond_reversed, at_connecting_end, curved, lone]


XS = [0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 0.75, 0.999, 1]


def main():
    sections = build_tree()
    soma, dend1 = sections[0], sections[1]
    locations = [(s, x) for s in sections for x in XS]
    out = {}
    # Origin at the root's 0 end (distance(sec=)), measured with distance(seg) and distance(x, sec=).
    out["set origin, no x"] = [p.distance(sec=soma.__neuron__())]
    out["from root by segment"] = [p.distance(s(x).__neuron__()) for s, x in locations]
    out["from root by x"] = [p.distance(x, sec=s.__neuron__()) for s, x in locations]
    # Origin in the middle of the tree: distance(0, x, sec=) returns x; distance(1, x, sec=) measures.
    out["set origin at x"] = [p.distance(0, 0.45, sec=dend1.__neuron__())]
    out["from dend1(0.45)"] = [p.distance(1, x, sec=s.__neuron__()) for s, x in locations]
    # distance(0, seg) sets the origin too.
    out["set origin at segment"] = [p.distance(0, sections[5](0.7).__neuron__())]
    out["from beyond_reversed(0.7)"] = [p.distance(1, s(x).__neuron__()) for s, x in locations]
    # The two-segment form, every pair.
    out["between"] = [
        p.distance(a(xa).__neuron__(), b(xb).__neuron__()) for a, xa in locations for b, xb in locations
    ]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
