"""h.FInitializeHandler at its types 0, 1 (default), 2 and 3: callbacks that set states,
change v after initialization and log the order they run in."""

from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 12
soma.insert("hh")
soma.insert("pas")
soma.e_pas = -70
log = []


def before_states():
    log.append(("type0", h.t, soma(0.5).v))


def set_v():
    soma(0.5).v = -58.5
    log.append(("type1", soma(0.5).hh.m))


def after_init():
    soma(0.5).hh.m = 0.2
    log.append(("type2", soma(0.5).hh.n))


def before_event_queue():
    log.append(("type3", h.t))


handlers = [h.FInitializeHandler(0, before_states), h.FInitializeHandler(set_v),
            h.FInitializeHandler(2, after_init), h.FInitializeHandler(3, before_event_queue)]
v = h.Vector().record(soma(0.5)._ref_v)
h.finitialize(-65)
print(log)
print(soma(0.5).v, soma(0.5).hh.m, soma(0.5).hh.h, soma(0.5).hh.n)
h.continuerun(5)
print(list(v)[::25])
log.clear()
del handlers[1]
h.finitialize(-62)
print(log, soma(0.5).v)
