package org.jpatch.core.mech;

/** The scalar globals every kernel may read: NEURON's t, dt, celsius and secondorder. */
public final class GlobalState {
    public double t;                 // [ms]
    public double dt = 0.025;        // [ms]
    public double celsius = 6.3;     // [°C]
    public int secondorder;          // 0: backward Euler; 1, 2: Crank–Nicolson (2 also corrects ion currents)
}
