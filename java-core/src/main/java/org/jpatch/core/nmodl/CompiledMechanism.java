package org.jpatch.core.nmodl;

import java.util.function.Supplier;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.builtin.Builtins;

/** A translated .mod file: what it shows NEURON and a factory of its compiled kernels. */
public record CompiledMechanism(String file, MechanismInterface mechanism, Supplier<MechanismKernel> kernels) {

    /** The engine type with NEURON's type index {@code order}. */
    public MechanismType type(int order) {
        return mechanism.mechanismType(order, kernels);
    }

    /**
     * Registers the mechanism as the {@code _reg} function nocmodl writes does: first
     * {@code ion_reg} for every USEION of an ion the catalogue lacks, then the mechanism,
     * each at the next free type index. A new ion has NEURON's defaults for an ion it does
     * not know (eion.cpp: concentrations 1 mM inside and out, reversal potential 0 mV) and
     * the charge of its VALENCE, which such an ion must have.
     */
    public MechanismType registerIn(MechanismCatalogue catalogue) {
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            String ionType = ion.ion() + "_ion";
            if (catalogue.contains(ionType)) {
                continue;
            }
            if (ion.valence() == null) {
                throw new IllegalArgumentException(file + ": USEION " + ion.ion()
                        + " names an ion NEURON does not know, so it needs a VALENCE");
            }
            double valence = ion.valence();
            if (valence != Math.rint(valence)) {
                throw new IllegalArgumentException(file + ": USEION " + ion.ion() + " VALENCE " + valence
                        + ": the engine's ions have integer charges");
            }
            catalogue.register(Builtins.ion(ion.ion(), (int) valence, nextOrder(catalogue), 0.0, 1.0, 1.0));
        }
        MechanismType type = type(nextOrder(catalogue));
        catalogue.register(type);
        return type;
    }

    private static int nextOrder(MechanismCatalogue catalogue) {
        return catalogue.types().stream().mapToInt(MechanismType::order).max().orElse(0) + 1;
    }
}
