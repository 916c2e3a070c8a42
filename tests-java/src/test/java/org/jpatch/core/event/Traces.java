package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;

/** Records engine variables every step and compares them with NEURON's traces. */
final class Traces {
    private final Map<String, Vector> recorded = new LinkedHashMap<>();
    private final Simulation sim;

    Traces(Simulation sim) {
        this.sim = sim;
    }

    Traces record(String name, VarRef ref) {
        recorded.put(name, new Vector().record(sim, ref));
        return this;
    }

    /** Every recorded trace equals NEURON's sample for sample within {@code tolerance}. */
    void assertAgree(JsonNode neuronTraces, double tolerance) {
        for (Map.Entry<String, Vector> e : recorded.entrySet()) {
            double[] expected = ReferenceData.doubles(neuronTraces.get(e.getKey()));
            double[] actual = e.getValue().toArray();
            assertEquals(expected.length, actual.length, e.getKey() + ": sample count");
            for (int i = 0; i < expected.length; i++) {
                if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                    fail(e.getKey() + " differs first at sample " + i + " (t = " + recorded.values().iterator().next().get(i)
                            + "): NEURON " + expected[i] + ", engine " + actual[i]);
                }
            }
        }
    }
}
