package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** ismembrane, issection, section_exists, parent_connection, section_orientation as NEURON 9.0.2 answers. */
class SectionFunctionsTest {
    private final Simulation sim = new Simulation();
    private final HocRegistry registry = HocRegistry.standard(sim);

    private Object callOn(Section sec, String name, Object... values) {
        return registry.call(name, HocArgs.of(name, Map.of("sec", sec), values));
    }

    @Test
    void ismembraneSeesInsertedMechanismsTheirIonsAndPointProcessesInTheFirstSegment() {
        Section soma = sim.newSection("soma");
        Section dend = sim.newSection("dend");
        soma.insert("hh");
        sim.newPointProcess("IClamp", soma, 0.5);
        sim.newPointProcess("ExpSyn", dend, 1.0);
        assertEquals(1.0, callOn(soma, "ismembrane", "hh"));
        assertEquals(1.0, callOn(soma, "ismembrane", "na_ion"));
        assertEquals(0.0, callOn(soma, "ismembrane", "pas"));
        assertEquals(0.0, callOn(dend, "ismembrane", "na_ion"));
        assertEquals(1.0, callOn(dend, "ismembrane", "capacitance"));
        assertEquals(1.0, callOn(dend, "ismembrane", "morphology"));
        assertEquals(1.0, callOn(soma, "ismembrane", "IClamp"));
        assertEquals(0.0, callOn(dend, "ismembrane", "ExpSyn"), "x = 1 is the end node, not the first segment");
        assertEquals(0.0, callOn(soma, "ismembrane", "nosuch"));
        assertThrows(HocArgumentException.class, () -> callOn(soma, "ismembrane", 1.0));
    }

    @Test
    void issectionMatchesTheWholeNameWithBracketsLiteral() {
        Section soma = sim.newSection("soma");
        assertEquals(1.0, callOn(soma, "issection", "so.*"));
        assertEquals(1.0, callOn(soma, "issection", "[sd]oma".replace('[', '<').replace(']', '>')));
        assertEquals(0.0, callOn(soma, "issection", "om"));
        assertEquals(0.0, callOn(soma, "issection", "[sd]oma"));
        Section cell = sim.newSection("cell[2].axon");
        assertEquals(1.0, callOn(cell, "issection", "cell[2].*"));
        HocExecError bad = assertThrows(HocExecError.class, () -> callOn(soma, "issection", "(so"));
        assertTrue(bad.getMessage().contains("(so"), bad.getMessage());
    }

    @Test
    void sectionExistsIsFalseForSectionsNoHocCodeDeclared() {
        sim.newSection("soma");
        assertEquals(0.0, registry.call("section_exists", HocArgs.of("section_exists", "soma")));
        assertEquals(0.0, registry.call("section_exists", HocArgs.of("section_exists", "soma", 0.0)));
        assertThrows(HocExecError.class, () -> registry.call("section_exists", HocArgs.of("section_exists", "soma", -1.0)));
        assertThrows(HocArgumentException.class, () -> registry.call("section_exists", HocArgs.of("section_exists", 1.0)));
    }

    @Test
    void parentConnectionAndOrientationAreTheConnectEnds() {
        Section soma = sim.newSection("soma");
        Section child = sim.newSection("child");
        assertEquals(0.0, callOn(soma, "parent_connection"));
        assertEquals(0.0, callOn(soma, "section_orientation"));
        child.connect(soma, 1, 1);
        assertEquals(1.0, callOn(child, "parent_connection"));
        assertEquals(1.0, callOn(child, "section_orientation"));
        child.connect(soma, 0.3, 0);
        assertEquals(0.3, callOn(child, "parent_connection"));
        assertEquals(0.0, callOn(child, "section_orientation"));
    }

    @Test
    void pointerReturningSectionFunctionsAreDeclaredNotProvided() {
        assertTrue(registry.notProvided().containsKey("this_section"));
        assertTrue(registry.notProvided().containsKey("parent_section"));
        assertTrue(registry.notProvided().containsKey("this_node"));
    }
}
