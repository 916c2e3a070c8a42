package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's AlphaSynapse ({@code src/nrnoc/syn.mod}): g = gmax·x·exp(1 - x) with
 * x = (t - onset)/tau for 0 <= x <= 10, else 0; i = g·(v - e), a membrane current.
 */
public final class AlphaSynapse extends MechanismKernel {
    /** NEURON's type index: after IClamp (7). */
    public static final int ORDER = 8;
    private static final int ONSET = 0, TAU = 1, GMAX = 2, E = 3, I = 4;

    public static final MechanismType TYPE = MechanismType.builder("AlphaSynapse", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("onset", "ms", 0.0))
            .variable(RangeVariable.parameter("tau", "ms", 0.1))
            .variable(RangeVariable.parameter("gmax", "uS", 0.0))
            .variable(RangeVariable.parameter("e", "mV", 0.0))
            .variable(RangeVariable.assigned("i", "nA"))
            .kernel(AlphaSynapse::new)
            .build();

    private double[] onset; // [ms]
    private double[] tau;   // [ms]
    private double[] gmax;  // [µS]
    private double[] e;     // [mV]
    private double[] i;     // [nA]

    @Override
    protected void bound() {
        onset = data.vars[ONSET];
        tau = data.vars[TAU];
        gmax = data.vars[GMAX];
        e = data.vars[E];
        i = data.vars[I];
    }

    @Override
    public void current() {
        double t = globals.t;
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            int n = node[k];
            double vk = v[n];
            double g = gmax[k] * alpha((t - onset[k]) / tau[k]); // [µS]
            double iShifted = g * (vk + 0.001 - e[k]);
            double current = g * (vk - e[k]);
            i[k] = current;
            nodes.addPointCurrent(n, current, iShifted);
        }
    }

    private static double alpha(double x) {
        if (x < 0.0 || x > 10.0) {
            return 0.0;
        }
        return x * Math.exp(1.0 - x);
    }
}
