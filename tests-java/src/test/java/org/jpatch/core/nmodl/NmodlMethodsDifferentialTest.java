package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integration methods and solvers beyond cnexp, derivimplicit and sparse, each on a .mod
 * file of resources nmodl/methods built by jpatch and by nrnivmodl: METHOD euler
 * (eulerchan.mod, with and without secondorder) and NONLINEAR blocks solved by newton
 * (nonlin.mod, in INITIAL and at every step), FUNCTION_TABLE (ftable.mod, both ways of
 * giving the values). The density mechanism alone under current
 * clamp (protocol.py there); v and the states must agree to 1e-9 relative at every step,
 * and bit for bit where no exp decides the last bit (Java's Math.exp rounds some
 * arguments otherwise than glibc's: ftable.mod's cnexp step).
 *
 * <p>Needs {@code JPATCH_NEURON_PYTHON} (as {@link NeuronDifferentialTest}); skipped,
 * saying why, without it.
 */
class NmodlMethodsDifferentialTest {
    private static final String[] FILES = {"eulerchan.mod", "nonlin.mod", "ftable.mod"};
    /** ftable.mod's tables, as protocol.py sets them: tau [ms] on an even grid from -100 to 50 mV... */
    private static final double[] FTAB_TAU = {5, 4, 3, 1.5, 0.8, 1.2, 2.5, 4, 6, 7, 7.5, 8, 8, 8, 8, 8};
    /** ...and minf at the given voltages [mV]. */
    private static final double[] FTAB_MINF_V = {-100, -80, -70, -62, -55, -50, -40, -20, 0, 40};
    private static final double[] FTAB_MINF = {0, 0.01, 0.05, 0.12, 0.3, 0.5, 0.8, 0.95, 0.99, 1};

    private static Path work;
    private static String python;
    private static Path library;

    @BeforeAll
    static void buildWithNrnivmodl() throws Exception {
        python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (python == null) {
            System.out.println("NmodlMethodsDifferentialTest skipped: set JPATCH_NEURON_PYTHON");
            return;
        }
        work = Files.createTempDirectory("jpatch-methods");
        List<Path> sources = new ArrayList<>();
        for (String file : FILES) {
            sources.add(resource(file));
        }
        library = ExternalRuns.nrnivmodl(work, python, sources.toArray(Path[]::new));
    }

    @AfterAll
    static void removeBuild() throws IOException {
        ExternalRuns.deleteTree(work);
    }

    @ParameterizedTest(name = "{0} secondorder {2}")
    @CsvSource({
        "eulerchan.mod, eulerchan, 0, m h, true",
        "eulerchan.mod, eulerchan, 1, m h, true",
        "nonlin.mod, nonlin, 0, u w, true",
        "ftable.mod, ftab, 0, m, false",
    })
    void compiledMechanismGivesNeuronsTraces(String file, String mechanism, int secondorder, String states,
                                             boolean bitForBit) throws Exception {
        Assumptions.assumeTrue(library != null, "JPATCH_NEURON_PYTHON unset");
        List<String> names = List.of(states.split(" "));
        Map<String, List<Double>> mine = jpatchTraces(file, mechanism, secondorder, names);
        List<String> command = new ArrayList<>(List.of(python, resource("protocol.py").toString(),
                library.toString(), mechanism, Integer.toString(secondorder)));
        command.addAll(names);
        Map<String, List<Double>> neuron = new LinkedHashMap<>();
        for (String line : ExternalRuns.run(work, 120, command.toArray(new String[0])).split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && mine.containsKey(parts[0])) {
                neuron.computeIfAbsent(parts[0], l -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
            }
        }
        assertEquals(mine.keySet(), neuron.keySet(), "what NEURON recorded");
        for (String label : mine.keySet()) {
            List<Double> expected = neuron.get(label), actual = mine.get(label);
            assertEquals(expected.size(), actual.size(), label + ": number of values");
            double worst = 0;
            for (int i = 0; i < expected.size(); i++) {
                double e = expected.get(i), a = actual.get(i);
                double difference = e == a ? 0 : Math.abs(e - a) / Math.max(Math.abs(e), 1e-300);
                worst = Math.max(worst, Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference);
            }
            System.out.println("NmodlMethodsDifferentialTest " + mechanism + " secondorder " + secondorder + " "
                    + label + ": " + expected.size() + " values, worst relative difference " + worst);
            assertTrue(worst <= (bitForBit ? 0.0 : 1e-9), label + ": worst relative difference " + worst);
        }
    }

    private static Map<String, List<Double>> jpatchTraces(String file, String mechanism, int secondorder,
                                                          List<String> states) throws Exception {
        Simulation sim = new Simulation();
        MechanismType type = new NmodlCompiler().translate(resource(file)).registerIn(sim.catalogue());
        if (sim.kernel(type) instanceof FunctionTables tables) {
            tables.functionTable("tauft").setGrid(FTAB_TAU, new int[] {FTAB_TAU.length}, new double[] {-100},
                    new double[] {50});
            tables.functionTable("minfft").setPoints(FTAB_MINF, FTAB_MINF_V);
        }
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert(mechanism);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 1);
        stim.set("dur", 5);
        stim.set("amp", 0.1);
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        sim.setGlobal("secondorder", secondorder);
        Map<String, List<Double>> traces = new LinkedHashMap<>();
        traces.put("v", new ArrayList<>());
        states.forEach(s -> traces.put(s, new ArrayList<>()));
        sim.finitialize(-65);
        do {
            traces.get("v").add(soma.get("v", 0.5));
            for (String s : states) {
                traces.get(s).add(soma.get(s + "_" + mechanism, 0.5));
            }
            if (sim.t() >= 10 - sim.dt() / 2) {
                break;
            }
            sim.fadvance();
        } while (true);
        return traces;
    }

    private static Path resource(String name) throws Exception {
        return Path.of(NmodlMethodsDifferentialTest.class.getResource("/nmodl/methods/" + name).toURI());
    }


}
