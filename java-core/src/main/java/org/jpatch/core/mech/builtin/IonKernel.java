package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.IonStyle;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/**
 * eion.cpp's ion mechanism. Each step it zeroes the summed current and its dI/dv before
 * the channels that write them (later in sweep order) accumulate into them. Where a
 * mechanism writes the concentrations, INITIAL sets them from the ion's globals and the
 * reversal potential follows Nernst, at initialisation and (unless a mechanism writes
 * it) every step; where concentrations are only read, Nernst sets it at initialisation.
 */
final class IonKernel extends MechanismKernel implements RangeKernel {
    private static final int EREV = 0, CONCI = 1, CONCO = 2, CUR = 3, DCURDV = 4;
    private static final int CONCI0 = 0, CONCO0 = 1;
    private final double charge;  // [e]

    IonKernel(double charge) {
        this.charge = charge;
    }

    @Override
    public void initialize() {
        double[] erev = data.vars[EREV], ci = data.vars[CONCI], co = data.vars[CONCO];
        int[] style = data.flags;
        for (int i = 0; i < data.count; i++) {
            if ((style[i] & IonStyle.INIT_CONCENTRATIONS) != 0) {
                ci[i] = typeGlobals[CONCI0];
                co[i] = typeGlobals[CONCO0];
            }
        }
        for (int i = 0; i < data.count; i++) {
            if ((style[i] & IonStyle.INIT_REVERSAL) != 0) {
                erev[i] = IonStyle.nernst(ci[i], co[i], charge, globals.celsius);
            }
        }
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    @Override
    public void current(int from, int to) {
        double[] erev = data.vars[EREV], ci = data.vars[CONCI], co = data.vars[CONCO];
        double[] cur = data.vars[CUR], dcurdv = data.vars[DCURDV];
        int[] style = data.flags;
        for (int i = from; i < to; i++) {
            dcurdv[i] = 0.0;
            cur[i] = 0.0;
            if ((style[i] & IonStyle.ADVANCE_REVERSAL) != 0) {
                erev[i] = IonStyle.nernst(ci[i], co[i], charge, globals.celsius);
            }
        }
    }

    /** Concentrations are integrated by the mechanisms that write them, not by the ion. */
    @Override
    public void state(int from, int to) {}
}
