"""Reference traces and spike times of event-driven models, from real NEURON.

Run with the reference environment (real NEURON 9.0.2):
    .venv-ref/bin/python tools/reference/events/gen_events.py
Writes one JSON file per scenario into tests-java/src/test/resources/reference/events/.
Every trace holds one sample at finitialize plus one per fadvance; numbers are Python
floats, whose JSON form round-trips exactly.
"""
import json
import pathlib

from neuron import h

h.load_file("stdrun.hoc")

OUT_DIR = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/events"


def run(tstop, records, dt=0.025, v_init=-65.0):
    """finitialize(v_init) + continuerun(tstop) with h.dt = dt; returns the recorded lists."""
    h.dt = dt
    h.celsius = 6.3
    vectors = {}
    for name, ref in records.items():
        vec = h.Vector()
        vec.record(ref)
        vectors[name] = vec
    h.finitialize(v_init)
    h.continuerun(tstop)
    return {name: list(vec) for name, vec in vectors.items()}


def hh_soma(name="soma"):
    soma = h.Section(name=name)
    soma.L = 20
    soma.diam = 20
    soma.insert("hh")
    return soma


def synapses_from_netstim():
    """An hh soma driven by a regular NetStim through an ExpSyn and an Exp2Syn."""
    soma = hh_soma()
    stim = h.NetStim()
    stim.start = 5
    stim.interval = 12
    stim.number = 6
    expsyn = h.ExpSyn(soma(0.5))
    expsyn.tau = 2
    exp2syn = h.Exp2Syn(soma(0.5))
    exp2syn.tau1 = 0.5
    exp2syn.tau2 = 4
    exp2syn.e = -10
    nc1 = h.NetCon(stim, expsyn)
    nc1.weight[0] = 0.004
    nc1.delay = 1
    nc2 = h.NetCon(stim, exp2syn)
    nc2.weight[0] = 0.003
    nc2.delay = 3.5
    stim_times = h.Vector()
    nc1.record(stim_times)
    detector = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
    detector.threshold = 0
    spikes = h.Vector()
    detector.record(spikes)
    traces = run(100, {"t": h._ref_t, "v": soma(0.5)._ref_v, "expsyn_i": expsyn._ref_i,
                       "expsyn_g": expsyn._ref_g, "exp2syn_i": exp2syn._ref_i, "exp2syn_g": exp2syn._ref_g})
    return {"traces": traces, "stim_times": list(stim_times), "spike_times": list(spikes)}


def noisy_netstim():
    """NEURON's test/api/netcon.cpp: NetStim noise 1, streams (1, 2, 3), ExpSyn on an hh soma."""
    soma = h.Section(name="soma")
    soma.insert("hh")
    ns = h.NetStim()
    ns.start = 5
    ns.noise = 1
    ns.interval = 5
    ns.number = 10
    ns.noiseFromRandom123(1, 2, 3)
    syn = h.ExpSyn(soma(0.5))
    syn.tau = 3
    syn.e = 0
    nc = h.NetCon(ns, syn)
    nc.weight[0] = 0.5
    nc.delay = 0
    events = h.Vector()
    nc.record(events)
    traces = run(100, {"t": h._ref_t, "v": soma(0.5)._ref_v})
    return {"traces": traces, "event_times": list(events)}


def seclamp():
    soma = hh_soma()
    clamp = h.SEClamp(soma(0.5))
    clamp.dur1, clamp.amp1 = 5, -65
    clamp.dur2, clamp.amp2 = 10, -10
    clamp.dur3, clamp.amp3 = 7.5, -80
    clamp.rs = 0.5
    traces = run(30, {"t": h._ref_t, "v": soma(0.5)._ref_v, "i": clamp._ref_i, "vc": clamp._ref_vc})
    return {"traces": traces}


def vclamp():
    soma = hh_soma()
    clamp = h.VClamp(soma(0.5))
    for j, (dur, amp) in enumerate([(5, -65), (10, -10), (7.5, -80)]):
        clamp.dur[j] = dur
        clamp.amp[j] = amp
    traces = run(30, {"t": h._ref_t, "v": soma(0.5)._ref_v, "i": clamp._ref_i, "vo": clamp._ref_vo,
                      "vi": clamp._ref_vi, "e": clamp._ref_e})
    return {"traces": traces}


def apcount():
    soma = hh_soma()
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 2, 60, 0.1
    apc = h.APCount(soma(0.5))
    apc.thresh = -10
    times = h.Vector()
    apc.record(times)
    traces = run(70, {"t": h._ref_t, "v": soma(0.5)._ref_v, "n": apc._ref_n})
    return {"traces": traces, "n": apc.n, "times": list(times)}


def alpha_synapse():
    soma = hh_soma()
    syn = h.AlphaSynapse(soma(0.5))
    syn.onset, syn.tau, syn.gmax, syn.e = 2, 0.8, 0.01, 0
    traces = run(20, {"t": h._ref_t, "v": soma(0.5)._ref_v, "i": syn._ref_i})
    return {"traces": traces}


def record_dt_with_events():
    """Vector.record(Dt) of a synapse's g while events land on the sampling times: NEURON
    orders record events and NetCon events in one queue, so the 6.0 sample sees the jump."""
    soma = hh_soma()
    stim = h.NetStim()
    stim.start, stim.interval, stim.number = 5, 10, 5
    syn = h.ExpSyn(soma(0.5))
    syn.tau = 2
    nc = h.NetCon(stim, syn)
    nc.delay = 1
    nc.weight[0] = 0.001
    g = h.Vector()
    g.record(syn._ref_g, 0.5)
    h.dt = 0.025
    h.finitialize(-65)
    h.continuerun(40)
    return {"g_every_half_ms": list(g)}


def main():
    scenarios = {
        "netstim_synapses": synapses_from_netstim,
        "netstim_noise": noisy_netstim,
        "seclamp": seclamp,
        "vclamp": vclamp,
        "apcount": apcount,
        "alpha_synapse": alpha_synapse,
        "record_dt_with_events": record_dt_with_events,
    }
    for name, build in scenarios.items():
        result = build()
        result["neuron_version"] = h.nrnversion()
        path = OUT_DIR / f"{name}.json"
        path.write_text(json.dumps(result) + "\n")
        print("wrote", path)
        # each scenario's sections die with its locals; none may leak into the next
        assert len(list(h.allsec())) == 0


if __name__ == "__main__":
    main()
