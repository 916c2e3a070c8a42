package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/**
 * NEURON's fastpas ({@code src/nrnoc/passive0.cpp}): the passive current g·(v - e) written
 * in C, without pas's current variable; its conductance enters the matrix as g itself,
 * not as pas's 0.001 mV difference quotient.
 */
final class FastPassiveKernel extends MechanismKernel implements RangeKernel {
    private static final int G = 0, E = 1;
    private double[] g, e;  // [S/cm²], [mV]
    private int[] node;

    @Override
    protected void bound() {
        g = data.vars[G];
        e = data.vars[E];
        node = data.node;
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    @Override
    public void current(int from, int to) {
        double[] v = nodes.v, rhs = nodes.rhs, d = nodes.d;
        for (int k = from; k < to; k++) {
            int nd = node[k];
            rhs[nd] -= g[k] * (v[nd] - e[k]);
            d[nd] += g[k];
        }
    }

    /** fastpas has no states. */
    @Override
    public void state(int from, int to) {}
}
