"""3-D geometry: h.define_shape on a branched cell without points, then explicit pt3dadd on
another section (with `sec=` and as a method), pt3dclear/pt3dchange, and the derived L,
area and diameters NEURON computes from them."""

from neuron import h

soma = h.Section(name="soma")
soma.L = soma.diam = 15
apical = h.Section(name="apical")
apical.L, apical.diam, apical.nseg = 120, 2, 5
apical.connect(soma(1))
basal = h.Section(name="basal")
basal.L, basal.diam = 60, 1.5
basal.connect(soma(0))
oblique = h.Section(name="oblique")
oblique.L, oblique.diam = 40, 0.8
oblique.connect(apical(0.5))
h.define_shape()
for sec in (soma, apical, basal, oblique):
    print(sec.name(), sec.n3d(), [(sec.x3d(i), sec.y3d(i), sec.z3d(i), sec.diam3d(i), sec.arc3d(i)) for i in range(sec.n3d())])

axon = h.Section(name="axon")
axon.connect(soma(0.5))
for x, y, z, d in [(0, 0, 0, 2), (10, 2, 0, 1.8), (25, 3, 4, 1.2), (55, -6, 9, 0.9)]:
    h.pt3dadd(x, y, z, d, sec=axon)
axon.pt3dadd(80, -10, 12, 0.7)
axon.nseg = 7
print("axon", axon.n3d(), axon.L, [seg.area() for seg in axon], [seg.diam for seg in axon], [seg.ri() for seg in axon])
axon.pt3dchange(2, 26, 3, 4, 1.5)
print("changed", axon.L, [seg.diam for seg in axon])
h.pt3dclear(sec=basal)
basal.pt3dadd(0, 0, 0, 1)
basal.pt3dadd(0, -30, 0, 3)
print("basal", basal.L, basal.n3d(), [seg.diam for seg in basal], [seg.area() for seg in basal])
h.define_shape()
print("moved", [(axon.x3d(i), axon.y3d(i)) for i in range(axon.n3d())])
print("spine", soma.spine3d(0), h.distance(soma(0.5), oblique(1)), h.area(0.5, sec=apical))
