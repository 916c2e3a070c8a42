package org.jpatch.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the engine's traces with NEURON's, sample by sample, and fails with the first
 * diverging sample of every trace that disagrees (for whoever debugs the engine).
 */
final class TraceAgreement {
    /** Largest accepted |engine − NEURON| per sample, in the trace's own unit (mV, ms, mA/cm², nA, 1). */
    static final double MAX_ABS_DIFFERENCE = 1e-9;

    private TraceAgreement() {}

    /** One trace's agreement: the largest difference and where it first exceeded the bound (-1: never). */
    record TraceDifference(String label, double maxAbs, int firstDiverging, double neuron, double engine, double time) {
        String describe() {
            String head = String.format("%s: max |Δ| %.3g", label, maxAbs);
            return firstDiverging < 0 ? head
                    : head + String.format(" — first beyond %.0e at sample %d (t = %s ms): NEURON %s, engine %s",
                    MAX_ABS_DIFFERENCE, firstDiverging, time, neuron, engine);
        }
    }

    /** Runs the scenario on the engine and asserts every NEURON trace is reproduced. */
    static void assertEngineReproduces(ReferenceScenario scenario) {
        Map<String, double[]> engine = ScenarioOnEngine.run(scenario).traces();
        assertTracesAgree(scenario, engine);
    }

    static void assertTracesAgree(ReferenceScenario scenario, Map<String, double[]> engine) {
        double[] neuronTime = scenario.traces().get("t");
        List<String> problems = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : scenario.traces().entrySet()) {
            String label = entry.getKey();
            double[] expected = entry.getValue();
            double[] actual = engine.get(label);
            if (actual == null) {
                problems.add(label + ": not recorded by the engine");
                continue;
            }
            if (actual.length != expected.length) {
                problems.add(String.format("%s: %d samples, NEURON %d", label, actual.length, expected.length));
            }
            TraceDifference difference = compare(label, expected, actual, neuronTime);
            report.add(difference.describe());
            if (difference.firstDiverging() >= 0) {
                problems.add(difference.describe());
            }
        }
        System.out.println("[reference] " + scenario.name() + " (" + scenario.samples() + " samples): "
                + String.join("; ", report));
        assertTrue(problems.isEmpty(),
                () -> scenario.name() + " differs from NEURON:\n  " + String.join("\n  ", problems));
    }

    /** Compares the common prefix of two traces. */
    static TraceDifference compare(String label, double[] neuron, double[] engine, double[] neuronTime) {
        int n = Math.min(neuron.length, engine.length);
        double maxAbs = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            double abs = Math.abs(engine[i] - neuron[i]);
            // NaN in the engine counts as diverging.
            if (!(abs <= MAX_ABS_DIFFERENCE) && first < 0) {
                first = i;
            }
            maxAbs = Math.max(maxAbs, abs); // NaN propagates
        }
        if (first < 0) {
            return new TraceDifference(label, maxAbs, -1, Double.NaN, Double.NaN, Double.NaN);
        }
        return new TraceDifference(label, maxAbs, first, neuron[first], engine[first], neuronTime[first]);
    }
}
