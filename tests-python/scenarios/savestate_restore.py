"""h.SaveState: save mid-run, run on, restore and run the same stretch again; both
stretches must print the same numbers, and both NEURON's."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 18
soma.insert("hh")
syn = h.ExpSyn(soma(0.5))
syn.tau = 3
stim = h.NetStim()
stim.number, stim.start, stim.interval = 4, 1, 4
nc = h.NetCon(stim, syn, 0, 1, 0.004)
h.finitialize(-65)
h.continuerun(6)
state = h.SaveState()
state.save()
saved_t = h.t
h.continuerun(14)
first = (h.t, soma(0.5).v, soma(0.5).hh.m, syn.g)
state.restore()
print("restored", h.t == saved_t, h.t, soma(0.5).v)
h.continuerun(14)
second = (h.t, soma(0.5).v, soma(0.5).hh.m, syn.g)
print(first)
print(second)
