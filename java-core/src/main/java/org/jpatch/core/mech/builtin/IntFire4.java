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
 * NEURON's IntFire4 ({@code src/nrnoc/intfire4.mod}): an artificial cell with a fast
 * exponential excitatory current e (taue), an alpha-like inhibitory current i1 → i2
 * (taui1, taui2) and a leaky membrane m (taum), solved analytically between events. It
 * fires when m passes 1 - eps; a self-event at a lower bound of the firing time (Newton's
 * step on m) re-checks it, moved by every input.
 */
public final class IntFire4 extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after IntFire2 (20). */
    public static final int ORDER = 21;
    private static final double NEVER = 1e9; // [ms]
    private static final int EPS = 1, TAUEPS = 2;
    private static final int TAUE = 0, TAUI1 = 1, TAUI2 = 2, TAUM = 3, E = 4, I1 = 5, I2 = 6, M = 7, AE = 8,
            AI2 = 9, AI1 = 10, NSELF = 11, NEXCITE = 12, NINHIBIT = 13, ENEW = 14, I1NEW = 15, I2NEW = 16,
            MNEW = 17, T0 = 18, KE = 19, KI1 = 20, KI2 = 21, KM = 22, BE = 23, BI1 = 24, BI2 = 25, A = 26, B = 27,
            SEARCH_FAILED = 28;

    public static final MechanismType TYPE = MechanismType.builder("IntFire4", MechanismKind.ARTIFICIAL, ORDER)
            .variable(RangeVariable.parameter("taue", "ms", 5.0))
            .variable(RangeVariable.parameter("taui1", "ms", 10.0))
            .variable(RangeVariable.parameter("taui2", "ms", 20.0))
            .variable(RangeVariable.parameter("taum", "ms", 50.0))
            .variable(RangeVariable.assigned("e", "1"))
            .variable(RangeVariable.assigned("i1", "1"))
            .variable(RangeVariable.assigned("i2", "1"))
            .variable(RangeVariable.assigned("m", "1"))
            .variable(RangeVariable.assigned("ae", "1/ms"))
            .variable(RangeVariable.assigned("ai2", "1/ms"))
            .variable(RangeVariable.assigned("ai1", "1/ms"))
            .variable(RangeVariable.assigned("nself", "1"))
            .variable(RangeVariable.assigned("nexcite", "1"))
            .variable(RangeVariable.assigned("ninhibit", "1"))
            .internal(RangeVariable.assigned("enew", "1"))
            .internal(RangeVariable.assigned("i1new", "1"))
            .internal(RangeVariable.assigned("i2new", "1"))
            .internal(RangeVariable.assigned("mnew", "1"))
            .internal(RangeVariable.assigned("t0", "ms"))
            .internal(RangeVariable.assigned("ke", "1/ms"))
            .internal(RangeVariable.assigned("ki1", "1/ms"))
            .internal(RangeVariable.assigned("ki2", "1/ms"))
            .internal(RangeVariable.assigned("km", "1/ms"))
            .internal(RangeVariable.assigned("be", "1"))
            .internal(RangeVariable.assigned("bi1", "1"))
            .internal(RangeVariable.assigned("bi2", "1"))
            .internal(RangeVariable.assigned("a", "1"))
            .internal(RangeVariable.assigned("b", "1"))
            .internal(RangeVariable.assigned("flag", "1"))
            // ib is a PARAMETER no statement reads; not RANGE, so a GLOBAL as in NEURON
            .global("ib_IntFire4", "1", 0.0)
            .global("eps_IntFire4", "1", 1e-6)
            .global("taueps_IntFire4", "1", 0.01)
            .kernel(IntFire4::new)
            .build();

    private NetEvents events;
    private double[][] x;

    @Override
    protected void bound() {
        x = data.vars;
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
            fixPrecondition(k);
            factors(k);
            x[E][k] = 0;
            x[I1][k] = 0;
            x[I2][k] = 0;
            x[M][k] = 0;
            x[T0][k] = t;
            events.netSend(TYPE, k, t + firetimeBound(k), 1.0, null);
            x[NSELF][k] = 0;
            x[NEXCITE][k] = 0;
            x[NINHIBIT][k] = 0;
        }
    }

    @Override
    public void netReceive(int k, double[] weights, double flag, double t) {
        newStates(x, k, t - x[T0][k]);
        x[E][k] = x[ENEW][k]; // update()
        x[I1][k] = x[I1NEW][k];
        x[I2][k] = x[I2NEW][k];
        x[M][k] = x[MNEW][k];
        x[T0][k] = t;
        if (x[M][k] > 1 - typeGlobals[EPS]) { // time to fire
            events.netEvent(TYPE, k, t);
            x[M][k] = 0;
        }
        if (flag == 1.0) { // the self-event
            x[NSELF][k] += 1;
            events.netSend(TYPE, k, t + firetimeBound(k), 1.0, weights);
        } else {
            double w = weights[0];
            if (w > 0) {
                x[NEXCITE][k] += 1;
                x[E][k] += w;
            } else {
                x[NINHIBIT][k] += 1;
                x[I1][k] += w;
            }
            events.netMove(TYPE, k, firetimeBound(k) + t);
        }
    }

    /**
     * fixprecondition(): taue < taui2, taui1 < taui2 and every two time constants at least
     * taueps apart, adjusting them as intfire4.mod does (NEURON also prints a warning when
     * it swaps or moves taue and taui2; the engine does not print).
     */
    private void fixPrecondition(int k) {
        double taueps = typeGlobals[TAUEPS];
        double[] taue = x[TAUE], taui1 = x[TAUI1], taui2 = x[TAUI2], taum = x[TAUM];
        if (taui2[k] < 4 * taueps) {
            taui2[k] = 4 * taueps;
        }
        if (taui1[k] < 3 * taueps) {
            taui1[k] = 3 * taueps;
        }
        if (taue[k] < 2 * taueps) {
            taue[k] = 2 * taueps;
        }
        if (taue[k] > taui2[k]) {
            taue[k] = taui2[k] - taueps;
        } else if (taui2[k] - taue[k] < taueps) {
            taue[k] = taui2[k] - taueps;
        }
        if (taui1[k] > taui2[k]) {
            double swap = taui2[k];
            taui2[k] = taui1[k];
            taui1[k] = swap;
        }
        if (taui2[k] - taui1[k] < taueps) {
            taui1[k] = taui2[k] - taueps;
        }
        if (taum[k] <= taui2[k]) {
            if (taui2[k] - taum[k] < taueps) {
                taum[k] = taui2[k] - taueps;
            }
            if (Math.abs(taui1[k] - taum[k]) < taueps) {
                taum[k] = taui1[k] - taueps;
            }
            if (Math.abs(taui1[k] - taum[k]) < taueps) {
                if (taui1[k] - taum[k] < 0) {
                    taum[k] = taui1[k] - taueps;
                } else {
                    taui1[k] = taum[k] - taueps;
                }
            }
            if (Math.abs(taue[k] - taum[k]) < taueps) {
                if (taue[k] - taum[k] < 0) {
                    taum[k] = taue[k] - taueps;
                } else {
                    taue[k] = taum[k] - taueps;
                }
            }
            if (Math.abs(taui1[k] - taum[k]) < taueps) {
                taum[k] = taui1[k] - taueps;
            }
        } else if (taum[k] - taui2[k] < taueps) {
            taum[k] = taui2[k] + taueps;
        }
    }

    /** factors(): rates and the normalisations making single unit inputs peak at 1. */
    private void factors(int k) {
        double ke = 1 / x[TAUE][k], ki1 = 1 / x[TAUI1][k], ki2 = 1 / x[TAUI2][k], km = 1 / x[TAUM][k];
        x[KE][k] = ke;
        x[KI1][k] = ki1;
        x[KI2][k] = ki2;
        x[KM][k] = km;
        // peak of m is 1 after a single e of 1
        double tp = Math.log(km / ke) / (km - ke);
        double be = 1 / (Math.exp(-km * tp) - Math.exp(-ke * tp));
        x[BE][k] = be;
        x[AE][k] = be * (ke - km);
        // peak of i2 is 1 after a single i1 of 1
        tp = Math.log(ki2 / ki1) / (ki2 - ki1);
        double bi1 = 1 / (Math.exp(-ki2 * tp) - Math.exp(-ki1 * tp));
        x[BI1][k] = bi1;
        x[AI1][k] = bi1 * (ki1 - ki2);
        // peak of m is 1 after a single i1 of 1: set up enough for newstates() first
        x[E][k] = 0;
        x[I1][k] = 1;
        x[I2][k] = 0;
        x[M][k] = 0;
        setBi2(k, 1);
        tp = search(k); // where dm/dt = 0
        newStates(x, k, tp);
        setBi2(k, 1 / x[MNEW][k]);
        newStates(x, k, tp); // now mnew is 1
        x[I1][k] = 0;
    }

    private void setBi2(int k, double bi2) {
        x[BI2][k] = bi2;
        x[AI2][k] = bi2 * (x[KI2][k] - x[KM][k]);
        x[A][k] = bi2 * x[BI1][k];
        x[B][k] = x[A][k] * (x[KI2][k] - x[KM][k]) / (x[KI1][k] - x[KM][k]);
    }

    /** deriv(d): of the sign of dm/dt at d [ms] after a unit i1 (proportional, not exact). */
    private double deriv(int k, double d) {
        double km = x[KM][k], ki1 = x[KI1][k], ki2 = x[KI2][k];
        return (-km * Math.exp(-d * km) + ki2 * Math.exp(-d * ki2)) / (ki2 - km)
                - (-km * Math.exp(-d * km) + ki1 * Math.exp(-d * ki1)) / (ki1 - km);
    }

    /**
     * search() [ms]: the extremum of m after a unit i1, bracketed by factors of 10 from 1 ms
     * and then bisected to 1e-6 ms; on a failed bracket (NEURON prints an error) 1e-9 or 1e9.
     */
    private double search(int k) {
        double t1 = 1, t2 = 0, result = 0;
        x[SEARCH_FAILED][k] = 0;
        if (deriv(k, t1) < 0) {
            while (deriv(k, t1) < 0 && t1 > 1e-9) {
                t2 = t1;
                t1 = t1 / 10;
            }
            if (deriv(k, t1) < 0) {
                x[SEARCH_FAILED][k] = 1;
                result = 1e-9;
            }
        } else {
            t2 = t1;
            while (deriv(k, t2) > 0 && t2 < 1e9) {
                t1 = t2;
                t2 = t2 * 10;
            }
            if (deriv(k, t2) > 0) {
                x[SEARCH_FAILED][k] = 1;
                result = 1e9;
            }
        }
        while (t2 - t1 > 1e-6 && x[SEARCH_FAILED][k] == 0) {
            result = (t1 + t2) / 2;
            if (deriv(k, result) > 0) {
                t1 = result;
            } else {
                t2 = result;
            }
        }
        return result;
    }

    /** newstates(d): the states d [ms] after t0 into enew, i1new, i2new, mnew. */
    private static void newStates(double[][] x, int k, double d) {
        double ee = Math.exp(-x[KE][k] * d);
        double ei1 = Math.exp(-x[KI1][k] * d);
        double ei2 = Math.exp(-x[KI2][k] * d);
        double em = Math.exp(-x[KM][k] * d);
        double e = x[E][k], i1 = x[I1][k], i2 = x[I2][k];
        x[ENEW][k] = e * ee;
        x[I1NEW][k] = i1 * ei1;
        x[I2NEW][k] = i2 * ei2 + x[BI1][k] * i1 * (ei2 - ei1);
        x[MNEW][k] = x[M][k] * em + x[BE][k] * e * (em - ee) + (x[BI2][k] * i2 + x[A][k] * i1) * (em - ei2)
                - x[B][k] * i1 * (em - ei1);
    }

    /** firetimebound() [ms]: (1 - m)/(dm/dt), a lower bound of the time to fire; 1e9 when m is not rising. */
    private double firetimeBound(int k) {
        double slope = -x[KM][k] * x[M][k] + x[AE][k] * x[E][k] + x[AI2][k] * x[I2][k];
        return slope <= 1e-9 ? NEVER : (1 - x[M][k]) / slope;
    }

    /** intfire4.mod's FUNCTION M() of {@code cell} at time {@code t} [ms]: the membrane state. */
    public static double M(PointProcess cell, double t) {
        double[][] v = statesAt(cell, t);
        return v[MNEW][0];
    }

    /** intfire4.mod's FUNCTION E() at time {@code t} [ms]: the excitatory current, ae·e. */
    public static double E(PointProcess cell, double t) {
        double[][] v = statesAt(cell, t);
        return v[AE][0] * v[ENEW][0];
    }

    /** intfire4.mod's FUNCTION I() at time {@code t} [ms]: the inhibitory current, ai2·i2. */
    public static double I(PointProcess cell, double t) {
        double[][] v = statesAt(cell, t);
        return v[AI2][0] * v[I2NEW][0];
    }

    /** The cell's variables with newstates(t - t0) applied, as NEURON's functions leave them. */
    private static double[][] statesAt(PointProcess cell, double t) {
        if (cell.type() != TYPE) {
            throw new InvalidValueException(cell.name() + " is not an IntFire4");
        }
        cell.checkAlive();
        ValueBlock values = cell.values();
        double[][] v = new double[TYPE.variables().size()][1];
        for (int j = 0; j < v.length; j++) {
            v[j][0] = values.get(j, 0);
        }
        newStates(v, 0, t - v[T0][0]);
        for (int j = ENEW; j <= MNEW; j++) {
            values.set(j, 0, v[j][0]);
        }
        return v;
    }

    /** An artificial cell: no current, and its states change only at events (not per step). */
    @Override
    public void current(int from, int to) {}

    @Override
    public void state(int from, int to) {}
}
