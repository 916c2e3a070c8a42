package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's SEClamp ({@code src/nrnoc/svclmp.mod}): a single-electrode voltage clamp with
 * series resistance rs, holding amp1, amp2, amp3 for dur1, dur2, dur3 in turn, then off.
 * i = (vc - v)/rs is an electrode current. As nocmodl compiles {@code SOLVE icur METHOD
 * after_cvode}, i is computed again from the new v after each step's voltage update.
 */
public final class SEClamp extends MechanismKernel {
    /** NEURON's type index: after Exp2Syn (10). */
    public static final int ORDER = 11;
    private static final int RS = 0, DUR1 = 1, AMP1 = 2, DUR2 = 3, AMP2 = 4, DUR3 = 5, AMP3 = 6, I = 7, VC = 8,
            TC2 = 9, TC3 = 10, ON = 11;

    public static final MechanismType TYPE = MechanismType.builder("SEClamp", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("rs", "megohm", 1.0))
            .variable(RangeVariable.parameter("dur1", "ms", 0.0))
            .variable(RangeVariable.parameter("amp1", "mV", 0.0))
            .variable(RangeVariable.parameter("dur2", "ms", 0.0))
            .variable(RangeVariable.parameter("amp2", "mV", 0.0))
            .variable(RangeVariable.parameter("dur3", "ms", 0.0))
            .variable(RangeVariable.parameter("amp3", "mV", 0.0))
            .variable(RangeVariable.assigned("i", "nA"))
            .variable(RangeVariable.assigned("vc", "mV"))
            .variable(RangeVariable.assigned("tc2", "ms"))
            .variable(RangeVariable.assigned("tc3", "ms"))
            .variable(RangeVariable.assigned("on", "1"))
            .electrodeCurrent()
            .kernel(SEClamp::new)
            .build();

    private double[] rs;                   // [MΩ]
    private double[] dur1, dur2, dur3;     // [ms]
    private double[] amp1, amp2, amp3;     // [mV]
    private double[] i;                    // [nA]
    private double[] vc;                   // [mV]
    private double[] tc2, tc3;             // [ms]
    private double[] on;

    @Override
    protected void bound() {
        double[][] x = data.vars;
        rs = x[RS];
        dur1 = x[DUR1];
        amp1 = x[AMP1];
        dur2 = x[DUR2];
        amp2 = x[AMP2];
        dur3 = x[DUR3];
        amp3 = x[AMP3];
        i = x[I];
        vc = x[VC];
        tc2 = x[TC2];
        tc3 = x[TC3];
        on = x[ON];
    }

    @Override
    public void initialize() {
        for (int k = 0; k < data.count; k++) {
            tc2[k] = dur1[k] + dur2[k];
            tc3[k] = tc2[k] + dur3[k];
            on[k] = 0.0;
        }
    }

    @Override
    public void current() {
        double t = globals.t;
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            int n = node[k];
            double vk = v[n];
            setCommand(k, t);
            double iShifted = clampCurrent(k, vk + 0.001);
            double current = clampCurrent(k, vk);
            i[k] = current;
            nodes.addPointElectrodeCurrent(n, current, iShifted);
        }
    }

    /** svclmp.mod's after_cvode icur(): the current with the updated v. */
    @Override
    public void state() {
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            i[k] = clampCurrent(k, v[node[k]]);
        }
    }

    /** vstim(): the command level at time t [ms]. */
    private void setCommand(int k, double t) {
        on[k] = 1.0;
        if (t < dur1[k]) {
            vc[k] = amp1[k];
        } else if (t < tc2[k]) {
            vc[k] = amp2[k];
        } else if (t < tc3[k]) {
            vc[k] = amp3[k];
        } else {
            vc[k] = 0.0;
            on[k] = 0.0;
        }
    }

    /** icur() [nA] at membrane potential vm [mV]. */
    private double clampCurrent(int k, double vm) {
        return on[k] != 0.0 ? (vc[k] - vm) / rs[k] : 0.0;
    }
}
