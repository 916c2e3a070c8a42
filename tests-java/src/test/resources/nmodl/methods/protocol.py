# NmodlMethodsDifferentialTest's protocol in real NEURON: argv library, mechanism,
# then the range variables to record besides v. A 20 µm × 20 µm compartment with the
# mechanism alone, IClamp 0.1 nA from 1 to 6 ms, celsius 32, dt 0.025, 10 ms from -65 mV
# (secondorder from argv[4] on); prints "label value" lines, one per step.
import sys
from neuron import h
h.nrn_load_dll(sys.argv[1])
name, secondorder, names = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
s = h.Section(name="soma")
s.L = 20; s.diam = 20; s.nseg = 1
h.celsius = 32; h.dt = 0.025; h.secondorder = secondorder
s.insert(name)
stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = 0.1
traces = [("v", h.Vector().record(s(0.5)._ref_v))]
for n in names:
    traces.append((n, h.Vector().record(getattr(s(0.5), "_ref_" + n + "_" + name))))
h.finitialize(-65)
while h.t < 10 - h.dt / 2:
    h.fadvance()
for label, vec in traces:
    for x in vec:
        print(label, repr(x))
