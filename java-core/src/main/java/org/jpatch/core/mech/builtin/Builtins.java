package org.jpatch.core.mech.builtin;

import static org.jpatch.core.mech.RangeVariable.assigned;
import static org.jpatch.core.mech.RangeVariable.parameter;
import static org.jpatch.core.mech.RangeVariable.state;

import java.util.List;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;

/**
 * NEURON's built-in mechanism types with NEURON's type indices as their order (from
 * {@code MechanismType(0/1).internal_type()} of NEURON 9): capacitance 3, pas 4,
 * extracellular 5, fastpas 6, IClamp 7, AlphaSynapse 8, ExpSyn 9, Exp2Syn 10, SEClamp 11, VClamp 12,
 * OClamp 13, APCount 14, na_ion 15, k_ion 16, hh 17, NetStim 18, IntFire1 19, IntFire2 20,
 * IntFire4 21, PointProcessMark 22.
 */
public final class Builtins {
    public static final String CAPACITANCE = "capacitance";

    /** Variable indices of capacitance; the solver handles this type itself, as NEURON does. */
    public static final int CM = 0, I_CAP = 1;

    private Builtins() {}

    public static MechanismCatalogue catalogue() {
        MechanismCatalogue c = new MechanismCatalogue();
        c.register(capacitance());
        c.register(pas());
        c.register(Extracellular.TYPE);
        c.register(fastpas());
        c.register(iclamp());
        c.register(AlphaSynapse.TYPE);
        c.register(ExpSyn.TYPE);
        c.register(Exp2Syn.TYPE);
        c.register(SEClamp.TYPE);
        c.register(VClamp.TYPE);
        c.register(OClamp.TYPE);
        c.register(APCount.TYPE);
        c.register(NetStim.TYPE);
        c.register(IntFire1.TYPE);
        c.register(IntFire2.TYPE);
        c.register(IntFire4.TYPE);
        c.register(pointProcessMark());
        c.register(VecStim.TYPE);
        c.register(ion("na", 1, 15, 50.0, 10.0, 140.0));
        c.register(ion("k", 1, 16, -77.0, 54.4, 2.5));
        c.register(hh());
        // ca_ion is not built into NEURON: the first NMODL file using ca registers it,
        // after all built-in types. DEF_eca is 12.5·ln(cao/cai) in membdef.h.
        c.register(ion("ca", 2, 24, 12.5 * Math.log(2.0 / 5e-5), 5e-5, 2.0));
        return c;
    }

    static MechanismType capacitance() {
        return MechanismType.builder(CAPACITANCE, MechanismKind.DENSITY, 3)
                .unsuffixed()
                .variable(parameter("cm", "uF/cm2", 1.0))
                .variable(assigned("i_cap", "mA/cm2"))
                .build();
    }

    static MechanismType pas() {
        return MechanismType.builder("pas", MechanismKind.DENSITY, 4)
                .variable(parameter("g", "S/cm2", 0.001))
                .variable(parameter("e", "mV", -70.0))
                .variable(assigned("i", "mA/cm2"))
                .kernel(PassiveKernel::new)
                .build();
    }

    /** passive0.cpp: DEF_g and DEF_vrest of membdef.h as defaults. */
    static MechanismType fastpas() {
        return MechanismType.builder("fastpas", MechanismKind.DENSITY, 6)
                .variable(parameter("g", "S/cm2", 5.e-4))
                .variable(parameter("e", "mV", -65.0))
                .kernel(FastPassiveKernel::new)
                .build();
    }

    /** ppmark.mod: a point process with no variables and no effect, marking a location for Shape. */
    static MechanismType pointProcessMark() {
        return MechanismType.builder("PointProcessMark", MechanismKind.POINT, 22).build();
    }

    static MechanismType iclamp() {
        return MechanismType.builder("IClamp", MechanismKind.POINT, 7)
                .variable(parameter("del", "ms", 0.0))
                .variable(parameter("dur", "ms", 0.0))
                .variable(parameter("amp", "nA", 0.0))
                .variable(assigned("i", "nA"))
                .electrodeCurrent()
                .kernel(IClampKernel::new)
                .build();
    }

    /**
     * An ion type ({@code <ion>_ion}) with NEURON's variables in NEURON's order: erev, conci,
     * conco, cur, dcurdv; charge [e] for Nernst; the concentrations are also the defaults of
     * the {@code <ion>i0_<ion>_ion}, {@code <ion>o0_<ion>_ion} globals. For NMODL USEION of a
     * new ion, register one with the next free order before the mechanism using it.
     */
    public static MechanismType ion(String ion, int charge, int order, double erev, double conci, double conco) {
        return MechanismType.builder(ion + "_ion", MechanismKind.ION, order)
                .unsuffixed()
                .variable(parameter("e" + ion, "mV", erev))
                .variable(parameter(ion + "i", "mM", conci))
                .variable(parameter(ion + "o", "mM", conco))
                .variable(assigned("i" + ion, "mA/cm2"))
                .variable(assigned("di" + ion + "_dv_", "S/cm2"))
                .global(ion + "i0_" + ion + "_ion", "mM", conci)
                .global(ion + "o0_" + ion + "_ion", "mM", conco)
                .ionCharge(charge)
                .kernel(() -> new IonKernel(charge))
                .build();
    }

    static MechanismType hh() {
        return MechanismType.builder("hh", MechanismKind.DENSITY, 17)
                .variable(parameter("gnabar", "S/cm2", 0.12))
                .variable(parameter("gkbar", "S/cm2", 0.036))
                .variable(parameter("gl", "S/cm2", 0.0003))
                .variable(parameter("el", "mV", -54.3))
                .variable(assigned("gna", "S/cm2"))
                .variable(assigned("gk", "S/cm2"))
                .variable(assigned("il", "mA/cm2"))
                // hh.mod's GLOBAL rate results become RANGE in builds with CoreNEURON, as
                // NEURON 9.0.2's wheels are: per segment, from its last rates() call.
                .variable(assigned("minf", ""))
                .variable(assigned("hinf", ""))
                .variable(assigned("ninf", ""))
                .variable(assigned("mtau", "ms"))
                .variable(assigned("htau", "ms"))
                .variable(assigned("ntau", "ms"))
                .variable(state("m", ""))
                .variable(state("h", ""))
                .variable(state("n", ""))
                .global("usetable_hh", "", 1.0)
                .ion(new IonUse("na", List.of("ena"), List.of("ina")))
                .ion(new IonUse("k", List.of("ek"), List.of("ik")))
                .kernel(HodgkinHuxleyKernel::new)
                .build();
    }
}
