package org.jpatch.core.mech.builtin;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.Cnexp;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.mech.ValueBlock;

/**
 * NEURON's IntFire1 ({@code src/nrnoc/intfire1.mod}): an artificial cell whose state m
 * decays with {@code tau} between input events, is raised by each event's weight, and
 * fires when it exceeds 1; it then ignores input for {@code refrac}. Integrated
 * analytically at events only.
 */
public final class IntFire1 extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after NetStim (18). */
    public static final int ORDER = 19;
    private static final int TAU = 0, REFRAC = 1, M = 2, T0 = 3, REFRACTORY = 4;

    public static final MechanismType TYPE = MechanismType.builder("IntFire1", MechanismKind.ARTIFICIAL, ORDER)
            .variable(RangeVariable.parameter("tau", "ms", 10.0))
            .variable(RangeVariable.parameter("refrac", "ms", 5.0))
            .variable(RangeVariable.assigned("m", "1"))
            .internal(RangeVariable.assigned("t0", "ms"))
            .internal(RangeVariable.assigned("refractory", "1"))
            .kernel(IntFire1::new)
            .build();

    private NetEvents events;
    private double[] tau;        // [ms]
    private double[] refrac;     // [ms]
    private double[] m;
    private double[] t0;         // [ms] time m was last brought up to date
    private double[] refractory; // 0 integrating input, 1 refractory

    @Override
    protected void bound() {
        tau = data.vars[TAU];
        refrac = data.vars[REFRAC];
        m = data.vars[M];
        t0 = data.vars[T0];
        refractory = data.vars[REFRACTORY];
    }

    @Override
    public int weightCount() {
        return 1;
    }

    @Override
    public void bindEvents(NetEvents netEvents) {
        events = netEvents;
    }

    @Override
    public void initialize() {
        double t = globals.t;
        for (int k = 0; k < data.count; k++) {
            m[k] = 0.0;
            t0[k] = t;
            refractory[k] = 0.0;
        }
    }

    @Override
    public void netReceive(int k, double[] weights, double flag, double t) {
        if (refractory[k] == 0.0) { // inputs are integrated only when excitable
            m[k] = m[k] * Math.exp(-(t - t0[k]) / tau[k]);
            t0[k] = t;
            m[k] = m[k] + weights[0];
            if (m[k] > 1.0) {
                refractory[k] = 1.0;
                m[k] = 2.0;
                events.netSend(TYPE, k, t + refrac[k], refractory[k], weights);
                events.netEvent(TYPE, k, t);
            }
        } else if (flag == 1.0) { // end of the refractory period
            t0[k] = t;
            refractory[k] = 0.0;
            m[k] = 0.0;
        }
    }

    /**
     * intfire1.mod's FUNCTION M() of {@code cell} at time {@code t} [ms]: m decayed since
     * the last event; 2 for the first 0.5 ms of the refractory period, -1 after.
     */
    public static double M(PointProcess cell, double t) {
        ValueBlock v = valuesOf(cell);
        if (v.get(REFRACTORY, 0) == 0.0) {
            return v.get(M, 0) * Math.exp(-(t - v.get(T0, 0)) / v.get(TAU, 0));
        }
        return t - v.get(T0, 0) < 0.5 ? 2.0 : -1.0;
    }

    private static ValueBlock valuesOf(PointProcess cell) {
        if (cell.type() != TYPE) {
            throw new InvalidValueException(cell.name() + " is not an IntFire1");
        }
        cell.checkAlive();
        return cell.values();
    }

    /** An artificial cell: no current, and its states change only at events (not per step). */
    @Override
    public void current(int from, int to) {}

    @Override
    public void state(int from, int to) {}
}
