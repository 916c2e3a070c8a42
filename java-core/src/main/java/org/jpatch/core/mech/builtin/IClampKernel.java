package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/** stim.mod: i = amp while del <= t < del + dur, an ELECTRODE_CURRENT in nA. */
final class IClampKernel extends MechanismKernel implements RangeKernel {
    private static final int DEL = 0, DUR = 1, AMP = 2, I = 3;
    private double[] del, dur, amp, i;  // [ms], [ms], [nA], [nA]
    private int[] node;

    @Override
    protected void bound() {
        del = data.vars[DEL];
        dur = data.vars[DUR];
        amp = data.vars[AMP];
        i = data.vars[I];
        node = data.node;
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    /** Instances are sorted by node, so clamps sharing a node fall in the same range. */
    @Override
    public void current(int from, int to) {
        double t = globals.t;
        double[] rhs = nodes.rhs, area = nodes.area;
        for (int k = from; k < to; k++) {
            int nd = node[k];
            double iNow = (t < del[k] + dur[k] && t >= del[k]) ? amp[k] : 0.0;
            i[k] = iNow;
            // nA on a node of area µm² -> mA/cm². The current does not depend on v, so
            // its conductance (NEURON's difference quotient) is 0 and d is untouched.
            rhs[nd] += iNow * (1.e2 / area[nd]);
        }
    }

    /** stim.mod's at_time(del) and at_time(del + dur), in that order per instance. */
    @Override
    public void atTimes(java.util.function.DoubleConsumer sink) {
        for (int k = 0; k < data.count; k++) {
            sink.accept(del[k]);
            sink.accept(del[k] + dur[k]);
        }
    }

    /** stim.mod has no states. */
    @Override
    public void state(int from, int to) {}
}
