"""Correctly rounded log, exp and pow, the expectations of RoundedMathTest.

Run with the reference environment (it has mpmath):
    .venv-ref/bin/python tools/reference/random/gen_rounded_math.py
Writes tests-java/src/test/resources/reference/random/rounded_math.json. Each value is
mpmath's at 300 bits rounded once to a double, with glibc's (this Python's math module)
beside it, so the file also records where glibc's rounding differs from the exact one.
"""
import json
import math
import pathlib
import random

import mpmath

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests-java/src/test/resources/reference/random/rounded_math.json"
mpmath.mp.prec = 300


def nearest(x):
    """The double nearest the mpmath value x: rounded once to 53 bits (to nearest), then exact."""
    with mpmath.workprec(53):
        return float(+x)


def main():
    rng = random.Random(20261208)
    cases = {"log": [], "exp": [], "pow": []}
    log_args = [(rng.getrandbits(32) + 1.0) / 4294967297.0 for _ in range(3000)]
    log_args += [rng.uniform(0, 1e6) for _ in range(500)] + [2.0 ** rng.uniform(-1070, 1020) for _ in range(500)]
    log_args += [5e-324, 2.2250738585072014e-308, 1.0 - 2**-53, 1.0 + 2**-52, float.fromhex("0x1.805047d87fafcp-1")]
    for x in log_args:
        cases["log"].append([x.hex(), nearest(mpmath.log(x)).hex(), math.log(x).hex()])
    for _ in range(3000):
        x = rng.uniform(-30, 30)
        cases["exp"].append([x.hex(), nearest(mpmath.exp(x)).hex(), math.exp(x).hex()])
    for x in [-700.0, 700.0, 709.7, -708.3, 1e-300, -1e-300]:
        cases["exp"].append([x.hex(), nearest(mpmath.exp(x)).hex(), math.exp(x).hex()])
    for _ in range(3000):
        base = math.e if rng.random() < 0.5 else rng.uniform(0, 20)
        y = rng.uniform(-10, 10)
        cases["pow"].append([base.hex(), y.hex(), nearest(mpmath.power(base, y)).hex(), math.pow(base, y).hex()])
    for base, y in [(-2.0, 3.0), (-2.0, -3.0), (-8.0, 2.0), (10.0, 300.0), (0.5, 1074.0)]:
        cases["pow"].append([base.hex(), y.hex(), nearest(mpmath.power(base, y)).hex(), math.pow(base, y).hex()])
    OUT.write_text(json.dumps(cases, separators=(",", ":")) + "\n")
    for name, rows in cases.items():
        differ = sum(1 for row in rows if row[-1] != row[-2])
        print(f"{name}: {len(rows)} values, glibc differs from the exact rounding in {differ}")


if __name__ == "__main__":
    main()
