"""The d_lambda rule users copy everywhere: nseg from h.lambda_f(100) for sections of varied
length, diameter, Ra and cm, then the resulting segment count and a short run."""

from neuron import h

h.load_file("stdrun.hoc")
trunk = h.Section(name="trunk")
branches = []
for i, (L, diam, Ra, cm) in enumerate([(400, 2, 150, 1), (37, 0.5, 100, 2), (1200, 4, 35.4, 0.8), (3, 1, 200, 1)]):
    sec = h.Section(name=f"b{i}")
    sec.L, sec.diam, sec.Ra, sec.cm = L, diam, Ra, cm
    sec.connect(trunk)
    branches.append(sec)
trunk.L, trunk.diam = 100, 3
for sec in h.allsec():
    sec.insert("pas")
    lam = h.lambda_f(100, sec=sec)
    sec.nseg = int((sec.L / (0.1 * lam) + 0.9) / 2) * 2 + 1
    print(sec.name(), lam, sec.nseg)
for sec in h.allsec():
    sec.push()
    print(sec.name(), h.lambda_f(10), h.lambda_f(1000))
    h.pop_section()
stim = h.IClamp(branches[2](1))
stim.delay, stim.dur, stim.amp = 0.5, 3, 0.5
h.finitialize(-70)
h.continuerun(5)
print([seg.v for seg in branches[2]])
print([seg.v for seg in trunk])
