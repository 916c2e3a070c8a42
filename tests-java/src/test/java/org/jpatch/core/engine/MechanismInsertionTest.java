package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.UnknownMechanismException;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** insert / uninsert as NEURON: ions come with their users and stay. */
class MechanismInsertionTest {

    @Test
    void insertingHhAlsoInsertsItsIonsWithNeuronsDefaults() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        assertEquals(List.of("na_ion", "k_ion", "hh"), soma.mechanisms());
        assertEquals(50.0, soma.get("ena", 0.5));
        assertEquals(-77.0, soma.get("ek", 0.5));
        assertEquals(10.0, soma.get("nai", 0.5));
        assertEquals(54.4, soma.get("ki", 0.5));
        assertEquals(0.12, soma.get("gnabar_hh", 0.5));
    }

    @Test
    void uninsertingAnIonIsRefusedAndChangesNothing() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        long version = sim.structureVersion();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> soma.uninsert("na_ion"));
        assertTrue(e.getMessage().contains("na_ion"), e.getMessage());
        assertEquals(List.of("na_ion", "k_ion", "hh"), soma.mechanisms());
        assertEquals(version, sim.structureVersion());
    }

    @Test
    void uninsertingHhKeepsTheIonsAsNeuron() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        soma.uninsert("hh");
        assertFalse(soma.has("hh"));
        assertEquals(List.of("na_ion", "k_ion"), soma.mechanisms());
        sim.finitialize(-65);
        sim.fadvance();
        assertEquals(0.0, soma.get("ina", 0.5));
    }

    @Test
    void capacitanceAndPointProcessesCannotBeInserted() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        assertThrows(UnknownMechanismException.class, () -> soma.insert("capacitance"));
        assertThrows(UnknownMechanismException.class, () -> soma.insert("IClamp"));
        assertEquals(List.of(), soma.mechanisms());
    }
}
