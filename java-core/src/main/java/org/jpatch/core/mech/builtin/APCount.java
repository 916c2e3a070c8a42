package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.mech.UsesNetEvents;

/**
 * NEURON's APCount ({@code src/nrnoc/apcount.mod}): counts upward crossings of
 * {@code thresh} by v, checked in INITIAL and after each step's voltage update (its
 * {@code SOLVE check METHOD after_cvode}), so a crossing is timed at t_{n+1}. The times
 * go to the record vector given by the event system's {@code recordTimes}.
 */
public final class APCount extends MechanismKernel implements UsesNetEvents {
    /** NEURON's type index: after OClamp (13). */
    public static final int ORDER = 14;
    private static final int N = 0, THRESH = 1, TIME = 2, FIRING = 3;

    public static final MechanismType TYPE = MechanismType.builder("APCount", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("n", "", 0.0))
            .variable(RangeVariable.parameter("thresh", "mV", -20.0))
            .variable(RangeVariable.parameter("time", "ms", 0.0))
            .variable(RangeVariable.assigned("firing", ""))
            .kernel(APCount::new)
            .build();

    private NetEvents events;
    private double[] n;
    private double[] thresh; // [mV]
    private double[] time;   // [ms]
    private double[] firing;

    @Override
    protected void bound() {
        n = data.vars[N];
        thresh = data.vars[THRESH];
        time = data.vars[TIME];
        firing = data.vars[FIRING];
    }

    @Override
    public void bindEvents(NetEvents netEvents) {
        events = netEvents;
    }

    @Override
    public void initialize() {
        for (int k = 0; k < data.count; k++) {
            n[k] = 0.0;
            firing[k] = 0.0;
        }
        check();
    }

    @Override
    public void state() {
        check();
    }

    private void check() {
        double t = globals.t;
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            double vk = v[node[k]];
            if (vk >= thresh[k] && firing[k] == 0.0) {
                firing[k] = 1.0;
                time[k] = t;
                n[k] += 1.0;
                if (events != null) {
                    events.recordTime(TYPE, k, t);
                }
            }
            if (firing[k] != 0.0 && vk < thresh[k] && t > time[k]) {
                firing[k] = 0.0;
            }
        }
    }
}
