"""An hh soma under VClamp (dur[], amp[]) with an APCount recording its spike times, then
released into a current step."""

from _traces import save, set_globals

from patch import p, transform

set_globals(p, celsius=6.3, tstop=40.0)
soma = p.Section(name="soma")
soma.set_dimensions(18.8, 18.8)
soma.insert("hh")
vc = p.VClamp(soma)
for i, (dur, amp) in enumerate(((2.0, -65.0), (5.0, 0.0), (3.0, -70.0))):
    vc.dur[i] = dur
    vc.amp[i] = amp
stim = soma.iclamp(0.3, delay=12.0, duration=25.0)
apc = p.APCount(soma)
apc.thresh = -10
times = p.Vector()
apc.record(transform(times))
t = p.time
traces = {"v": soma.record(), "vc_i": p.record(vc._ref_i)}
p.run(40.0, v_init=-65.0)
save(t=t, spike_times=times, n=[apc.n], durs=list(vc.dur), **traces)
