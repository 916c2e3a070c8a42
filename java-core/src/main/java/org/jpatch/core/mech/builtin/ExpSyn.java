package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's ExpSyn ({@code src/nrnoc/expsyn.mod}): a conductance that jumps by the NetCon
 * weight and decays with {@code tau}; i = g·(v - e), a membrane (nonspecific) current.
 */
public final class ExpSyn extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after IClamp (7) and AlphaSynapse (8). */
    public static final int ORDER = 9;
    private static final int TAU = 0, E = 1, I = 2, G = 3;

    public static final MechanismType TYPE = MechanismType.builder("ExpSyn", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("tau", "ms", 0.1))
            .variable(RangeVariable.parameter("e", "mV", 0.0))
            .variable(RangeVariable.assigned("i", "nA"))
            .variable(RangeVariable.state("g", "uS"))
            .kernel(ExpSyn::new)
            .build();

    private double[] tau; // [ms]
    private double[] e;   // [mV]
    private double[] i;   // [nA]
    private double[] g;   // [µS]

    @Override
    protected void bound() {
        tau = data.vars[TAU];
        e = data.vars[E];
        i = data.vars[I];
        g = data.vars[G];
    }

    @Override
    public void initialize() {
        for (int k = 0; k < data.count; k++) {
            g[k] = 0.0;
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
            double gLocal = g[k] * (vk + 0.001 - e[k]);
            double current = g[k] * (vk - e[k]);
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
            g[k] = g[k] + (1.0 - Math.exp(dt * ((-1.0) / tau[k]))) * (-(0.0) - g[k]);
        }
    }

    private static final int[] ODE_STATES = {G};

    @Override
    protected int[] odeStateColumns() {
        return ODE_STATES;
    }

    /** expsyn.mod's ode_spec: Dg = -g/tau. */
    @Override
    public void odeSpec(double[] ydot, int offset) {
        for (int k = 0; k < data.count; k++) {
            ydot[offset + k] = -g[k] / tau[k];
        }
    }

    /** expsyn.mod's ode_matsol: Dg /= 1 - γ·(-1/tau). */
    @Override
    public void odeMatsol(double[] b, int offset, double gamma) {
        for (int k = 0; k < data.count; k++) {
            b[offset + k] = b[offset + k] / (1. - gamma * ((-1.0) / tau[k]));
        }
    }

    @Override
    public int weightCount() {
        return 1;
    }

    @Override
    public void bindEvents(NetEvents events) {
        // ExpSyn sends no events
    }

    @Override
    public void netReceive(int instance, double[] weights, double flag, double tEvent) {
        g[instance] = g[instance] + weights[0];
    }
}
