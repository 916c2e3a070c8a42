"""Saving a scenario's traces: the one helper both interpreters import (numpy only)."""

import sys

import numpy as np


def save(**traces):
    """Writes every trace (a Vector or a sequence) as float64 to the .npz named by argv[1]."""
    np.savez(sys.argv[1], **{name: np.array(list(values), dtype=float) for name, values in traces.items()})


def set_globals(p, celsius, dt=0.025, secondorder=0, usetable_hh=1, tstop=20.0):
    # Every global the run depends on, so no default of either simulator hides a difference.
    p.celsius = celsius
    p.dt = dt
    p.steps_per_ms = 1.0 / dt
    p.secondorder = secondorder
    p.usetable_hh = usetable_hh
    p.tstop = tstop
