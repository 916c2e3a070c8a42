package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/** passive.mod: i = g·(v - e), a NONSPECIFIC_CURRENT. */
final class PassiveKernel extends MechanismKernel implements RangeKernel {
    private static final int G = 0, E = 1, I = 2;
    private double[] g, e, i;  // [S/cm²], [mV], [mA/cm²]
    private int[] node;

    @Override
    protected void bound() {
        g = data.vars[G];
        e = data.vars[E];
        i = data.vars[I];
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
            double vk = v[nd];
            double gk = g[k], ek = e[k];
            double iPlus = gk * (vk + .001 - ek);
            double iNow = gk * (vk - ek);
            i[k] = iNow;
            rhs[nd] -= iNow;
            d[nd] += (iPlus - iNow) / .001;
        }
    }

    /** passive.mod has no states. */
    @Override
    public void state(int from, int to) {}
}
