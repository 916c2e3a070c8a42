# NmodlMethodsDifferentialTest's protocol in real NEURON: argv library, mechanism,
# secondorder, then the range variables to record besides v. A 20 µm × 20 µm compartment
# with the mechanism alone (the ftab mechanism's FUNCTION_TABLEs set first), IClamp 0.1 nA
# from 1 to 6 ms, celsius 32, dt 0.025, 10 ms from -65 mV; prints "label value" lines.
import sys
from neuron import h
h.nrn_load_dll(sys.argv[1])
name, secondorder, names = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
s = h.Section(name="soma")
s.L = 20; s.diam = 20; s.nseg = 1
h.celsius = 32; h.dt = 0.025; h.secondorder = secondorder
s.insert(name)
if name == "ftab":  # NmodlMethodsDifferentialTest.FTAB_* hold the same numbers
    taus = h.Vector([5, 4, 3, 1.5, 0.8, 1.2, 2.5, 4, 6, 7, 7.5, 8, 8, 8, 8, 8])
    h.table_tauft_ftab(taus._ref_x[0], len(taus), -100, 50)
    minf_v = h.Vector([-100, -80, -70, -62, -55, -50, -40, -20, 0, 40])
    minf = h.Vector([0, 0.01, 0.05, 0.12, 0.3, 0.5, 0.8, 0.95, 0.99, 1])
    h.table_minfft_ftab(minf, minf_v)
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
