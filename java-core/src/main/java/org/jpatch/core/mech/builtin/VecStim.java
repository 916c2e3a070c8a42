package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;

/**
 * VecStim, the artificial cell Patch ships (its {@code extensions/mod/VecStim.mod}, from
 * NEURON's vecevent.mod): fires at the times of the vector played into it with the event
 * system's {@code play}, read one element at a time as the run goes.
 */
public final class VecStim extends MechanismKernel implements NetReceiver, RangeKernel {
    /** Not built into NEURON: a compiled mechanism, so after every built-in type. */
    public static final int ORDER = 25;
    private static final int INDEX = 0, ETIME = 1;

    public static final MechanismType TYPE = MechanismType.builder("VecStim", MechanismKind.ARTIFICIAL, ORDER)
            .variable(RangeVariable.assigned("index", "1"))
            .variable(RangeVariable.assigned("etime", "ms"))
            .kernel(VecStim::new)
            .build();

    private NetEvents events;
    private double[] index; // next element + 1; -1 past the end
    private double[] etime; // [ms]

    @Override
    protected void bound() {
        index = data.vars[INDEX];
        etime = data.vars[ETIME];
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
            index[k] = 0.0;
            element(k);
            if (index[k] > 0.0) {
                events.netSend(TYPE, k, t + (etime[k] - t), 1.0, null);
            }
        }
    }

    @Override
    public void netReceive(int k, double[] weights, double flag, double t) {
        if (flag == 1.0) {
            events.netEvent(TYPE, k, t);
            element(k);
            if (index[k] > 0.0) {
                events.netSend(TYPE, k, t + (etime[k] - t), 1.0, weights);
            }
        }
    }

    /** VecStim.mod's element(): the next time into etime, or index -1 when there is none. */
    private void element(int k) {
        int i = (int) index[k];
        if (i >= 0) {
            double next = events.playedTime(TYPE, k, i);
            if (Double.isNaN(next)) {
                index[k] = -1.0;
            } else {
                etime[k] = next;
                index[k] += 1.0;
            }
        }
    }

    /** An artificial cell: no current, and its states change only at events (not per step). */
    @Override
    public void current(int from, int to) {}

    @Override
    public void state(int from, int to) {}
}
