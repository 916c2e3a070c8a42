package org.jpatch.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.model.Section;
import org.jpatch.reference.ReferenceScenario.SectionGeometry;
import org.jpatch.reference.ReferenceScenario.SegmentGeometry;

/** Compares the engine's L and per-segment area, ri, diam with NEURON's, relatively. */
final class GeometryAgreement {
    /** Largest accepted |engine − NEURON| / |NEURON| for L, area, ri and diam. */
    static final double MAX_RELATIVE_DIFFERENCE = 1e-12;

    private GeometryAgreement() {}

    /** Builds the scenario on the engine (and runs it) and asserts NEURON's geometry. */
    static void assertEngineGeometryEqualsNeuron(ReferenceScenario scenario) {
        ScenarioOnEngine engine = ScenarioOnEngine.run(scenario);
        List<String> problems = new ArrayList<>();
        double worst = 0;
        int values = 0;
        for (SectionGeometry expected : scenario.geometry()) {
            Section sec = engine.section(expected.section());
            if (sec.nseg() != expected.segments().size()) {
                problems.add(String.format("%s: nseg %d, NEURON %d", expected.section(), sec.nseg(),
                        expected.segments().size()));
                continue;
            }
            worst = Math.max(worst, check(problems, expected.section() + ".L", expected.length(), sec.L()));
            values++;
            for (SegmentGeometry seg : expected.segments()) {
                String at = expected.section() + "(" + seg.x() + ")";
                worst = Math.max(worst, check(problems, at + ".area", seg.area(), sec.area(seg.x())));
                worst = Math.max(worst, check(problems, at + ".ri", seg.ri(), sec.ri(seg.x())));
                worst = Math.max(worst, check(problems, at + ".diam", seg.diam(), sec.diam(seg.x())));
                values += 3;
            }
        }
        System.out.printf("[reference] %s geometry: %d values, max relative Δ %.3g%n", scenario.name(), values, worst);
        assertTrue(problems.isEmpty(),
                () -> scenario.name() + " geometry differs from NEURON:\n  " + String.join("\n  ", problems));
    }

    /** Records a problem when the relative difference is too large (or NaN); returns it. */
    private static double check(List<String> problems, String what, double neuron, double engine) {
        double relative = Math.abs(engine - neuron) / Math.abs(neuron);
        if (!(relative <= MAX_RELATIVE_DIFFERENCE)) {
            problems.add(String.format("%s: NEURON %s, engine %s (relative Δ %.3g)", what, neuron, engine, relative));
        }
        return relative;
    }
}
