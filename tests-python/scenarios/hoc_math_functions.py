"""hoc's built-in math (h.sin, h.exp, h.erf, h.int, ...) and its constants, at points where
rounding and domain edges matter."""

import math

from neuron import h

points = [-2.5, -1.0, -0.3, 0.0, 1e-12, 0.5, 1.0, 2.0, 7.25, 30.0]
for name in ["sin", "cos", "atan", "exp", "tanh", "erf", "erfc", "int", "abs"]:
    fn = getattr(h, name)
    print(name, [fn(x) for x in points])
for name in ["log", "log10", "sqrt"]:
    fn = getattr(h, name)
    print(name, [fn(x) for x in points if x > 0])
print("atan2", [h.atan2(y, x) for y in (-1.0, 0.0, 2.0) for x in (-3.0, 0.5)])
print("constants", h.PI, h.E, h.GAMMA, h.DEG, h.PHI, h.FARADAY, h.R, h.Avogadro_constant)
print("python agrees", h.sin(1.0) == math.sin(1.0), h.exp(2.0) == math.exp(2.0))
