package org.jpatch.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models of tools/reference/record/gen_record_play.py, built on the engine: every
 * recorded vector must have NEURON's sample count and values within 1e-9.
 */
class RecordPlayReferenceTest {
    private static final double TOLERANCE = 1e-9;
    private static JsonNode reference;

    @BeforeAll
    static void loadReference() throws IOException {
        try (InputStream in = RecordPlayReferenceTest.class.getResourceAsStream("record_play.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    private static Simulation simulation() {
        Simulation sim = new Simulation();
        sim.setGlobal("celsius", 6.3);
        sim.setGlobal("dt", 0.025);
        return sim;
    }

    private static Section passiveSoma(Simulation sim) {
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("pas");
        return soma;
    }

    private static PointProcess iclamp(Simulation sim, Section sec, double del, double dur, double amp) {
        PointProcess stim = sim.newPointProcess("IClamp", sec, 0.5);
        stim.set("del", del);
        stim.set("dur", dur);
        stim.set("amp", amp);
        return stim;
    }

    @Test
    void everyStepDtAndTimeVectorRecordingsEqualNeuron() {
        Simulation sim = simulation();
        Section soma = passiveSoma(sim);
        PointProcess stim = iclamp(sim, soma, 0.5, 1.0, 0.3);
        Vector tv = Vector.of(0, 0.0125, 0.3, 0.31, 0.5, 1.99, 2.0, 2.5);
        Map<String, Vector> vecs = new LinkedHashMap<>();
        vecs.put("t", new Vector().record(sim, sim.globalRef("t")));
        vecs.put("v", new Vector().record(sim, sim.ref(soma, 0.5, "v")));
        vecs.put("i", new Vector().record(sim, sim.ref(stim, "i")));
        vecs.put("v_dt0.1", new Vector().record(sim, sim.ref(soma, 0.5, "v"), 0.1));
        vecs.put("v_dt0.07", new Vector().record(sim, sim.ref(soma, 0.5, "v"), 0.07));
        vecs.put("t_dt0.1", new Vector().record(sim, sim.globalRef("t"), 0.1));
        vecs.put("v_tvec", new Vector().record(sim, sim.ref(soma, 0.5, "v"), tv));
        sim.finitialize(-65);
        sim.continuerun(2);
        assertMatches("record_kinds", vecs);
    }

    @Test
    void stepPlayAtTimeZeroAndContinuousPlayPastItsEndEqualNeuron() {
        Simulation sim = simulation();
        Section soma = passiveSoma(sim);
        PointProcess step = iclamp(sim, soma, 0, 1e9, 0);
        PointProcess cont = iclamp(sim, soma, 0, 1e9, 0);
        Vector.of(0.2, -0.1, 0.4).play(sim, sim.ref(step, "amp"), Vector.of(0, 0.7, 0.7125));
        Vector.of(0.1, 0.3, 0.0, -0.2).play(sim, sim.ref(cont, "amp"), Vector.of(0, 0.4, 0.4, 1.1), true);
        Map<String, Vector> vecs = new LinkedHashMap<>();
        vecs.put("v", new Vector().record(sim, sim.ref(soma, 0.5, "v")));
        vecs.put("step_i", new Vector().record(sim, sim.ref(step, "i")));
        vecs.put("cont_amp", new Vector().record(sim, sim.ref(cont, "amp")));
        vecs.put("cont_amp_dt0.05", new Vector().record(sim, sim.ref(cont, "amp"), 0.05));
        sim.finitialize(-65);
        sim.continuerun(2);
        assertMatches("play_into_iclamp", vecs);
    }

    @Test
    void intervalPlayIntoARangeParameterAndContinuousPlayIntoVoltageEqualNeuron() {
        Simulation sim = simulation();
        Section soma = passiveSoma(sim);
        Vector.of(-70, -40, -90, -60).play(sim, sim.ref(soma, 0.5, "e_pas"), 0.3);
        Section dend = sim.newSection("dend");
        dend.insert("pas");
        Vector.of(-65, -20, -20, -80).play(sim, sim.ref(dend, 0.5, "v"), Vector.of(0.2, 0.6, 1.0, 1.5), true);
        Map<String, Vector> vecs = new LinkedHashMap<>();
        vecs.put("v", new Vector().record(sim, sim.ref(soma, 0.5, "v")));
        vecs.put("e_pas", new Vector().record(sim, sim.ref(soma, 0.5, "e_pas")));
        vecs.put("dend_v", new Vector().record(sim, sim.ref(dend, 0.5, "v")));
        sim.finitialize(-65);
        sim.continuerun(2);
        assertMatches("play_parameter_dt", vecs);
    }

    @Test
    void continuousPlayWithDiscontinuityIndicesEqualsNeuron() {
        Simulation sim = simulation();
        Section soma = passiveSoma(sim);
        PointProcess a = iclamp(sim, soma, 0, 1e9, 0);
        PointProcess b = iclamp(sim, soma, 0, 1e9, 0);
        Vector.of(0, 0.5, -0.5, 0.2, 0.4).play(sim, sim.ref(a, "amp"), Vector.of(0.1, 0.3, 0.3, 0.8, 1.2), Vector.of(2));
        Vector.of(0.3, -0.3, 0.1).play(sim, sim.ref(b, "amp"), Vector.of(0, 0.5, 1.0), new Vector());
        Map<String, Vector> vecs = new LinkedHashMap<>();
        vecs.put("v", new Vector().record(sim, sim.ref(soma, 0.5, "v")));
        vecs.put("a_amp", new Vector().record(sim, sim.ref(a, "amp")));
        vecs.put("a_amp_dt0.05", new Vector().record(sim, sim.ref(a, "amp"), 0.05));
        vecs.put("b_amp", new Vector().record(sim, sim.ref(b, "amp")));
        sim.finitialize(-65);
        sim.continuerun(2);
        assertMatches("play_discontinuities", vecs);
    }

    @Test
    void hhStatesAndCurrentsRecordedAcrossTwoInitialisationsEqualNeuron() {
        Simulation sim = simulation();
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        iclamp(sim, soma, 0.2, 2, 0.5);
        Map<String, Vector> vecs = new LinkedHashMap<>();
        vecs.put("m_hh", new Vector().record(sim, sim.ref(soma, 0.5, "m_hh")));
        vecs.put("ina", new Vector().record(sim, sim.ref(soma, 0.5, "ina")));
        vecs.put("ik_dt0.05", new Vector().record(sim, sim.ref(soma, 0.5, "ik"), 0.05));
        vecs.put("v", new Vector().record(sim, sim.ref(soma, 0.5, "v")));
        sim.finitialize(-65);
        sim.continuerun(1);
        sim.finitialize(-65);
        sim.continuerun(3);
        assertMatches("hh_states", vecs);
    }

    private static void assertMatches(String scenario, Map<String, Vector> vecs) {
        JsonNode traces = reference.get(scenario).get("traces");
        assertEquals(traces.size(), vecs.size(), scenario + ": trace count");
        for (Map.Entry<String, Vector> entry : vecs.entrySet()) {
            JsonNode expected = traces.get(entry.getKey());
            Vector actual = entry.getValue();
            String label = scenario + " " + entry.getKey();
            assertEquals(expected.size(), actual.size(), label + ": sample count");
            double worst = 0;
            int worstAt = -1;
            for (int i = 0; i < expected.size(); i++) {
                double diff = Math.abs(Double.parseDouble(expected.get(i).asText()) - actual.get(i));
                if (!(diff <= worst)) {
                    worst = diff;
                    worstAt = i;
                }
            }
            final int at = worstAt;
            final double max = worst;
            assertTrue(max <= TOLERANCE,
                    () -> label + ": max |NEURON - engine| = " + max + " at sample " + at
                            + " (NEURON " + expected.get(at).asText() + ", engine " + actual.get(at) + ")");
        }
    }
}
