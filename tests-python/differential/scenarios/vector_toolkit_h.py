"""NEURON's Vector toolkit as analysis scripts use it, on a recorded hh spike train: spike
detection and binning, histograms (plain, smoothed, Gaussian sums), derivatives and
integrals, searches, reordering, Python callables through apply, slicing and pickling."""

import math
import pickle

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 18.8
soma.insert("hh")
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur, stim.amp = 2, 40, 0.3
v = h.Vector().record(soma(0.5)._ref_v)
t = h.Vector().record(h._ref_t)
h.finitialize(-65)
h.continuerun(50)
print(v.size(), round(v.max(), 9), v.max_ind(), round(v.min(), 9), v.min_ind())

# spike times: upward crossings of 0 mV, found with where/indvwhere and spikebin
above = h.Vector().indvwhere(v, ">=", 0)
print(above.size(), above.x[0], above.x[int(above.size()) - 1])
bins = h.Vector().spikebin(v, 0, 40)
crossings = h.Vector().indvwhere(bins, "==", 1)
spike_times = h.Vector().index(t, crossings.c().mul(40))
print(bins.size(), bins.sum(), crossings.to_python(), spike_times.to_python())

# rates and histograms of the trace's values
counts = v.histogram(-80, 40, 10)
print(counts.to_python())
hist = h.Vector().hist(v, -80, 12, 10)
print(hist.to_python(), hist.sum() == v.size() - v.c().where(v, "[)", 40, 1000).size())
smooth = h.Vector().smhist(spike_times, 0, 25, 2, 4)
print([round(x, 12) for x in smooth.to_python()])
density = spike_times.sumgauss(0, 50, 2.5, 3)
print([round(x, 12) for x in density.to_python()])

# derivative and integral of the membrane potential
dvdt = h.Vector().deriv(v, h.dt)
print(round(dvdt.max(), 9), dvdt.max_ind(), round(dvdt.min(), 9))
forward = h.Vector().deriv(v, h.dt, 1)
print(forward.size(), round(forward.mean(), 9))
area = h.Vector().integral(v, h.dt)
print(round(area.x[int(area.size()) - 1], 9))
resampled = h.Vector().interpolate(h.Vector().indgen(0, 50, 0.7), t, v)
print(resampled.size(), round(resampled.sum(), 9), round(resampled.median(), 9))

# statistics
first = v.c(0, 399)
print(round(first.mean(), 9), round(first.stdev(), 9), round(first.stderr(), 9), round(first.sumsq(), 6))
print(round(first.dot(first), 6), round(first.mag(), 9), round(first.meansqerr(v.c(400, 799)), 9))
print(first.contains(-65), first.eq(v.c(0, 399)), first.eq(v.c(1, 400)))

# reordering and editing
order = spike_times.c().reverse().sortindex()
print(order.to_python(), spike_times.c().rotate(2).to_python(), spike_times.c().rotate(-1, 0).to_python())
edited = h.Vector([1, 2, 3, 4, 5, 6])
edited.insrt(2, 9.5, h.Vector([7, 8]))
edited.remove(0, 1)
print(edited.to_python(), edited.c().sort().to_python(), edited.c().pow(2).to_python(), edited.c().abs().sum())
print(edited.indwhere("()", 5, 9), edited.c().ind(h.Vector([5, 0, 2, 99])).to_python())

# functions: hoc names run in the engine, Python callables in Python
squares = h.Vector(6).indgen(-2.5, 1).apply("exp", 1, 3)
print([round(x, 12) for x in squares.to_python()])
mapped = h.Vector(6).indgen().apply(lambda x: x * x - 1)
print(mapped.to_python(), round(h.Vector(6).indgen().reduce("sin", 1), 12))

# Python's side: negative indices, slices, numpy, pickling, to_python/from_python
w = h.Vector(10).indgen(0.5)
w[-1] = -3.25
print(w[-1], w[2], list(w[1:8:3]), list(w[::-4]), type(w[2:5]).__name__)
w[0:3] = [10, 11, 12]
print(w.to_python())
target = [0.0] * 10
w.to_python(target)
print(len(target), target[-1], list(h.Vector().from_python(range(4))))
again = pickle.loads(pickle.dumps(w))
print(again.to_python() == w.to_python(), again.size(), again.label() == "")
