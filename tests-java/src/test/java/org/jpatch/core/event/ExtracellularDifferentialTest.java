package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NEURON's extracellular layers against real NEURON 9.0.2 (tools/reference/events/
 * gen_extracellular.py): a cable stimulated through e_extracellular played from Vectors
 * (a biphasic pulse shaped by a point source's field), with NEURON's default layers, with
 * finite xg, xc and xraxial, with a branch that has no layers, and with an IClamp and an
 * SEClamp at nodes with layers under secondorder 2. NEURON solves this
 * matrix with sparse13's LU, jpatch by blocks along the tree: the same system, other
 * rounding, so traces agree to a bound, not to the bit.
 */
class ExtracellularDifferentialTest {
    private static final double TOLERANCE = 1e-9; // [mV], [mA/cm²]
    private static final JsonNode REF = ReferenceData.load("extracellular.json");
    private static final double[] PULSE_T = {0, 1, 1.0001, 1.5, 1.5001, 2, 2.0001, 100};   // [ms]
    private static final double[] PULSE_UNIT = {0, 0, 1, 1, -0.5, -0.5, 0, 0};

    private static double field(double x) {
        return 40.0 / Math.sqrt((x - 0.3) * (x - 0.3) + 0.01);
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults_hh", "finite_layers_pas", "finite_layers_hh", "clamps_secondorder2"})
    void cableStimulatedThroughTheLayersFollowsNeuron(String scenario) {
        JsonNode ref = REF.get(scenario);
        JsonNode args = ref.get("args");
        int nseg = args.get("nseg").asInt();
        Simulation sim = new Simulation();
        sim.setGlobal("celsius", 6.3);
        sim.setGlobal("dt", 0.025);
        sim.setGlobal("secondorder", args.has("secondorder") ? args.get("secondorder").asDouble() : 0);
        Section sec = sim.newSection(scenario);
        sec.setL(400);
        sec.setDiam(2);
        sec.setNseg(nseg);
        sec.insert(args.get("hh").asBoolean() ? "hh" : "pas");
        sec.insert("extracellular");
        List<Double> xs = new ArrayList<>();
        for (int k = 0; k < nseg; k++) {
            double x = (k + 0.5) / nseg;
            xs.add(x);
            for (int j = 0; j < 2; j++) {
                sec.set("xraxial[" + j + "]", x, args.get("xraxial").get(j).asDouble());
                sec.set("xg[" + j + "]", x, args.get("xg").get(j).asDouble());
                sec.set("xc[" + j + "]", x, args.get("xc").get(j).asDouble());
            }
        }
        Section branch = null;
        if (args.has("child") && args.get("child").asBoolean()) {
            branch = sim.newSection(scenario + "_branch");
            branch.setL(100);
            branch.setDiam(1);
            branch.setNseg(3);
            branch.insert("pas");
            branch.connect(sec, 0.5, 0);
        }
        PointProcess seclamp = null;
        if (args.has("clamps") && args.get("clamps").asBoolean()) {
            PointProcess iclamp = sim.newPointProcess("IClamp", sec, 0.2);
            iclamp.set("del", 0.5);
            iclamp.set("dur", 3);
            iclamp.set("amp", 0.3);
            seclamp = sim.newPointProcess("SEClamp", sec, 0.8);
            seclamp.set("dur1", 4);
            seclamp.set("amp1", -50);
            seclamp.set("rs", 2);
        }
        Vector tvec = new Vector(PULSE_T);
        for (double x : xs) {
            double[] values = new double[PULSE_UNIT.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = PULSE_UNIT[i] * field(x);
            }
            new Vector(values).play(sim, sim.ref(sec, x, "e_extracellular"), tvec, true);
        }
        Map<String, Vector> traces = new LinkedHashMap<>();
        traces.put("t", new Vector().record(sim, sim.globalRef("t")));
        for (int k : new int[] {0, nseg / 2, nseg - 1}) {
            double x = xs.get(k);
            traces.put("v" + k, record(sim, sim.ref(sec, x, "v")));
            traces.put("vext0_" + k, record(sim, sim.ref(sec, x, "vext[0]")));
            traces.put("vext1_" + k, record(sim, sim.ref(sec, x, "vext[1]")));
            traces.put("imem" + k, record(sim, sim.ref(sec, x, "i_membrane")));
        }
        if (branch != null) {
            traces.put("branch_v", record(sim, sim.ref(branch, 0.5, "v")));
        }
        if (seclamp != null) {
            traces.put("seclamp_i", record(sim, sim.ref(seclamp, "i")));
        }
        sim.finitialize(-65);
        sim.continuerun(6.0);
        double worst = 0;
        for (Map.Entry<String, Vector> e : traces.entrySet()) {
            double[] expected = ReferenceData.doubles(ref.get(e.getKey()));
            double[] actual = e.getValue().toArray();
            assertEquals(expected.length, actual.length, e.getKey() + ": samples");
            for (int i = 0; i < expected.length; i++) {
                double difference = Math.abs(expected[i] - actual[i]);
                worst = Math.max(worst, difference);
                if (!(difference <= TOLERANCE)) {
                    fail(scenario + " " + e.getKey() + " differs first at sample " + i + ": NEURON " + expected[i]
                            + ", engine " + actual[i]);
                }
            }
        }
        System.out.println("ExtracellularDifferentialTest " + scenario + ": worst absolute difference " + worst);
    }

    private static Vector record(Simulation sim, VarRef ref) {
        return new Vector().record(sim, ref);
    }
}
