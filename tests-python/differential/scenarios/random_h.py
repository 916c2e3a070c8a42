"""h.Random through ``from neuron import h``: every generator and distribution, seq, the global
indexes, Random.play, Vector.setrand and NetStim.noiseFromRandom. Prints one value per line as
"<label> <libm|exact> <float.hex()>" for test_h_random.py to compare under jpatch and NEURON;
"libm" marks draws that pass through log, exp or pow."""

from neuron import h

LIBM = {"normal", "lognormal", "poisson", "hypergeo", "negexp", "erlang", "weibull"}
DISTRIBUTIONS = [("uniform", (-1.0, 3.0)), ("discunif", (2, 9)), ("normal", (0.5, 2.0)), ("lognormal", (1.0, 0.3)),
                 ("poisson", (2.5,)), ("binomial", (12, 0.4)), ("geometric", (0.6,)), ("hypergeo", (1.5, 4.0)),
                 ("negexp", (0.7,)), ("erlang", (2.0, 1.0)), ("weibull", (2.0, 1.5))]


def show(label, kind, value):
    print(label, kind, float(value).hex())


for setup in ["Random123 5 6 7", "MCellRan4 4321", "MCellRan4 4321 99", "default 17"]:
    for name, args in DISTRIBUTIONS:
        words = setup.split()
        r = h.Random(int(words[1])) if words[0] == "default" else h.Random()
        if words[0] == "Random123":
            r.Random123(*map(int, words[1:]))
        elif words[0] == "MCellRan4":
            show(f"{setup} seed", "exact", r.MCellRan4(*map(int, words[1:])))
        kind = "libm" if name in LIBM else "exact"
        show(f"{setup} {name}", kind, getattr(r, name)(*args))
        for i in range(40):
            show(f"{setup} {name} {i}", kind, r.repick())
        show(f"{setup} {name} seq", "exact", r.seq())

r = h.Random()
show("normal default", "libm", r.repick())
show("auto seed", "exact", r.MCellRan4())
show("mcell_ran4_init", "exact", h.mcell_ran4_init(12))
show("low index draw", "exact", r.uniform(0, 1))
show("mcell_ran4_init back", "exact", h.mcell_ran4_init(0))
r.Random123(1, 2, 3)
show("seq set", "exact", r.seq(4097.5))
show("after seq", "exact", r.uniform(0, 1))
show("globalindex", "exact", r.Random123_globalindex(3))
for i in range(6):
    show(f"keyed {i}", "exact", r.repick())
show("globalindex back", "exact", r.Random123_globalindex(0))

v = h.Vector(30)
r.Random123(8, 8, 8)
r.discunif(0, 100)
v.setrand(r)
v.setrand(r, 10, 14)
for i, x in enumerate(v):
    show(f"setrand {i}", "exact", x)

soma = h.Section(name="soma")
clamp = h.IClamp(soma(0.5))
clamp.dur = 1e9
r.Random123(2, 4, 6)
r.uniform(0, 0.5)
r.play(clamp._ref_amp)
amp = h.Vector().record(clamp._ref_amp)
vm = h.Vector().record(soma(0.5)._ref_v)
h.finitialize(-65)
for _ in range(20):
    h.fadvance()
for i, (a, x) in enumerate(zip(amp, vm)):
    show(f"play amp {i}", "exact", a)
    show(f"play v {i}", "exact", x)

ns = h.NetStim()
ns.start, ns.noise, ns.interval, ns.number = 1, 1, 2, 30
noise = h.Random()
noise.Random123(5, 6, 7)
ns.noiseFromRandom(noise)
spikes = h.Vector()
nc = h.NetCon(ns, None)
nc.record(spikes)
h.finitialize(-65)
while h.t < 60:
    h.fadvance()
for i, t in enumerate(spikes):
    show(f"netstim {i}", "libm", t)

for call in ["h.Random(1, 5)", "r.MCellRan4(-1)", "r.binomial(3, 2)", "r.geometric(1.5)", "r.seq(-1)"]:
    try:
        eval(call)
        print(call, "accepted")
    except RuntimeError:
        print(call, "RuntimeError")
r.MCellRan4(3)
try:
    ns.noiseFromRandom(r)
    print("noiseFromRandom(MCellRan4) accepted")
except RuntimeError:
    print("noiseFromRandom(MCellRan4) RuntimeError")
