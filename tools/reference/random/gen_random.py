"""Reference draws of NEURON's hoc Random (every generator NEURON 9 has, every distribution).

Run with the reference environment (real NEURON 9.0.2):
    .venv-ref/bin/python tools/reference/random/gen_random.py
Writes tests-java/src/test/resources/reference/random/random.json: a list of cases, each a
list of operations on one Random and the values they return (float.hex(), so the Java test
RandomDifferentialTest compares bit for bit). All cases run in this one process in order,
because MCellRan4's count of generators, its global low index and Random123's global
index are process-wide: the Java test replays them in the same order on shared state.

Operations (first element the name):
  new [seed [size]]        a new Random, current from here on
  MCellRan4 [seed [low]]   returns the seed
  Random123 [id1 [id2 [id3]]]
  globalindex [i]          Random123_globalindex
  mcell_ran4_init [low]    returns the previous low index
  seq [x]
  <distribution> params    uniform, discunif, normal, lognormal, poisson, binomial,
                           geometric, hypergeo, negexp, erlang, weibull: the first draw
  repick n                 n further draws
  setrand n [start end]    a Vector of n zeros filled by Vector.setrand: all n elements
  netstim_noise id1 id2 id3 seq   spike times of a noisy NetStim fed by noiseFromRandom
  play_iclamp steps        Random.play(IClamp.amp) on a passive soma: amp and v recorded at
                           finitialize and after each of the fixed steps
"""
import json
import pathlib

from neuron import h

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/random/random.json"
DRAWS = 1000

DISTRIBUTIONS = [
    ["uniform", -2.0, 5.0],
    ["discunif", -3, 7],
    ["normal", 1.5, 4.0],
    ["lognormal", 2.0, 0.5],
    ["poisson", 3.5],
    ["binomial", 20, 0.3],
    ["geometric", 0.7],
    ["hypergeo", 2.0, 5.0],
    ["negexp", 2.5],
    ["erlang", 3.0, 2.0],
    ["weibull", 1.5, 2.0],
]

GENERATORS = {
    "random123_ids": [["new"], ["Random123", 1, 2, 3]],
    "default_seed_7": [["new", 7]],
    "default_seed_size": [["new", 4294967301, 12]],
    "mcellran4_seed": [["new"], ["MCellRan4", 12345]],
    "mcellran4_seed_low": [["new"], ["MCellRan4", 12345, 678]],
    "mcellran4_auto_seed": [["new"], ["MCellRan4"]],
}


def cases():
    out = []
    for gen_name, gen_ops in GENERATORS.items():
        for dist in DISTRIBUTIONS:
            out.append((f"{gen_name}/{dist[0]}", gen_ops + [dist, ["repick", DRAWS - 1]]))
    out += [
        ("default_normal_then_seq", [["new"], ["repick", 5], ["seq"], ["seq", 10], ["repick", 4], ["seq"]]),
        ("random123_seq_fraction", [["new"], ["Random123", 9, 8, 7], ["seq", 4098.75], ["seq"],
                                    ["uniform", 0, 1], ["repick", 9], ["seq"]]),
        ("random123_globalindex", [["new"], ["Random123", 1, 2, 3], ["globalindex", 7],
                                   ["negexp", 1], ["repick", 20], ["globalindex", 0], ["globalindex"]]),
        ("mcell_reseed_by_seq", [["new"], ["MCellRan4", 99], ["uniform", 0, 1], ["repick", 9], ["seq"],
                                 ["seq", 99], ["repick", 10], ["seq", -1], ["repick", 3], ["seq"]]),
        ("mcell_global_lowindex", [["mcell_ran4_init", 31], ["new"], ["MCellRan4", 5], ["uniform", 0, 1],
                                   ["repick", 9], ["mcell_ran4_init", 0], ["repick", 10],
                                   ["mcell_ran4_init"], ["new"], ["MCellRan4"], ["negexp", 1], ["repick", 9]]),
        ("generator_switch_keeps_normal_cache", [["new"], ["Random123", 4, 5, 6], ["normal", 0, 1],
                                                 ["MCellRan4", 777], ["repick", 5], ["Random123", 4, 5, 6],
                                                 ["repick", 5]]),
        ("reseed_same_ids_restarts", [["new"], ["Random123", 3, 3, 3], ["poisson", 30], ["repick", 99],
                                      ["Random123", 3, 3, 3], ["repick", 100]]),
        ("edge_parameters", [["new", 11], ["uniform", 5, -5], ["discunif", 7, -3], ["repick", 20],
                             ["binomial", 0, 0.5], ["geometric", 0], ["geometric", 1e-9], ["poisson", 0],
                             ["erlang", 1, 10], ["repick", 10], ["weibull", 0.5, -1.0], ["repick", 3]]),
        ("setrand_whole_and_part", [["new", 3], ["normal", 0, 2], ["setrand", 500], ["uniform", 0, 1],
                                    ["setrand", 20, 5, 9]]),
        ("play_iclamp_amp", [["new"], ["Random123", 2, 4, 6], ["uniform", 0, 0.5], ["play_iclamp", 40]]),
        ("netstim_noise_from_random", [["netstim_noise", 5, 6, 7, 0]]),
        ("netstim_noise_from_random_seq", [["netstim_noise", 5, 6, 7, 4099]]),
    ]
    return out


def netstim_spikes(ids, seq):
    r = h.Random()
    r.Random123(*ids)
    r.seq(seq)
    ns = h.NetStim()
    ns.start = 1
    ns.noise = 1
    ns.interval = 2
    ns.number = 40
    ns.noiseFromRandom(r)
    spikes = h.Vector()
    nc = h.NetCon(ns, None)
    nc.record(spikes)
    h.finitialize(-65)
    h.continuerun(100)
    return list(spikes)


def played_iclamp(r, steps):
    soma = h.Section(name="soma")
    clamp = h.IClamp(soma(0.5))
    clamp.dur = 1e9
    r.play(clamp._ref_amp)
    amp = h.Vector().record(clamp._ref_amp)
    v = h.Vector().record(soma(0.5)._ref_v)
    h.finitialize(-65)
    for _ in range(steps):
        h.fadvance()
    return list(amp) + list(v)


def run(ops):
    r = None
    results = []
    for op in ops:
        name, args = op[0], op[1:]
        if name == "new":
            r = h.Random(*args)
        elif name == "MCellRan4":
            results.append(r.MCellRan4(*args))
        elif name == "Random123":
            results.append(r.Random123(*args))
        elif name == "globalindex":
            results.append(r.Random123_globalindex(*args))
        elif name == "mcell_ran4_init":
            results.append(h.mcell_ran4_init(*args))
        elif name == "seq":
            results.append(r.seq(*args))
        elif name == "repick":
            results += [r.repick() for _ in range(args[0])]
        elif name == "setrand":
            v = h.Vector(args[0])
            v.setrand(r, *args[1:])
            results += list(v)
        elif name == "play_iclamp":
            results += played_iclamp(r, args[0])
        elif name == "netstim_noise":
            results += netstim_spikes(args[:3], args[3])
        else:
            results.append(getattr(r, name)(*args))
    return results


def main():
    h.load_file("stdrun.hoc")
    data = [{"name": name, "ops": ops, "results": [float(x).hex() for x in run(ops)]} for name, ops in cases()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"neuron": h.nrnversion(), "cases": data}, indent=None, separators=(",", ":")) + "\n")
    print(f"{OUT}: {len(data)} cases, {sum(len(c['results']) for c in data)} values")


if __name__ == "__main__":
    main()
