"""Build an hh cell with Patch's API, run it, print its spike times, plot v(t).

Usage: python examples/demo.py [output.png]
"""

import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from patch import p  # noqa: E402


def build_cell():
    soma = p.Section(name="soma")
    soma.set_dimensions(length=18.8, diameter=18.8)
    soma.insert("hh")
    dend = p.Section(name="dend")
    dend.set_dimensions(length=200, diameter=1.5)
    dend.set_segments(9)
    dend.insert("pas")
    dend.g_pas = 0.0002
    dend.e_pas = -65
    dend.connect(soma)
    return soma, dend


def spike_times(t, v, threshold=0.0):
    """Times where v crosses ``threshold`` upwards."""
    above = v >= threshold
    return t[1:][above[1:] & ~above[:-1]]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "jpatch-demo.png")
    # Patch starts at 32 °C, where the squid-axon hh channels barely fire: use the
    # temperature the model was fitted at.
    p.celsius = 6.3
    soma, dend = build_cell()
    soma.iclamp(amplitude=0.2, delay=5, duration=40)
    time, v_soma, v_dend = p.time, soma.record(), dend.record(1.0)
    p.run(60, v_init=-65)

    t, vs, vd = np.asarray(time), np.asarray(v_soma), np.asarray(v_dend)
    spikes = spike_times(t, vs)
    print("spike times (ms):", ", ".join(f"{s:.3f}" for s in spikes))

    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot(t, vs, label="soma(0.5)")
    ax.plot(t, vd, label="dend(1)")
    ax.set_xlabel("t (ms)")
    ax.set_ylabel("v (mV)")
    ax.set_title(f"hh soma, 0.2 nA for 40 ms at {p.celsius:g} °C: {len(spikes)} spikes")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    print("plot written to", out)


if __name__ == "__main__":
    main()
