package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;

/**
 * eion.cpp's ion mechanism: each step it zeroes the summed current and its dI/dv before
 * the channels that write them (which come later in type order) accumulate into them.
 * Reversal potentials are left as set: NEURON recomputes them (Nernst) only when some
 * mechanism writes the concentrations, which no built-in does.
 */
final class IonKernel extends MechanismKernel {
    private static final int CUR = 3, DCURDV = 4;

    @Override
    public void current() {
        java.util.Arrays.fill(data.vars[CUR], 0, data.count, 0.0);
        java.util.Arrays.fill(data.vars[DCURDV], 0, data.count, 0.0);
    }
}
