"""h.Random as scripts draw from it: Random123 and MCellRan4 streams with uniform, normal,
negexp, poisson and discunif; repick; a Vector filled by setrand; a noisy NetStim."""

from neuron import h

r = h.Random()
r.Random123(1, 2, 3)
r.uniform(-1, 1)
print("r123 uniform", [r.repick() for _ in range(5)])
r.normal(0, 2)
print("r123 normal", [r.repick() for _ in range(5)])
r.Random123_globalindex(7)
r.seq(0)
r.negexp(3)
print("negexp", [r.repick() for _ in range(3)], r.seq())
m = h.Random(42)
m.MCellRan4(1000, 3)
m.poisson(4)
print("mcell poisson", [m.repick() for _ in range(6)])
m.discunif(1, 6)
print("mcell discunif", [m.repick() for _ in range(6)])
v = h.Vector(8)
v.setrand(r)
print("setrand", list(v))

h.load_file("stdrun.hoc")
ns = h.NetStim()
ns.interval, ns.number, ns.start, ns.noise = 5, 10, 0, 1
noise = h.Random()
noise.Random123(3, 0, 0)
noise.negexp(1)
ns.noiseFromRandom(noise)
spikes = h.Vector()
rec = h.NetCon(ns, None)
rec.record(spikes)
h.finitialize(-65)
h.continuerun(60)
print("netstim", list(spikes))
