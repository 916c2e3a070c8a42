"""Reference numbers for NEURON's Vector methods from real NEURON 9.0.2.

Run with the reference environment:
    .venv-ref/bin/python tools/reference/record/gen_vector_methods.py
Writes tests-java/src/test/resources/org/jpatch/core/record/vector_methods.json, read by
VectorMethodsReferenceTest (tests-java/src/test/java/org/jpatch/core/hoc/), which makes the
same calls through the engine's registry. Each case: a receiver Vector, a method, its
arguments (numbers, strings, or {"vector": [...]}); NEURON's result (a number, or a Vector's
values, or "self" when the method returns the receiver), the receiver's values afterwards, the
argument Vectors' values afterwards, or "error" when NEURON refuses the call. Numbers are
repr() of NEURON's doubles (JSON keeps all 17 digits).
"""
import json
import math
import pathlib

from neuron import h

OUT = (pathlib.Path(__file__).resolve().parents[3]
       / "tests-java/src/test/resources/org/jpatch/core/record/vector_methods.json")

DATA = [3.5, -1.0, 2.0, 8.25, 0.0, -4.5, 2.0, 2.0 + 5e-12, 1e-3, 7.125]
SPIKY = [-65, -60, -20, 10, 30, -10, -50, -64, -30, 5, 40, 20, -60, -65, -65, 0.5]
SMOOTH = [math.sin(0.3 * i) * (1 + 0.1 * i) for i in range(40)]
TIMES = [0.7, 1.3, 1.31, 2.9, 4.0, 4.0, 5.5, 7.25, 9.99, 10.0, 12.5, -1.0]


def vec(values):
    return {"vector": list(values)}


CASES = [
    # family, receiver, method, args
    # -- elements and copies
    ("elements", DATA, "c", []),
    ("elements", DATA, "c", [2]),
    ("elements", DATA, "c", [2, 5]),
    ("elements", DATA, "cl", [1, 3]),
    ("elements", DATA, "at", [4]),
    ("elements", DATA, "c", [12]),
    ("elements", DATA, "ind", [vec([0, 3, 3, 11, -1, 9, 2.7])]),
    ("elements", [0, 0, 0, 0], "index", [vec(DATA), vec([9, 0, -2, 4.9])]),
    ("elements", DATA, "index", [vec([1, 1, 0])]),
    ("elements", DATA, "sortindex", []),
    ("elements", [2, 1, 2, 0, 1], "sortindex", []),
    ("elements", DATA, "insrt", [0, -7]),
    ("elements", DATA, "insrt", [10, vec([1, 2]), 3]),
    ("elements", DATA, "insrt", [4, 1, vec([5, 6])]),
    ("elements", DATA, "insrt", [11, 1]),
    ("elements", DATA, "remove", [2]),
    ("elements", DATA, "remove", [2, 6]),
    ("elements", DATA, "remove", [9]),
    ("elements", DATA, "remove", [10]),
    ("elements", DATA, "remove", [4, 3]),
    ("elements", DATA, "get", [3]),
    ("elements", DATA, "set", [3, -2.5]),
    ("elements", DATA, "get", [10]),
    ("elements", [1, 2, 3], "append", [4, vec([5, 6]), 7]),
    ("elements", [9, 9, 9, 9, 9, 9], "copy", [vec([1, 2, 3])]),
    ("elements", [9, 9, 9, 9, 9, 9], "copy", [vec([1, 2, 3]), 2]),
    ("elements", [9, 9], "copy", [vec([1, 2, 3]), 4]),
    ("elements", [9, 9, 9, 9, 9, 9], "copy", [vec([1, 2, 3, 4, 5]), 1, 3]),
    ("elements", [9, 9, 9, 9, 9, 9], "copy", [vec([1, 2, 3, 4, 5]), 2, 1, -1]),
    ("elements", [9, 9, 9], "copy", [vec([1, 2, 3, 4, 5]), 1, 0, 4, 2, 2]),
    ("elements", [9, 9, 9, 9, 9], "copy", [vec([1, 2, 3, 4, 5]), vec([0, 4, 7])]),
    ("elements", [9, 9, 9, 9, 9], "copy", [vec([1, 2, 3, 4, 5]), vec([0, 4, 2]), vec([1, 1, 9])]),
    ("elements", [9, 9, 9], "copy", [vec([1, 2, 3]), 2, 1]),
    ("elements", DATA, "fill", [0.5, 2, 4]),
    ("elements", [0, 0, 0, 0], "indgen", [1.5, 0.25]),
    ("elements", [0], "indgen", [2, 3, 0.3]),
    ("elements", [1, 2], "resize", [5]),
    # -- statistics
    ("statistics", DATA, "sum", []),
    ("statistics", DATA, "sum", [2, 7]),
    ("statistics", DATA, "sumsq", []),
    ("statistics", DATA, "sumsq", [1, 3]),
    ("statistics", DATA, "mean", []),
    ("statistics", DATA, "mean", [2, 7]),
    ("statistics", DATA, "mean", [0, 9]),
    ("statistics", DATA, "var", []),
    ("statistics", DATA, "var", [1, 4]),
    ("statistics", DATA, "stdev", []),
    ("statistics", DATA, "stdev", [3, 8]),
    ("statistics", DATA, "stderr", []),
    ("statistics", DATA, "stderr", [0, 5]),
    ("statistics", [1.0], "var", []),
    ("statistics", [], "mean", []),
    ("statistics", DATA, "min", [3, 6]),
    ("statistics", DATA, "max_ind", [0, 4]),
    ("statistics", DATA, "min_ind", []),
    ("statistics", DATA, "median", []),
    ("statistics", DATA[:7], "median", []),
    ("statistics", [], "median", []),
    ("statistics", DATA, "dot", [vec(range(10))]),
    ("statistics", DATA, "mag", []),
    ("statistics", DATA, "meansqerr", [vec(range(10))]),
    ("statistics", DATA, "meansqerr", [vec(range(10)), vec([0.5] * 10)]),
    ("statistics", DATA, "meansqerr", [vec(range(3))]),
    ("statistics", DATA, "eq", [vec(DATA)]),
    ("statistics", [1, 2, 3], "eq", [vec([1, 2, 3 + 2e-11])]),
    ("statistics", [1, 2, 3], "eq", [vec([1, 2, 3 + 5e-12])]),
    ("statistics", [1, 2, 3], "eq", [vec([1, 2])]),
    ("statistics", DATA, "contains", [2.0]),
    ("statistics", DATA, "contains", [8.250000000001]),
    ("statistics", DATA, "contains", [8.2500001]),
    ("statistics", DATA, "scale", [-1, 1]),
    ("statistics", [2, 2, 2], "scale", [0, 1]),
    # -- arithmetic and element-wise functions
    ("functions", DATA, "pow", [2]),
    ("functions", DATA, "pow", [3]),
    ("functions", DATA, "pow", [0]),
    ("functions", DATA, "pow", [1]),
    ("functions", [4, 2.25, 0.0, 1e-6], "pow", [0.5]),
    ("functions", [4, 2.25, 0.5, 1e-6], "pow", [-1]),
    ("functions", [4, 2.25, 0.0, 1e-6], "pow", [-1]),
    ("functions", [0, 0, 0], "pow", [vec([1.5, 2, 3]), 2.5]),
    ("functions", [1, 1], "pow", [vec([1.5, 2, 4]), -1]),
    ("functions", DATA, "pow", [1.7]),
    ("functions", DATA, "abs", []),
    ("functions", [], "abs", [vec(DATA)]),
    ("functions", [4, 2.25, 0.0, 1e-6], "sqrt", []),
    ("functions", DATA, "floor", []),
    ("functions", [4, 2.25, 0.5, 1e-6], "log", []),
    ("functions", [4, 2.25, 0.5, 1e-6], "log10", []),
    ("functions", DATA, "tanh", []),
    ("functions", [0] * 8, "sin", [50, 0.25, 0.5]),
    ("functions", [0] * 8, "sin", [20, 1]),
    ("functions", DATA, "apply", ["sin"]),
    ("functions", DATA, "apply", ["exp", 2, 5]),
    ("functions", DATA, "apply", ["nosuchfunction"]),
    ("functions", DATA, "reduce", ["sin"]),
    ("functions", DATA, "reduce", ["exp", 1.5, 3, 6]),
    ("functions", DATA, "add", [vec(range(10))]),
    ("functions", DATA, "div", [0]),
    ("functions", DATA, "mul", [vec(range(3))]),
    # -- searches
    ("search", DATA, "indwhere", [">", 2.0]),
    ("search", DATA, "indwhere", ["==", 2.0]),
    ("search", DATA, "indwhere", ["!=", 3.5]),
    ("search", DATA, "indwhere", ["<", -4.5]),
    ("search", DATA, "indwhere", ["<=", -4.5]),
    ("search", DATA, "indwhere", [">=", 8.25]),
    ("search", DATA, "indwhere", ["()", 2.0, 8.25]),
    ("search", DATA, "indwhere", ["[]", 2.0, 8.25]),
    ("search", DATA, "indwhere", ["[)", 7.125, 8.25]),
    ("search", DATA, "indwhere", ["(]", 7.125, 8.25]),
    ("search", DATA, "indwhere", [">", 100]),
    ("search", DATA, "indwhere", ["~", 1]),
    ("search", [], "indvwhere", [vec(DATA), "==", 2.0]),
    ("search", DATA, "indvwhere", [">", 0]),
    ("search", DATA, "indvwhere", ["[]", -1, 2]),
    ("search", [], "where", [vec(DATA), "<", 2.5]),
    ("search", DATA, "where", ["!=", 2.0]),
    ("search", DATA, "where", ["(]", -1, 2]),
    ("search", [5, 5], "where", [vec(DATA), "()", 0, 3.5]),
    # -- reshaping
    ("reshaping", DATA, "sort", []),
    ("reshaping", DATA, "reverse", []),
    ("reshaping", DATA, "rotate", [3]),
    ("reshaping", DATA, "rotate", [-3]),
    ("reshaping", DATA, "rotate", [13]),
    ("reshaping", DATA, "rotate", [-23]),
    ("reshaping", DATA, "rotate", [10]),
    ("reshaping", DATA, "rotate", [3, 0]),
    ("reshaping", DATA, "rotate", [-4, 0]),
    ("reshaping", DATA, "rotate", [0]),
    # -- calculus
    ("calculus", DATA, "deriv", []),
    ("calculus", DATA, "deriv", [0.5]),
    ("calculus", DATA, "deriv", [0.25, 1]),
    ("calculus", [], "deriv", [vec(SMOOTH), 0.1, 2]),
    ("calculus", [1.0], "deriv", []),
    ("calculus", DATA, "integral", []),
    ("calculus", DATA, "integral", [0.1]),
    ("calculus", [], "integral", [vec(SMOOTH), 0.025]),
    ("calculus", [], "interpolate", [vec([-1, 0, 0.1, 0.35, 0.5, 1.0, 1.7, 2.5]), vec([0, 0.5, 0.5, 1, 2]),
                                     vec([10, 20, 30, 15, -5])]),
    ("calculus", [10, 20, 30], "interpolate", [vec([0.25, 0.75, 1.5, 3]), vec([0, 1, 2])]),
    # -- histograms
    ("histograms", TIMES, "histogram", [0, 10, 2.5]),
    ("histograms", TIMES, "histogram", [1, 7, 0.5]),
    ("histograms", [], "hist", [vec(TIMES), 0, 5, 2]),
    ("histograms", [3, 3], "hist", [vec(TIMES), 1.3, 8, 1.5]),
    ("histograms", TIMES, "sumgauss", [0, 10, 0.5, 1.5]),
    ("histograms", TIMES, "sumgauss", [-2, 12, 0.25, 0.3, vec([0.5 + 0.1 * i for i in range(len(TIMES))])]),
    ("histograms", [], "smhist", [vec(TIMES), 0, 20, 0.5, 1.0]),
    ("histograms", [], "smhist", [vec(TIMES), -1, 30, 0.5, 0.2, vec([0.5 + 0.1 * i for i in range(len(TIMES))])]),
    ("histograms", [], "smhist", [vec(TIMES), 0, 7, 2, 9.0]),
    ("histograms", [], "spikebin", [vec(SPIKY), -20]),
    ("histograms", [7, 7], "spikebin", [vec(SPIKY), 0, 3]),
    ("histograms", [], "spikebin", [vec(SPIKY), 0, 4]),
]


def encode_arg(a):
    return h.Vector(a["vector"]) if isinstance(a, dict) else a


def run(case):
    family, receiver, method, args = case
    v = h.Vector(receiver)
    hoc_args = [encode_arg(a) for a in args]
    out = {"family": family, "receiver": list(receiver), "method": method, "args": args}
    try:
        result = getattr(v, method)(*hoc_args)
    except Exception:
        out["error"] = True
        out["after"] = list(v)
        return out
    if isinstance(result, type(v)) or type(result).__name__ == "HocObject":
        out["result"] = "self" if result.same(v) else {"vector": list(result)}
    elif isinstance(result, bool):
        out["result"] = result
    elif isinstance(result, str):
        out["result"] = result
    else:
        out["result"] = float(result)
    out["after"] = list(v)
    out["args_after"] = [list(a) if isinstance(a, type(v)) else None for a in hoc_args]
    return out


def main():
    cases = [run(c) for c in CASES]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"neuron_version": h.nrnversion(), "cases": cases}, indent=0) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
