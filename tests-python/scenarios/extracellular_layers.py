"""NEURON's extracellular mechanism: two layers of xraxial/xg/xc, a current injected through
an IClamp, vext and i_membrane read per segment."""

from neuron import h

h.load_file("stdrun.hoc")
axon = h.Section(name="axon")
axon.L, axon.diam, axon.nseg = 500, 1, 11
axon.insert("hh")
axon.insert("extracellular")
for seg in axon:
    seg.xraxial[0] = 5e4
    seg.xg[0] = 0.5
    seg.xc[0] = 0.1
    seg.xraxial[1] = 1e5
    seg.xg[1] = 2
    seg.xc[1] = 0
    seg.e_extracellular = 0
stim = h.IClamp(axon(0))
stim.delay, stim.dur, stim.amp = 1, 0.5, 0.3
vext = h.Vector().record(axon(0.5)._ref_vext[0])
vm = h.Vector().record(axon(0.5)._ref_v)
h.finitialize(-65)
h.continuerun(6)
print([seg.vext[0] for seg in axon])
print([seg.i_membrane for seg in axon])
print(vm.max(), vm.max_ind(), vext.max(), len(vext))
