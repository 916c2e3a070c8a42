"""NEURON's ``neuron.units``: unit constants relative to NEURON's own units (ms, mV, µm, mM),
with NEURON's types (the base units and the lengths are ints there too)."""

# time (NEURON's unit: ms)
ms = 1
s = sec = 1e3
us = μs = 1e-3
minute = 60e3
hour = 3600e3
day = 24 * hour

# voltage (mV)
mV = 1
V = 1e3
uV = μV = 1e-3

# length (µm)
um = μm = 1
nm = 1e-3
mm = 1000
cm = 10000
m = 1000000

# concentration (mM)
mM = 1
M = 1e3
uM = μM = 1e-3
nM = 1e-6
