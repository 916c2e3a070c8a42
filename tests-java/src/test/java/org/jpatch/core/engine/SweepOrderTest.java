package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.builtin.Builtins;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's sweep order is NEURON's memb_order_ (init.cpp's nrn_writes_conc): ions
 * right after capacitance and pas, in registration order; then the types writing a
 * concentration, latest registered first; then the rest in registration order. The type
 * index order, what listings show, is unchanged.
 */
class SweepOrderTest {

    private static MechanismType mechanism(String name, MechanismKind kind, int index, IonUse... ions) {
        MechanismType.Builder b = MechanismType.builder(name, kind, index);
        for (IonUse use : ions) {
            b.ion(use);
        }
        return b.build();
    }

    private static IonUse ca(List<String> reads, List<String> writes) {
        return new IonUse("ca", reads, writes);
    }

    private static List<String> names(List<MechanismType> types) {
        return types.stream().map(MechanismType::name).toList();
    }

    @Test
    void builtInIonsComeRightAfterExtracellular() {
        MechanismCatalogue c = Builtins.catalogue();
        assertEquals(List.of("capacitance", "pas", "extracellular", "na_ion", "k_ion", "ca_ion", "fastpas", "IClamp",
                "AlphaSynapse", "ExpSyn", "Exp2Syn", "SEClamp", "VClamp", "OClamp", "APCount", "hh", "NetStim",
                "IntFire1", "IntFire2", "IntFire4", "PointProcessMark", "VecStim"), names(c.sweepOrder()));
        assertEquals(List.of("capacitance", "pas", "extracellular", "fastpas", "IClamp", "AlphaSynapse", "ExpSyn",
                "Exp2Syn", "SEClamp", "VClamp", "OClamp", "APCount", "na_ion", "k_ion", "hh", "NetStim", "IntFire1",
                "IntFire2", "IntFire4", "PointProcessMark", "ca_ion", "VecStim"), names(c.types()));
    }

    @Test
    void concentrationWritersRunAfterTheIonsLatestRegisteredFirstWhateverTheLoadOrder() {
        MechanismCatalogue c = Builtins.catalogue();
        c.register(mechanism("reader", MechanismKind.DENSITY, 26, ca(List.of("cai"), List.of())));
        c.register(mechanism("buffer1", MechanismKind.DENSITY, 27, ca(List.of("cai", "ica"), List.of("cai"))));
        c.register(mechanism("channel", MechanismKind.DENSITY, 28, ca(List.of("cai", "cao"), List.of("ica"))));
        c.register(Builtins.ion("x", 1, 29, 0, 1, 1));
        c.register(mechanism("xuser", MechanismKind.DENSITY, 30, new IonUse("x", List.of("xi"), List.of("ix"))));
        c.register(mechanism("pump", MechanismKind.POINT, 31, ca(List.of(), List.of("cao"))));
        c.register(mechanism("buffer2", MechanismKind.DENSITY, 32, ca(List.of("cai"), List.of("cai"))));

        assertEquals(List.of("capacitance", "pas", "extracellular", "na_ion", "k_ion", "ca_ion", "x_ion", "buffer2",
                "pump", "buffer1", "fastpas", "IClamp", "AlphaSynapse", "ExpSyn", "Exp2Syn", "SEClamp", "VClamp", "OClamp",
                "APCount", "hh", "NetStim", "IntFire1", "IntFire2", "IntFire4", "PointProcessMark", "VecStim", "reader",
                "channel", "xuser"), names(c.sweepOrder()));
    }

    @Test
    void theOrderDependsOnTheTypeIndicesNotOnTheOrderOfRegistrationCalls() {
        MechanismCatalogue forwards = Builtins.catalogue(), backwards = Builtins.catalogue();
        List<MechanismType> loaded = List.of(
                mechanism("first", MechanismKind.DENSITY, 26, ca(List.of(), List.of("cai"))),
                mechanism("second", MechanismKind.DENSITY, 27, ca(List.of(), List.of("cai"))),
                mechanism("third", MechanismKind.DENSITY, 28, ca(List.of("cai"), List.of())));
        loaded.forEach(forwards::register);
        for (int k = loaded.size() - 1; k >= 0; k--) {
            backwards.register(loaded.get(k));
        }

        assertEquals(names(forwards.sweepOrder()), names(backwards.sweepOrder()));
        assertEquals(List.of("second", "first"), names(forwards.sweepOrder()).subList(6, 8));
    }
}
