package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's Exp2Syn ({@code src/nrnoc/exp2syn.mod}): g = B - A, a difference of two
 * exponentials (rise tau1, decay tau2) normalised so one weight unit peaks at 1 µS.
 */
public final class Exp2Syn extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after ExpSyn (9). */
    public static final int ORDER = 10;
    private static final int TAU1 = 0, TAU2 = 1, E = 2, I = 3, G = 4, FACTOR = 5, A = 6, B = 7;

    public static final MechanismType TYPE = MechanismType.builder("Exp2Syn", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("tau1", "ms", 0.1))
            .variable(RangeVariable.parameter("tau2", "ms", 10.0))
            .variable(RangeVariable.parameter("e", "mV", 0.0))
            .variable(RangeVariable.assigned("i", "nA"))
            .variable(RangeVariable.assigned("g", "uS"))
            .variable(RangeVariable.assigned("factor", "1"))
            .variable(RangeVariable.state("A", "uS"))
            .variable(RangeVariable.state("B", "uS"))
            .kernel(Exp2Syn::new)
            .build();

    private double[] tau1; // [ms]
    private double[] tau2; // [ms]
    private double[] e;    // [mV]
    private double[] i;    // [nA]
    private double[] g;    // [µS]
    private double[] factor;
    private double[] a;    // [µS]
    private double[] b;    // [µS]

    @Override
    protected void bound() {
        tau1 = data.vars[TAU1];
        tau2 = data.vars[TAU2];
        e = data.vars[E];
        i = data.vars[I];
        g = data.vars[G];
        factor = data.vars[FACTOR];
        a = data.vars[A];
        b = data.vars[B];
    }

    @Override
    public void initialize() {
        for (int k = 0; k < data.count; k++) {
            // as exp2syn.mod: keep tau1 strictly below tau2 so the peak time exists
            if (tau1[k] / tau2[k] > 0.9999) {
                tau1[k] = 0.9999 * tau2[k];
            }
            if (tau1[k] / tau2[k] < 1e-9) {
                tau1[k] = tau2[k] * 1e-9;
            }
            a[k] = 0.0;
            b[k] = 0.0;
            double tPeak = (tau1[k] * tau2[k]) / (tau2[k] - tau1[k]) * Math.log(tau2[k] / tau1[k]); // [ms]
            double f = -Math.exp(-tPeak / tau1[k]) + Math.exp(-tPeak / tau2[k]);
            factor[k] = 1.0 / f;
        }
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    /** Instances are sorted by node, so synapses sharing a node fall in the same range. */
    @Override
    public void current(int from, int to) {
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = from; k < to; k++) {
            int n = node[k];
            double vk = v[n];
            double gk = b[k] - a[k];
            double gLocal = gk * (vk + 0.001 - e[k]);
            double current = gk * (vk - e[k]);
            g[k] = gk;
            i[k] = current;
            nodes.addPointCurrent(n, current, gLocal);
        }
    }

    @Override
    public void state() {
        state(0, data.count);
    }

    @Override
    public void state(int from, int to) {
        double dt = globals.dt;
        for (int k = from; k < to; k++) {
            a[k] = a[k] + (1.0 - Math.exp(dt * ((-1.0) / tau1[k]))) * (-(0.0) - a[k]);
            b[k] = b[k] + (1.0 - Math.exp(dt * ((-1.0) / tau2[k]))) * (-(0.0) - b[k]);
        }
    }

    @Override
    public int weightCount() {
        return 1;
    }

    @Override
    public void bindEvents(NetEvents events) {
        // Exp2Syn sends no events
    }

    private static final int[] ODE_STATES = {A, B};

    @Override
    protected int[] odeStateColumns() {
        return ODE_STATES;
    }

    /** exp2syn.mod's ode_spec: DA = -A/tau1, DB = -B/tau2. */
    @Override
    public void odeSpec(double[] ydot, int offset) {
        for (int k = 0; k < data.count; k++) {
            ydot[offset + 2 * k] = -a[k] / tau1[k];
            ydot[offset + 2 * k + 1] = -b[k] / tau2[k];
        }
    }

    /** exp2syn.mod's ode_matsol: DA /= 1 - γ·(-1/tau1), DB /= 1 - γ·(-1/tau2). */
    @Override
    public void odeMatsol(double[] rhs, int offset, double gamma) {
        for (int k = 0; k < data.count; k++) {
            rhs[offset + 2 * k] = rhs[offset + 2 * k] / (1. - gamma * ((-1.0) / tau1[k]));
            rhs[offset + 2 * k + 1] = rhs[offset + 2 * k + 1] / (1. - gamma * ((-1.0) / tau2[k]));
        }
    }

    @Override
    public void netReceive(int instance, double[] weights, double flag, double tEvent) {
        a[instance] = a[instance] + weights[0] * factor[instance];
        b[instance] = b[instance] + weights[0] * factor[instance];
    }
}
