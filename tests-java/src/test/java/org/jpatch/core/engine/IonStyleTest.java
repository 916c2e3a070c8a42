package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Reversal potentials follow eion.cpp's styles: fixed when only read, Nernst at
 * initialisation when concentrations are read, Nernst every step when they are written.
 * Expected potentials are NEURON 9.0.2's {@code h.nernst(ci, co, 1)} at 6.3 / 37 °C.
 */
class IonStyleTest {
    private static final double NERNST_10_140 = 63.55150321937486;     // [mV] at 6.3 °C
    private static final double NERNST_10_1_140 = 63.31188793093354;   // [mV] at 6.3 °C
    private static final double NERNST_12_140 = 59.160992686115;       // [mV] at 6.3 °C
    private static final double NERNST_10_140_37C = 70.53318562708574; // [mV] at 37 °C

    /** A test mechanism whose SOLVE block adds 0.1 mM to nai each step (WRITE nai). */
    private static final class Accumulator extends MechanismKernel {
        @Override
        public void state() {
            double[] nai = data.ions[0].vars[1];
            for (int i = 0; i < data.count; i++) {
                nai[data.ionRow[0][i]] += 0.1;
            }
        }
    }

    private static MechanismType naUser(String name, List<String> reads, List<String> writes, boolean accumulates) {
        MechanismType.Builder b = MechanismType.builder(name, MechanismKind.DENSITY, 100)
                .variable(RangeVariable.assigned("dummy", "1"))
                .ion(new IonUse("na", reads, writes));
        if (accumulates) {
            b.kernel(Accumulator::new);
        }
        return b.build();
    }

    private static Section soma(Simulation sim, String mech) {
        Section soma = sim.newSection("soma");
        soma.insert(mech);
        return soma;
    }

    @Test
    void onlyReadReversalPotentialKeepsItsValue() {
        Simulation sim = new Simulation();
        Section soma = soma(sim, "hh");
        soma.set("ena", 0.5, 42.0);
        sim.finitialize(-65);
        sim.fadvance();
        assertEquals(42.0, soma.get("ena", 0.5));
        assertEquals(10.0, soma.get("nai", 0.5));
    }

    @Test
    void writtenConcentrationIsInitializedFromTheGlobalAndDrivesNernstEveryStep() {
        Simulation sim = new Simulation();
        sim.catalogue().register(naUser("napump", List.of(), List.of("nai"), true));
        Section soma = soma(sim, "napump");
        soma.set("nai", 0.5, 3.0);  // overwritten from nai0_na_ion at finitialize
        sim.finitialize(-65);
        assertEquals(10.0, soma.get("nai", 0.5));
        assertEquals(NERNST_10_140, soma.get("ena", 0.5));
        sim.fadvance();  // Nernst at the step's start (nai 10), then nai += 0.1
        assertEquals(NERNST_10_140, soma.get("ena", 0.5));
        sim.fadvance();
        assertEquals(NERNST_10_1_140, soma.get("ena", 0.5), 1e-12);
        sim.setGlobal("nai0_na_ion", 12.0);
        sim.finitialize(-65);
        assertEquals(NERNST_12_140, soma.get("ena", 0.5));
        sim.setGlobal("nai0_na_ion", 10.0);
        sim.setGlobal("celsius", 37);
        sim.finitialize(-65);
        assertEquals(NERNST_10_140_37C, soma.get("ena", 0.5));
    }

    @Test
    void readConcentrationSetsTheReversalPotentialAtInitializationOnly() {
        Simulation sim = new Simulation();
        sim.catalogue().register(naUser("nasensor", List.of("nai"), List.of(), false));
        Section soma = soma(sim, "nasensor");
        sim.finitialize(-65);
        assertEquals(NERNST_10_140, soma.get("ena", 0.5));
        soma.set("nai", 0.5, 12.0);
        sim.fadvance();
        assertEquals(NERNST_10_140, soma.get("ena", 0.5));
        sim.finitialize(-65);  // concentrations are not initialised (not written), Nernst is
        assertEquals(NERNST_12_140, soma.get("ena", 0.5));
    }

    @Test
    void writtenReversalPotentialIsNeverRecomputed() {
        Simulation sim = new Simulation();
        sim.catalogue().register(naUser("napumpfixed", List.of(), List.of("nai", "ena"), true));
        Section soma = soma(sim, "napumpfixed");
        soma.set("ena", 0.5, 55.0);
        sim.finitialize(-65);
        sim.fadvance();
        sim.fadvance();
        assertEquals(55.0, soma.get("ena", 0.5));
        assertEquals(10.2, soma.get("nai", 0.5), 1e-12);
    }

    @Test
    void pointProcessUsingAnIonBringsItIntoItsSegmentsSection() {
        Simulation sim = new Simulation();
        sim.catalogue().register(MechanismType.builder("NaProbe", MechanismKind.POINT, 101)
                .variable(RangeVariable.assigned("dummy", "1"))
                .ion(new IonUse("na", List.of("nai"), List.of()))
                .build());
        Section soma = sim.newSection("soma");
        Section dend = sim.newSection("dend");
        dend.connect(soma, 0.5, 0);
        sim.newPointProcess("NaProbe", dend, 0.0);  // dend(0) is soma's centre node
        assertEquals(List.of("na_ion"), soma.mechanisms());
        assertEquals(List.of(), dend.mechanisms());
        sim.finitialize(-65);
        assertEquals(NERNST_10_140, soma.get("ena", 0.5));
    }

    @Test
    void pointProcessUsingAnIonIsRefusedOnAZeroAreaNodeAndNothingChanges() {
        Simulation sim = new Simulation();
        sim.catalogue().register(MechanismType.builder("NaProbe", MechanismKind.POINT, 101)
                .variable(RangeVariable.assigned("dummy", "1"))
                .ion(new IonUse("na", List.of("ena"), List.of()))
                .build());
        Section soma = sim.newSection("soma");
        org.jpatch.core.InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.jpatch.core.InvalidValueException.class, () -> sim.newPointProcess("NaProbe", soma, 1.0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("soma(1.0)"), e.getMessage());
        assertEquals(List.of(), soma.mechanisms());
        assertEquals(List.of(), soma.pointProcesses());
        assertEquals("NaProbe[0]", sim.newPointProcess("NaProbe", soma, 0.5).name());
    }
}
