"""A noisy NetStim (noise 1, Random123 stream 1, 2, 3) driving an ExpSyn on an hh cell:
its event times and the cell's voltage."""

from _traces import save, set_globals

from patch import p

set_globals(p, celsius=6.3, tstop=100.0)
soma = p.Section(name="soma")
soma.set_dimensions(18.8, 18.8)
soma.insert("hh")
syn = p.ExpSyn(soma)
stim = p.NetStim()
stim.start = 2
stim.number = 20
stim.interval = 5
stim.noise = 1
stim.noiseFromRandom123(1, 2, 3)
nc = p.NetCon(stim, syn, weight=0.02, delay=1)
events = nc.record()
t = p.time
v = soma.record()
p.run(100.0, v_init=-65.0)
save(t=t, events=events, v=v)
