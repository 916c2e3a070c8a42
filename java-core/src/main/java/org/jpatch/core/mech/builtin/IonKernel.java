package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/**
 * eion.cpp's ion mechanism: each step it zeroes the summed current and its dI/dv before
 * the channels that write them (which come later in type order) accumulate into them.
 * Reversal potentials are left as set: NEURON recomputes them (Nernst) only when some
 * mechanism writes the concentrations, which no built-in does.
 */
final class IonKernel extends MechanismKernel implements RangeKernel {
    private static final int CUR = 3, DCURDV = 4;

    @Override
    public void current() {
        current(0, data.count);
    }

    @Override
    public void current(int from, int to) {
        java.util.Arrays.fill(data.vars[CUR], from, to, 0.0);
        java.util.Arrays.fill(data.vars[DCURDV], from, to, 0.0);
    }

    /** Concentrations are not integrated by the ion itself. */
    @Override
    public void state(int from, int to) {}
}
