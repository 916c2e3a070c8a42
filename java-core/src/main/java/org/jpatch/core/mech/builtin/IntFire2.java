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
 * NEURON's IntFire2 ({@code src/nrnoc/intfire2.mod}): an artificial cell integrating a
 * synaptic current i (taus·di/dt + i = ib, raised by each event's weight) with a leaky
 * membrane m (taum·dm/dt + m = i); it fires when m reaches 1, then m = 0. The firing time
 * is found by intfire2.mod's Newton iteration and the pending self-event moved to it.
 */
public final class IntFire2 extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after IntFire1 (19). */
    public static final int ORDER = 20;
    /** firetime's answer when m never reaches 1 [ms]. */
    private static final double NEVER = 1e9;
    private static final int TAUS = 0, TAUM = 1, IB = 2, I = 3, M = 4, T0 = 5;

    public static final MechanismType TYPE = MechanismType.builder("IntFire2", MechanismKind.ARTIFICIAL, ORDER)
            .variable(RangeVariable.parameter("taus", "ms", 20.0))
            .variable(RangeVariable.parameter("taum", "ms", 10.0))
            .variable(RangeVariable.parameter("ib", "1", 0.0))
            .variable(RangeVariable.assigned("i", "1"))
            .variable(RangeVariable.assigned("m", "1"))
            .internal(RangeVariable.assigned("t0", "ms"))
            .kernel(IntFire2::new)
            .build();

    private NetEvents events;
    private double[] taus, taum; // [ms]
    private double[] ib, i, m;
    private double[] t0;         // [ms] time i and m were last brought up to date

    @Override
    protected void bound() {
        taus = data.vars[TAUS];
        taum = data.vars[TAUM];
        ib = data.vars[IB];
        i = data.vars[I];
        m = data.vars[M];
        t0 = data.vars[T0];
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
        if (events == null) {
            return; // no event system attached: nothing could observe this cell's spikes
        }
        double t = globals.t;
        for (int k = 0; k < data.count; k++) {
            i[k] = ib[k];
            m[k] = 0.0;
            if (taus[k] <= taum[k]) {
                taus[k] = taum[k] + .1;
            }
            t0[k] = t;
            events.netSend(TYPE, k, t + firetime(ib[k], 0.0, 0.0, taum[k], taus[k]), 1.0, null);
        }
    }

    @Override
    public void netReceive(int k, double[] weights, double flag, double t) {
        double f = taus[k] / (taus[k] - taum[k]);
        double x = (i[k] - ib[k]) * Math.exp(-(t - t0[k]) / taus[k]);
        double inew = ib[k] + x;
        if (flag == 1.0) { // time to fire
            events.netEvent(TYPE, k, t);
            m[k] = 0.0;
            double ibf = (inew - ib[k]) * f;
            events.netSend(TYPE, k, t + firetime(ib[k], ibf, 0.0, taum[k], taus[k]), 1.0, weights);
        } else {
            m[k] = ib[k] + f * x + (m[k] - (ib[k] + (i[k] - ib[k]) * f)) * Math.exp(-(t - t0[k]) / taum[k]);
            inew = inew + weights[0];
            if (m[k] >= 1.0) {
                events.netMove(TYPE, k, t); // the time to fire is now
            } else {
                double ibf = (inew - ib[k]) * f;
                events.netMove(TYPE, k, firetime(ib[k], ibf, m[k], taum[k], taus[k]) + t);
            }
        }
        t0[k] = t;
        i[k] = inew;
    }

    /**
     * intfire2.mod's firetime(a, b, c) [ms]: the first time m reaches 1 on
     * m(t) = a + b·exp(-t/taus) + (c - a - b)·exp(-t/taum), or 1e9 when it never does.
     */
    static double firetime(double a, double b, double c, double taum, double taus) {
        double r = taum / taus;
        if (a <= 1 && a + b <= 1) {
            return NEVER;
        }
        if (a > 1 && b <= 0) {
            // one solution in the domain, since a > 1
            double cab = c - a - b;
            double slope = r * b + cab; // at x = 1
            if (slope >= 0) {
                return -taus * Math.log(newton1(a, cab, b, 1 / r, 0));
            }
            double x = (1 - c + slope) / slope; // intercept at f = 1; the value at x = 1 is c
            if (x <= 0) {
                return -taus * Math.log(newton1(a, cab, b, 1 / r, 0));
            }
            return -taum * Math.log(newton1(a, b, cab, r, x));
        }
        // Newton from x = 1 converges to the solution if there is one; there is none when
        // the maximum (which may lie at x > 1) stays at or below 1.
        double cab = c - a - b;
        double x = Math.pow(-cab / (r * b), 1 / (r - 1));
        double f = a + b * Math.pow(x, r) + cab * x;
        if (x >= 1 || f <= 1) {
            return NEVER;
        }
        double slope = r * b + cab;
        x = (1 - c + slope) / slope;
        return -taum * Math.log(newton1(a, b, cab, r, x));
    }

    /** intfire2.mod's newton1: solves 1 = a + b·x^r + c·x from x, staying in 0 < x <= 1. */
    static double newton1(double a, double b, double c, double r, double x) {
        double dx = 1;
        double f = 0;
        int iter = 0;
        while (Math.abs(dx) > 1e-6 || Math.abs(f - 1) > 1e-6) {
            f = a + b * Math.pow(x, r) + c * x;
            double df = r * b * Math.pow(x, r - 1) + c;
            dx = (1 - f) / df;
            x = x + dx;
            if (x <= 0) {
                x = 1e-4;
            } else if (x > 1) {
                x = 1;
            }
            iter = iter + 1;
            if (iter > 10) { // NEURON prints the stuck iteration and gives up at this x
                f = 1;
                dx = 0;
            }
        }
        return x;
    }

    /** intfire2.mod's FUNCTION M() of {@code cell} at time {@code t} [ms]: the membrane state. */
    public static double M(PointProcess cell, double t) {
        ValueBlock v = valuesOf(cell);
        double taus = v.get(TAUS, 0), taum = v.get(TAUM, 0), ib = v.get(IB, 0), i = v.get(I, 0);
        double since = t - v.get(T0, 0);
        double f = taus / (taus - taum);
        double x = (i - ib) * Math.exp(-since / taus);
        return ib + f * x + (v.get(M, 0) - (ib + (i - ib) * f)) * Math.exp(-since / taum);
    }

    /** intfire2.mod's FUNCTION I() of {@code cell} at time {@code t} [ms]: the synaptic current. */
    public static double I(PointProcess cell, double t) {
        ValueBlock v = valuesOf(cell);
        double ib = v.get(IB, 0);
        return (v.get(I, 0) - ib) * Math.exp(-(t - v.get(T0, 0)) / v.get(TAUS, 0)) + ib;
    }

    private static ValueBlock valuesOf(PointProcess cell) {
        if (cell.type() != TYPE) {
            throw new InvalidValueException(cell.name() + " is not an IntFire2");
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
