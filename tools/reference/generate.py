"""Regenerates every reference file from real NEURON (see README.md).

    .venv-ref/bin/python tools/reference/generate.py [--nrntest-json PATH] [NAME ...]

Each scenario runs in its own NEURON process so none inherits another's sections,
played vectors or hh table.
"""

import argparse
import json
import math
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = REPO / "tests-java" / "src" / "test" / "resources" / "reference"
MAX_FILE_BYTES = 2_000_000
# NEURON's own tolerance for t13 fixed-step voltages against its published data.
T13_RELATIVE_TOLERANCE = 1e-10

sys.path.insert(0, str(HERE))
import scenarios  # noqa: E402


def run_one(name, out_dir):
    """Child process: build and run one scenario in NEURON, write its JSON file."""
    import neuron_runner
    from neuron import h

    description, operations = scenarios.all_scenarios()[name]
    model, traces = neuron_runner.build_and_run(operations)
    lengths = {label: len(values) for label, values in traces.items()}
    if len(set(lengths.values())) != 1:
        raise RuntimeError(f"{name}: traces of unequal length {lengths}")
    document = {
        "scenario": name,
        "description": description,
        "neuron_version": h.nrnversion(),
        "operations": operations,
        "samples": next(iter(lengths.values())),
        "traces": traces,
        "geometry": neuron_runner.geometry(model),
    }
    path = out_dir / f"{name}.json"
    path.write_text(json.dumps(document))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RuntimeError(f"{path} is {size} bytes, above {MAX_FILE_BYTES}: shorten the run")


def check_t13_against_published(out_dir, published_path):
    """Our t13 traces must equal NEURON's published test_nrntest_fast.json ("t13:fixed")."""
    ours = json.loads((out_dir / "nrntest_fast_t13.json").read_text())["traces"]
    published = json.loads(pathlib.Path(published_path).read_text())["t13:fixed"]
    worst = 0.0
    for cell in range(3):
        ref = published[f"Cell[{cell}]"]
        for field, label in (("t", "t"), ("v", f"cell{cell}_soma(0.5).v")):
            mine = ours[label]
            if len(mine) != len(ref[field]):
                raise RuntimeError(f"t13 Cell[{cell}].{field}: {len(mine)} samples, published {len(ref[field])}")
            for i, (a, b) in enumerate(zip(mine, ref[field])):
                if a == b:
                    continue
                rel = abs(a - b) / max(abs(a), abs(b))
                worst = max(worst, rel)
                if not math.isclose(a, b, rel_tol=T13_RELATIVE_TOLERANCE):
                    raise RuntimeError(f"t13 Cell[{cell}].{field}[{i}]: {a!r} vs published {b!r}")
    print(f"t13 equals NEURON's published traces (max relative difference {worst:.3g})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="scenarios to regenerate (default: all)")
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--nrntest-json",
        help="NEURON's test/pytest_coreneuron/test_nrntest_fast.json, to check the t13 scenario against",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        run_one(args.child, args.out)
        return
    known = scenarios.all_scenarios()
    names = args.names or list(known)
    for name in names:
        if name not in known:
            parser.error(f"unknown scenario {name!r}; known: {', '.join(known)}")
        subprocess.run(
            [sys.executable, __file__, "--child", name, "--out", str(args.out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"wrote {args.out / (name + '.json')}")
    if args.nrntest_json and "nrntest_fast_t13" in names:
        check_t13_against_published(args.out, args.nrntest_json)


if __name__ == "__main__":
    main()
