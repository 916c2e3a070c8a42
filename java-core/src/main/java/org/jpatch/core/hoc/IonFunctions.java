package org.jpatch.core.hoc;

import org.jpatch.core.mech.IonStyle;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/**
 * hoc's ion functions (NEURON's nrnoc/eion.cpp): nernst in its two forms, ghk and ion_charge, at
 * the simulation's celsius with NEURON 9's CODATA 2018 constants ({@link IonStyle}).
 */
final class IonFunctions {
    private IonFunctions() {}

    // An ion type's first three variables, in Builtins.ion's (and NEURON's) order.
    private static final int REVERSAL = 0;
    private static final int INSIDE = 1;
    private static final int OUTSIDE = 2;

    static void register(HocRegistry registry, Simulation sim) {
        registry.add(new HocFunction("nernst",
                "nernst(ci, co, charge): the Nernst potential [mV] for concentrations [mM] at celsius. "
                        + "nernst(\"ena\", [x], sec=): from the section's nai and nao at x (default 0.5); "
                        + "nernst(\"nai\", [x], sec=) and nernst(\"nao\", [x], sec=): the concentration that "
                        + "ena and the other concentration would give.",
                args -> args.value(0) instanceof String ? nernstOfSection(args, sim)
                        : IonStyle.nernst(args.expect(3, 3).number(0), args.number(1), args.number(2),
                                sim.getGlobal("celsius"))));
        registry.add(new HocFunction("ghk",
                "ghk(v, ci, co, charge): the Goldman-Hodgkin-Katz current factor [mA/cm2 per cm/s] for "
                        + "membrane potential v [mV] and concentrations [mM] at celsius.",
                args -> IonStyle.ghk(args.expect(4, 4).number(0), args.number(1), args.number(2), args.number(3),
                        sim.getGlobal("celsius"))));
        registry.add(new HocFunction("ion_charge", "ion_charge(\"na_ion\"): the charge [e] of an ion mechanism.",
                args -> ionType(sim.catalogue(), args.expect(1, 1).string(0)).ionCharge()));
    }

    private static MechanismType ionType(MechanismCatalogue catalogue, String name) {
        if (!catalogue.contains(name) || catalogue.get(name).kind() != MechanismKind.ION) {
            throw new HocExecError(name + " is not an ion mechanism");
        }
        return catalogue.get(name);
    }

    /** eion.cpp's nernst("var"): var is an ion's reversal potential or one of its concentrations. */
    private static double nernstOfSection(HocArgs args, Simulation sim) {
        String name = args.expect(1, 2).string(0);
        MechanismType ion = null;
        int role = -1;
        for (MechanismType type : sim.catalogue().types()) {
            if (type.kind() == MechanismKind.ION && type.indexOf(name) >= 0) {
                ion = type;
                role = type.indexOf(name);
            }
        }
        if (ion == null || role > OUTSIDE) {
            throw new HocExecError(name + " not a reversal potential or concentration");
        }
        double x = 0.5;
        if (args.has(1)) {
            x = args.number(1);
            if (!(x >= 0 && x <= 1)) {
                throw new HocExecError("nernst: x = " + x + " is out of range [0, 1]");
            }
        }
        Section sec = HocSections.section(args, sim);
        if (!sec.has(ion.name())) {
            throw new HocExecError(ion.name() + " mechanism not inserted in section " + sec.name());
        }
        double ci = sec.get(ion.rangeName(INSIDE), x);
        double co = sec.get(ion.rangeName(OUTSIDE), x);
        double e = sec.get(ion.rangeName(REVERSAL), x);
        double z = ion.ionCharge();
        double ktf = IonStyle.ktf(sim.getGlobal("celsius"));
        return switch (role) {
            case REVERSAL -> IonStyle.nernst(ci, co, z, sim.getGlobal("celsius"));
            case INSIDE -> co * Math.exp(-z / ktf * e);
            default -> ci * Math.exp(z / ktf * e);
        };
    }
}
