package org.jpatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jpatch.reference.TraceAgreement.TraceDifference;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The differential tests' comparison itself: it must fail on every kind of disagreement. */
class TraceAgreementTest {
    private static final double[] TIME = {0.0, 0.025, 0.05, 0.075};
    private static final double[] NEURON_V = {-65.0, -64.9, -64.8, -64.7};

    private static ReferenceScenario scenario() {
        return new ReferenceScenario("synthetic", List.of(), TIME.length,
                Map.of("t", TIME, "soma(0.5).v", NEURON_V), List.of());
    }

    @Test
    void compareReportsTheFirstSampleBeyondTheBoundWithItsTime() {
        double[] engine = {-65.0, -64.9 + 5e-10, -64.8 + 2e-9, -64.7 + 3e-9};
        TraceDifference d = TraceAgreement.compare("v", NEURON_V, engine, TIME);
        assertEquals(2, d.firstDiverging());
        assertEquals(0.05, d.time());
        assertEquals(-64.8, d.neuron());
        assertEquals(3e-9, d.maxAbs(), 1e-13); // -64.7 + 3e-9 is rounded to 1.4e-14
    }

    @Test
    void compareAcceptsDifferencesWithinTheBound() {
        double[] engine = {-65.0, -64.9 + 9e-10, -64.8 - 9e-10, -64.7};
        assertEquals(-1, TraceAgreement.compare("v", NEURON_V, engine, TIME).firstDiverging());
    }

    @Test
    void compareTreatsNaNFromTheEngineAsDiverging() {
        double[] engine = {-65.0, Double.NaN, -64.8, -64.7};
        assertEquals(1, TraceAgreement.compare("v", NEURON_V, engine, TIME).firstDiverging());
    }

    @Test
    void tracesWithAnotherSampleCountFail() {
        Map<String, double[]> engine = Map.of("t", TIME, "soma(0.5).v", new double[] {-65.0, -64.9, -64.8});
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TraceAgreement.assertTracesAgree(scenario(), engine));
        assertTrue(e.getMessage().contains("3 samples, NEURON 4"), e.getMessage());
    }

    @Test
    void aTraceTheEngineDidNotRecordFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TraceAgreement.assertTracesAgree(scenario(), Map.of("t", TIME)));
        assertTrue(e.getMessage().contains("soma(0.5).v: not recorded"), e.getMessage());
    }

    @Test
    void identicalTracesPass() {
        TraceAgreement.assertTracesAgree(scenario(), Map.of("t", TIME, "soma(0.5).v", NEURON_V.clone()));
    }

    @Test
    void anEngineRunAtAnotherCelsiusDoesNotMatchNeuron() {
        ReferenceScenario neuron = ReferenceScenario.load("hh_soma_train_table1");
        List<JsonNode> warmer = neuron.operations().stream()
                .map(op -> "celsius".equals(op.path("name").asText()) ? ((ObjectNode) op.deepCopy()).put("value", 6.4) : op)
                .toList();
        ReferenceScenario altered = new ReferenceScenario(
                neuron.name() + " run at 6.4 degC", warmer, neuron.samples(), neuron.traces(), neuron.geometry());
        Map<String, double[]> engine = ScenarioOnEngine.run(altered).traces();
        assertThrows(AssertionFailedError.class, () -> TraceAgreement.assertTracesAgree(altered, engine));
    }
}
