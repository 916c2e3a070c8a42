"""An hh cable with extracellular layers (finite xg, xc, xraxial) stimulated through
e_extracellular played continuously from Vectors: v, vext[0] and i_membrane along it.
(Layer 1 is left out: NEURON 9's seg.vext[1] and seg._ref_vext[1] reach layer 0.)"""

from _traces import save, set_globals

from patch import p, transform

set_globals(p, celsius=6.3, tstop=5.0)
cable = p.Section(name="cable")
cable.L, cable.diam, cable.nseg = 300, 2, 5
cable.insert("hh")
cable.insert("extracellular")
tvec = p.Vector([0, 1, 1.0001, 1.6, 1.6001, 100])
plays = []
for seg in cable:
    seg.xg[0], seg.xg[1] = 1.5, 0.08
    seg.xc[0], seg.xc[1] = 0.2, 0.02
    seg.xraxial[0], seg.xraxial[1] = 80, 600
    amplitude = 60.0 / (abs(seg.x - 0.25) + 0.1)
    values = p.Vector([0, 0, amplitude, amplitude, 0, 0])
    values.play(seg.extracellular._ref_e, transform(tvec), True)
    plays.append(values)
t = p.time
traces = {"t": t}
for seg in cable:
    traces[f"v{seg.x:g}"] = p.record(seg._ref_v)
    traces[f"vext{seg.x:g}"] = p.record(seg._ref_vext[0])
    traces[f"imem{seg.x:g}"] = p.record(seg._ref_i_membrane)
p.run(5.0, v_init=-65.0)
save(**traces)
