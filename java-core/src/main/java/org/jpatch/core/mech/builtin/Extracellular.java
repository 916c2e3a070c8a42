package org.jpatch.core.mech.builtin;

import static org.jpatch.core.mech.RangeVariable.assigned;
import static org.jpatch.core.mech.RangeVariable.parameter;
import static org.jpatch.core.mech.RangeVariable.state;

import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;

/**
 * extcelln.cpp's {@code extracellular} with NEURON's 2 layers: per segment xraxial
 * [MΩ/cm], xg [S/cm²], xc [µF/cm²] per layer, e_extracellular, i_membrane [mA/cm²] (with the
 * sav_g, sav_rhs it is computed from) and each layer's potential vext. It has no kernel:
 * the solver does its work (org.jpatch.core.solve.ExtracellularMatrix), as NEURON's does.
 */
public final class Extracellular {
    public static final String NAME = "extracellular";
    /** nrn_nlayer_extracellular's default, the layers NEURON 9 gives each extracellular node. */
    public static final int NLAYER = 2;
    /** Variable indices: arrays of NLAYER for xraxial, xg, xc and vext. */
    public static final int XRAXIAL = 0, XG = NLAYER, XC = 2 * NLAYER, E = 3 * NLAYER, I_MEMBRANE = E + 1,
            SAV_G = E + 2, SAV_RHS = E + 3, VEXT = E + 4;

    public static final MechanismType TYPE = type();

    private Extracellular() {}

    private static MechanismType type() {
        MechanismType.Builder b = MechanismType.builder(NAME, MechanismKind.DENSITY, 5).unsuffixed();
        for (int j = 0; j < NLAYER; j++) {
            b.variable(parameter("xraxial[" + j + "]", "MOhm/cm", 1e9));
        }
        for (int j = 0; j < NLAYER; j++) {
            b.variable(parameter("xg[" + j + "]", "S/cm2", 1e9));
        }
        for (int j = 0; j < NLAYER; j++) {
            b.variable(parameter("xc[" + j + "]", "uF/cm2", 0.0));
        }
        b.variable(parameter("e_extracellular", "mV", 0.0));
        b.variable(assigned("i_membrane", "mA/cm2"));
        b.variable(assigned("sav_g", "S/cm2"));
        b.variable(assigned("sav_rhs", "mA/cm2"));
        for (int j = 0; j < NLAYER; j++) {
            b.variable(state("vext[" + j + "]", "mV"));
        }
        return b.build();
    }
}
