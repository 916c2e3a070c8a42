package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** ismembrane (SectionFunctions') and lambda_f; the expected numbers are NEURON 9.0.2's (stdlib.hoc's lambda_f). */
class CableFunctionsTest {
    private final Simulation sim = new Simulation();
    private final HocRegistry registry = HocRegistry.standard(sim);

    private Object call(String name, Section sec, Object... values) {
        return registry.call(name, HocArgs.of(name, Map.of("sec", sec), values));
    }

    @Test
    void ismembraneIsOneForInsertedMechanismsTheirIonsAndWhatEverySectionHas() {
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        assertEquals(1.0, call("ismembrane", soma, "hh"));
        assertEquals(1.0, call("ismembrane", soma, "na_ion"));
        assertEquals(1.0, call("ismembrane", soma, "capacitance"));
        assertEquals(0.0, call("ismembrane", soma, "pas"));
        assertEquals(0.0, call("ismembrane", soma, "IClamp"));
        assertEquals(0.0, call("ismembrane", soma, "nosuchmechanism"));
        HocArgumentException notAString = assertThrows(HocArgumentException.class, () -> call("ismembrane", soma, 3.0));
        assertTrue(notAString.getMessage().contains("ismembrane argument 1"), notAString.getMessage());
    }

    @Test
    void lambdaFWithoutPointsUsesTheDiameterAtTheMiddle() {
        Section b2 = sim.newSection("b2");
        b2.setL(1200);
        b2.setDiam(4);
        b2.setRa(35.4);
        b2.setCm(0.8);
        // NEURON: lambda_f(100, sec=b2) in scenarios/lambda_f_d_lambda.py
        assertEquals(1060.1771487856029, (double) call("lambda_f", b2, 100.0), 1e-12);
    }

    @Test
    void lambdaFWithPointsIntegratesAlongThem() {
        Section axon = sim.newSection("axon");
        axon.pt3dadd(0, 0, 0, 2);
        axon.pt3dadd(10, 2, 0, 1.8);
        axon.pt3dadd(25, 3, 4, 1.2);
        axon.pt3dadd(55, -6, 9, 0.9);
        // NEURON 9.0.2, lambda_f(100, sec=axon) on these points (kept in single precision, as NEURON's)
        assertEquals(533.7347679682753, (double) call("lambda_f", axon, 100.0), 1e-12);
    }

    @Test
    void lambdaFRefusesWhatHocRefuses() {
        Section zero = sim.newSection("zero");
        zero.pt3dadd(0, 0, 0, 0);
        zero.pt3dadd(10, 0, 0, 1);
        HocExecError diameter = assertThrows(HocExecError.class, () -> call("lambda_f", zero, 100.0));
        assertTrue(diameter.getMessage().contains("0 diameter for 3d point 0 of zero"), diameter.getMessage());
        Section plain = sim.newSection("plain");
        assertThrows(HocExecError.class, () -> call("lambda_f", plain, 0.0));
        assertThrows(HocArgumentException.class, () -> call("lambda_f", plain, "fast"));
        assertThrows(HocArgumentException.class, () -> call("lambda_f", plain));
    }
}
