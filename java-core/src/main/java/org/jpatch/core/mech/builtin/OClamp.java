package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's OClamp ({@code src/nrnoc/oclmp.mod}): a single-electrode voltage clamp for
 * optimisation, holding vc through rs while {@code switched_on} is set and on <= t <= off;
 * i = (vc - v)/rs is an electrode current. As nocmodl compiles {@code SOLVE icur METHOD
 * after_cvode}, i is computed again from the new v after each step's voltage update.
 * (Its at_time calls only matter to the variable-step method.)
 */
public final class OClamp extends MechanismKernel implements RangeKernel {
    /** NEURON's type index: after VClamp (12). */
    public static final int ORDER = 13;
    private static final int RS = 0, ON = 1, OFF = 2, VC = 3, SWITCHED_ON = 4, I = 5, ONFLAG = 6;

    public static final MechanismType TYPE = MechanismType.builder("OClamp", MechanismKind.POINT, ORDER)
            .variable(RangeVariable.parameter("rs", "megohm", 1.0))
            .variable(RangeVariable.parameter("on", "ms", 0.0))
            .variable(RangeVariable.parameter("off", "ms", 0.0))
            .variable(RangeVariable.parameter("vc", "mV", 0.0))
            .variable(RangeVariable.parameter("switched_on", "1", 0.0))
            .variable(RangeVariable.assigned("i", "nA"))
            .internal(RangeVariable.assigned("onflag", "1"))
            .electrodeCurrent()
            .kernel(OClamp::new)
            .build();

    private double[] rs;                  // [MΩ]
    private double[] on, off;             // [ms]
    private double[] vc;                  // [mV]
    private double[] switchedOn, onflag;
    private double[] i;                   // [nA]
    private int[] node;

    @Override
    protected void bound() {
        double[][] x = data.vars;
        rs = x[RS];
        on = x[ON];
        off = x[OFF];
        vc = x[VC];
        switchedOn = x[SWITCHED_ON];
        i = x[I];
        onflag = x[ONFLAG];
        node = data.node;
    }

    @Override
    public void initialize() {
        for (int k = 0; k < data.count; k++) {
            onflag[k] = 0.0;
        }
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    /** Instances are sorted by node, so clamps sharing a node fall in the same range. */
    @Override
    public void current(int from, int to) {
        double t = globals.t;
        double[] v = nodes.v;
        for (int k = from; k < to; k++) {
            int n = node[k];
            double vk = v[n];
            setOnflag(k, t);
            double iShifted = clampCurrent(k, vk + 0.001);
            double current = clampCurrent(k, vk);
            i[k] = current;
            nodes.addPointElectrodeCurrent(n, current, iShifted);
        }
    }

    @Override
    public void state() {
        state(0, data.count);
    }

    /** oclmp.mod's after_cvode icur(): the current with the updated v. */
    @Override
    public void state(int from, int to) {
        double[] v = nodes.v;
        for (int k = from; k < to; k++) {
            i[k] = clampCurrent(k, v[node[k]]);
        }
    }

    /** vstim(): on between on and off (both included) while switched on. */
    private void setOnflag(int k, double t) {
        onflag[k] = switchedOn[k] != 0.0 && !(t < on[k]) && !(t > off[k]) ? 1.0 : 0.0;
    }

    /** icur() [nA] at potential vm [mV]. */
    private double clampCurrent(int k, double vm) {
        return onflag[k] != 0.0 ? (vc[k] - vm) / rs[k] : 0.0;
    }
}
