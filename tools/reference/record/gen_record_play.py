"""Reference data for Vector record/play from real NEURON 9.0.2.

Run with the reference environment:
    .venv-ref/bin/python tools/reference/record/gen_record_play.py
Writes tests-java/src/test/resources/org/jpatch/core/record/record_play.json, read by
RecordPlayReferenceTest (tests-java/src/test/java/org/jpatch/core/record/), which
builds the same models on the engine. Numbers are repr() of NEURON's doubles.
Each scenario runs in a fresh NEURON process so that none inherits another's state.
"""
import json
import multiprocessing
import pathlib
import sys

OUT = (pathlib.Path(__file__).resolve().parents[3]
       / "tests-java/src/test/resources/org/jpatch/core/record/record_play.json")


def passive_soma(h):
    h.load_file("stdrun.hoc")
    h.celsius = 6.3
    h.dt = 0.025
    soma = h.Section(name="soma")
    soma.L = 20
    soma.diam = 20
    soma.insert("pas")
    return soma


def record_kinds(h):
    """Every-step, Dt and time-vector recording of v, t and an IClamp current."""
    soma = passive_soma(h)
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 0.5, 1.0, 0.3
    seg = soma(0.5)
    tv = h.Vector([0, 0.0125, 0.3, 0.31, 0.5, 1.99, 2.0, 2.5])
    vecs = {
        "t": h.Vector().record(h._ref_t),
        "v": h.Vector().record(seg._ref_v),
        "i": h.Vector().record(stim._ref_i),
        "v_dt0.1": h.Vector().record(seg._ref_v, 0.1),
        "v_dt0.07": h.Vector().record(seg._ref_v, 0.07),
        "t_dt0.1": h.Vector().record(h._ref_t, 0.1),
        "v_tvec": h.Vector().record(seg._ref_v, tv),
    }
    h.finitialize(-65)
    h.continuerun(2)
    return vecs


def play_into_iclamp(h):
    """Step play at t = 0 (visible in the t = 0 current) and continuous play past its last time."""
    soma = passive_soma(h)
    step = h.IClamp(soma(0.5))
    step.delay, step.dur = 0, 1e9
    cont = h.IClamp(soma(0.5))
    cont.delay, cont.dur = 0, 1e9
    ystep, tstep = h.Vector([0.2, -0.1, 0.4]), h.Vector([0, 0.7, 0.7125])
    ystep.play(step._ref_amp, tstep)
    ycont, tcont = h.Vector([0.1, 0.3, 0.0, -0.2]), h.Vector([0, 0.4, 0.4, 1.1])
    ycont.play(cont._ref_amp, tcont, 1)
    vecs = {
        "v": h.Vector().record(soma(0.5)._ref_v),
        "step_i": h.Vector().record(step._ref_i),
        "cont_amp": h.Vector().record(cont._ref_amp),
        "cont_amp_dt0.05": h.Vector().record(cont._ref_amp, 0.05),
    }
    h.finitialize(-65)
    h.continuerun(2)
    return vecs


def play_parameter_dt(h):
    """Step play with an interval into a range parameter (e_pas); continuous play into v."""
    soma = passive_soma(h)
    seg = soma(0.5)
    ye = h.Vector([-70, -40, -90, -60])
    ye.play(seg._ref_e_pas, 0.3)
    dend = h.Section(name="dend")
    dend.insert("pas")
    yv, tv = h.Vector([-65, -20, -20, -80]), h.Vector([0.2, 0.6, 1.0, 1.5])
    yv.play(dend(0.5)._ref_v, tv, 1)
    vecs = {
        "v": h.Vector().record(seg._ref_v),
        "e_pas": h.Vector().record(seg._ref_e_pas),
        "dend_v": h.Vector().record(dend(0.5)._ref_v),
    }
    h.finitialize(-65)
    h.continuerun(2)
    return vecs


def play_discontinuities(h):
    """Continuous play with discontinuity indices (events only there), and with none at all."""
    soma = passive_soma(h)
    a = h.IClamp(soma(0.5))
    a.delay, a.dur = 0, 1e9
    b = h.IClamp(soma(0.5))
    b.delay, b.dur = 0, 1e9
    ta, ya, ia = h.Vector([0.1, 0.3, 0.3, 0.8, 1.2]), h.Vector([0, 0.5, -0.5, 0.2, 0.4]), h.Vector([2])
    ya.play(a._ref_amp, ta, ia)
    tb, yb, ib = h.Vector([0, 0.5, 1.0]), h.Vector([0.3, -0.3, 0.1]), h.Vector()
    yb.play(b._ref_amp, tb, ib)
    vecs = {
        "v": h.Vector().record(soma(0.5)._ref_v),
        "a_amp": h.Vector().record(a._ref_amp),
        "a_amp_dt0.05": h.Vector().record(a._ref_amp, 0.05),
        "b_amp": h.Vector().record(b._ref_amp),
    }
    h.finitialize(-65)
    h.continuerun(2)
    return vecs


def hh_states(h):
    """States and ionic currents of hh, recorded every step and with Dt; run twice (re-initialised)."""
    soma = passive_soma(h)
    soma.uninsert("pas")
    soma.insert("hh")
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 0.2, 2, 0.5
    seg = soma(0.5)
    vecs = {
        "m_hh": h.Vector().record(seg._ref_m_hh),
        "ina": h.Vector().record(seg._ref_ina),
        "ik_dt0.05": h.Vector().record(seg._ref_ik, 0.05),
        "v": h.Vector().record(seg._ref_v),
    }
    h.finitialize(-65)
    h.continuerun(1)
    h.finitialize(-65)
    h.continuerun(3)
    return vecs


SCENARIOS = {f.__name__: f for f in (record_kinds, play_into_iclamp, play_parameter_dt,
                                         play_discontinuities, hh_states)}


def run_one(name, queue):
    from neuron import h
    vecs = SCENARIOS[name](h)
    queue.put({"description": SCENARIOS[name].__doc__,
               "traces": {k: [repr(x) for x in v] for k, v in vecs.items()}})


def main(names):
    from neuron import h
    result = {"neuron_version": h.nrnversion()}
    for name in names or SCENARIOS:
        queue = multiprocessing.Queue()
        proc = multiprocessing.Process(target=run_one, args=(name, queue))
        proc.start()
        result[name] = queue.get()
        proc.join()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main(sys.argv[1:])
