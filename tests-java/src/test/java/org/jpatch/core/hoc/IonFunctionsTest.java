package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** nernst, ghk and ion_charge; the figures are NEURON 9.0.2's at celsius 6.3. */
class IonFunctionsTest {
    private final Simulation sim = new Simulation();
    private final HocRegistry registry = HocRegistry.standard(sim);

    private Object call(String name, Object... values) {
        return registry.call(name, HocArgs.of(name, values));
    }

    private Object callOn(Section sec, String name, Object... values) {
        return registry.call(name, HocArgs.of(name, Map.of("sec", sec), values));
    }

    @Test
    void nernstOfConcentrationsIsNeuronsAtTheSimulationsCelsius() {
        sim.setGlobal("celsius", 6.3);
        assertEquals(63.55150321937486, (double) call("nernst", 10.0, 140.0, 1.0), 1e-12);
        assertEquals(31.77575160968743, (double) call("nernst", 10.0, 140.0, 2.0), 1e-12);
        assertEquals(1e6, call("nernst", 0.0, 1.0, 1.0));
        assertEquals(-1e6, call("nernst", 1.0, 0.0, 1.0));
        assertEquals(0.0, call("nernst", 1.0, 2.0, 0.0));
        sim.setGlobal("celsius", 37);
        assertEquals(70.53318562708574, (double) call("nernst", 10.0, 140.0, 1.0), 1e-12);
        assertEquals(-35790.00124478822, (double) call("ghk", -65.0, 10.0, 140.0, 1.0), 1e-9);
    }

    @Test
    void nernstOfAnIonVariableReadsTheSectionAtX() {
        sim.setGlobal("celsius", 6.3);
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        assertEquals(63.55150321937486, (double) callOn(soma, "nernst", "ena"), 1e-12);
        assertEquals(-74.1716725122837, (double) callOn(soma, "nernst", "ek"), 1e-12);
        assertEquals(17.554820246530547, (double) callOn(soma, "nernst", "nai"), 1e-12);
        assertEquals(79.7501757545304, (double) callOn(soma, "nernst", "nao"), 1e-12);
        soma.setAll("nai", 20);
        soma.setAll("ena", 40);
        assertEquals(26.59149268124419, (double) callOn(soma, "nernst", "nai"), 1e-12);
        assertEquals(105.29683435089476, (double) callOn(soma, "nernst", "nao"), 1e-12);
        assertEquals(46.859730447891344, (double) callOn(soma, "nernst", "ena", 1.0), 1e-12);
    }

    @Test
    void nernstRefusesWhatNeuronRefuses() {
        Section soma = sim.newSection("soma");
        Section dend = sim.newSection("dend");
        soma.insert("hh");
        HocExecError notIon = assertThrows(HocExecError.class, () -> callOn(soma, "nernst", "ina"));
        assertTrue(notIon.getMessage().contains("ina not a reversal potential"), notIon.getMessage());
        assertThrows(HocExecError.class, () -> callOn(soma, "nernst", "gnabar_hh"));
        HocExecError x = assertThrows(HocExecError.class, () -> callOn(soma, "nernst", "ena", 2.0));
        assertTrue(x.getMessage().contains("2.0"), x.getMessage());
        HocExecError missing = assertThrows(HocExecError.class, () -> callOn(dend, "nernst", "ena"));
        assertEquals("na_ion mechanism not inserted in section dend", missing.getMessage());
        assertThrows(HocArgumentException.class, () -> call("nernst", 1.0, 2.0));
    }

    @Test
    void ionChargeIsTheIonMechanismsCharge() {
        assertEquals(1.0, call("ion_charge", "na_ion"));
        assertEquals(1.0, call("ion_charge", "k_ion"));
        HocExecError e = assertThrows(HocExecError.class, () -> call("ion_charge", "hh"));
        assertEquals("hh is not an ion mechanism", e.getMessage());
        assertThrows(HocExecError.class, () -> call("ion_charge", "na"));
        assertThrows(HocArgumentException.class, () -> call("ion_charge", 3.0));
    }
}
