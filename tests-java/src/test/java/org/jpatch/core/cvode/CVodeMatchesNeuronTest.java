package org.jpatch.core.cvode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.event.VectorSpikeRecord;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.nmodl.ExternalRuns;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.solve.cvode.CVode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The variable step against NEURON 9.0.2's {@code cvode.active(1)}, step by step: the
 * same model in both, finitialize then fadvance while t < tstop, a row of t, v and hh
 * states after each. The step sequence must be NEURON's (same number of rows, every t
 * within 1e-6 ms) and every value within 1e-6 (mV, or states), and the counts of
 * cvode.statistics() (advance_tn, init, f evaluations, mx=b solves, jacobian setups) equal. IClamp's onset and end
 * are at_time stop points, so each scenario also exercises the stop-and-restart there.
 *
 * <p>Measured (NEURON 9.0.2): passive 69 steps bit for bit; hh_soma (rates computed,
 * usetable_hh = 0) 278 steps, identical to the last bit up to step 175 (t = 15.08 ms),
 * where Java's Math.exp and glibc's exp first round a rate differently, worst |Δv| 1.5e-7
 * mV after; hh_axon (TABLE on) 496 steps, worst |Δv| 1.2e-8 mV. With the TABLE on, hh_soma
 * first differs at step 24 (h_hh's correction, 3e-14 relative) for the same reason: 4 of the
 * 201 rows of hh's table, built with exp, differ from NEURON's in the last bit; in that
 * soma's spike the difference grows to 1.5e-6 mV (step 100), so that variant is not asserted.
 *
 * <p>Needs {@code JPATCH_NEURON_PYTHON} (a Python with NEURON 9.0.2); skipped without.
 */
class CVodeMatchesNeuronTest {
    private static final double TIME_TOLERANCE = 1e-6;   // [ms]
    private static final double VALUE_TOLERANCE = 1e-6;  // [mV] and state units

    @ParameterizedTest
    @ValueSource(strings = {"passive", "hh_soma", "hh_axon", "network", "nmodl_cnexp"})
    void stepSequenceAndValuesAreNeurons(String scenario) throws Exception {
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        Assumptions.assumeTrue(python != null, "JPATCH_NEURON_PYTHON unset");
        Path protocol = Path.of(getClass().getResource("/cvode/protocol.py").toURI());
        Model model = build(scenario, protocol.getParent());
        List<double[]> mine = run(model);
        int columns = mine.get(0).length;
        List<String> command = new ArrayList<>(List.of(python, protocol.toString(), scenario));
        if (scenario.equals("nmodl_cnexp")) {
            command.add(nrnivmodlBuild(python, protocol.getParent().resolve("cvgate.mod")).toString());
        }
        String output = ExternalRuns.run(protocol.getParent(), 300, command.toArray(new String[0]));
        List<double[]> neuron = ExternalRuns.rows(output, columns);

        int common = Math.min(neuron.size(), mine.size());
        double worstT = 0, worstValue = 0;
        for (int step = 0; step < common; step++) {
            double[] e = neuron.get(step), a = mine.get(step);
            double dt = Math.abs(e[0] - a[0]);
            assertTrue(dt <= TIME_TOLERANCE, scenario + ": first differing step " + step
                    + ": NEURON t = " + e[0] + ", jpatch t = " + a[0]);
            worstT = Math.max(worstT, dt);
            for (int j = 1; j < columns; j++) {
                double d = Math.abs(e[j] - a[j]);
                assertTrue(d <= VALUE_TOLERANCE, scenario + ": column " + j + " at step " + step
                        + " (t = " + e[0] + "): NEURON " + e[j] + ", jpatch " + a[j]);
                worstValue = Math.max(worstValue, d);
            }
        }
        assertEquals(neuron.size(), mine.size(), scenario + ": number of steps");
        double worstRecord = 0;
        for (java.util.Map.Entry<String, Vector> r : model.records.entrySet()) {
            double[] expected = numbersAfter(output, r.getKey());
            Vector got = r.getValue();
            assertEquals(expected.length, got.size(), scenario + ": " + r.getKey() + " samples");
            for (int k = 0; k < expected.length; k++) {
                double d = Math.abs(expected[k] - got.get(k));
                assertTrue(d <= VALUE_TOLERANCE, scenario + ": " + r.getKey() + "[" + k + "]: NEURON " + expected[k]
                        + ", jpatch " + got.get(k));
                worstRecord = Math.max(worstRecord, d);
            }
        }
        CVode.Statistics stats = model.sim.cvode().statistics();
        assertEquals(count(output, "(\\d+) advance_tn"), stats.advanceCalls(), scenario + ": advance_tn");
        assertEquals(count(output, "(\\d+) init"), stats.initCalls(), scenario + ": inits");
        assertEquals(count(output, "(\\d+) function evaluations"), stats.rhsCalls(), scenario + ": f evaluations");
        assertEquals(count(output, "(\\d+) mx=b solves"), stats.solveCalls(), scenario + ": mx=b solves");
        assertEquals(count(output, "(\\d+) jacobian setups"), stats.setups(), scenario + ": jacobian setups");
        assertEquals(count(output, "(\\d+) interpolate"), stats.interpolateCalls(), scenario + ": interpolations");
        double worstSpike = 0;
        if (model.spikes != null) {
            double[] expected = numbersAfter(output, "SPIKES");
            assertEquals(expected.length, model.spikes.size(), scenario + ": spike count");
            for (int k = 0; k < expected.length; k++) {
                double d = Math.abs(expected[k] - model.spikes.get(k));
                assertTrue(d <= TIME_TOLERANCE, scenario + ": spike " + k + ": NEURON " + expected[k] + ", jpatch "
                        + model.spikes.get(k));
                worstSpike = Math.max(worstSpike, d);
            }
        }
        System.out.println("CVode " + scenario + ": " + (mine.size() - 1) + " fadvance steps as NEURON's, worst |Δt| "
                + worstT + " ms, worst |Δvalue| " + worstValue + ", worst |Δspike| " + worstSpike + " ms, worst |Δrecord| " + worstRecord + "; "
                + model.sim.cvode().statistics());
    }

    /** The numbers of NEURON's output line starting with {@code label}. */
    private static double[] numbersAfter(String output, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + label + " ?(.*)$").matcher(output);
        assertTrue(m.find(), "no " + label + " line from NEURON");
        return m.group(1).isBlank() ? new double[0]
                : java.util.Arrays.stream(m.group(1).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The number cvode.statistics() printed before {@code pattern}'s text. */
    private static long count(String output, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(output);
        assertTrue(m.find(), "no '" + pattern + "' in NEURON's statistics:\n" + output);
        return Long.parseLong(m.group(1));
    }

    /** A scenario of protocol.py built in the engine, with its probes, tstop [ms] and v_init [mV]. */
    private record Model(Simulation sim, List<DoubleSupplier> probes, double tstop, double vInit, Vector spikes,
                         java.util.Map<String, Vector> records) {
        Model(Simulation sim, List<DoubleSupplier> probes, double tstop, double vInit) {
            this(sim, probes, tstop, vInit, null, java.util.Map.of());
        }
    }

    private static Path work;

    /** NEURON's build of a .mod file (nrnivmodl), removed after the tests. */
    private static Path nrnivmodlBuild(String python, Path mod) throws Exception {
        work = java.nio.file.Files.createTempDirectory("jpatch-cvode");
        return ExternalRuns.nrnivmodl(work, python, mod);
    }

    @org.junit.jupiter.api.AfterAll
    static void removeBuild() throws java.io.IOException {
        ExternalRuns.deleteTree(work);
    }

    private static Model build(String scenario, Path resources) throws java.io.IOException {
        Simulation sim = new Simulation();
        List<DoubleSupplier> probes = new ArrayList<>();
        switch (scenario) {
            case "passive" -> {
                Section soma = soma(sim, "pas");
                clamp(sim, soma, 0.5, 1.0, 2.0, 0.1);
                probes.add(() -> soma.get("v", 0.5));
                return new Model(sim, probes, 6.0, -65.0);
            }
            case "hh_soma" -> {
                sim.setGlobal("celsius", 6.3);
                sim.setGlobal("usetable_hh", 0);  // see the class comment
                Section soma = soma(sim, "hh");
                clamp(sim, soma, 0.5, 1.0, 15.0, 0.2);
                probes.add(() -> soma.get("v", 0.5));
                hhStates(probes, soma, 0.5);
                return new Model(sim, probes, 20.0, -65.0);
            }
            case "hh_axon" -> {
                sim.setGlobal("celsius", 18.5);
                Section axon = sim.newSection("axon");
                axon.setL(4000.0);
                axon.setDiam(2.0);
                axon.setRa(100.0);
                axon.setNseg(101);
                axon.insert("hh");
                clamp(sim, axon, 0.005, 1.0, 1.0, 0.5);
                for (double x : new double[] {0.0, 0.005, 0.25, 0.5, 0.75, 0.995, 1.0}) {
                    probes.add(() -> axon.get("v", x));
                }
                hhStates(probes, axon, 0.5);
                return new Model(sim, probes, 10.0, -65.0);
            }
            case "network" -> {
                EventSystem events = EventSystem.attach(sim);
                Section a = soma(sim, "a", "pas"), b = soma(sim, "b", "pas");
                PointProcess synA = sim.newPointProcess("ExpSyn", a, 0.5), synB = sim.newPointProcess("ExpSyn", b, 0.5);
                synA.set("tau", 2.0);
                synB.set("tau", 2.0);
                PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
                stim.set("start", 1.0);
                stim.set("interval", 6.0);
                stim.set("number", 3);
                stim.set("noise", 0);
                NetCon drive = events.newNetCon(stim, synA);
                drive.setWeight(0, 0.01);
                drive.setDelay(1.0);
                NetCon link = events.newNetCon(sim.ref(a, 0.5, "v"), synB);
                link.setThreshold(-60.0);
                link.setWeight(0, 0.01);
                link.setDelay(2.0);
                Vector spikes = new Vector();
                link.record(new VectorSpikeRecord(spikes));
                probes.add(() -> a.get("v", 0.5));
                probes.add(() -> b.get("v", 0.5));
                probes.add(() -> synA.get("g"));
                probes.add(() -> synB.get("g"));
                java.util.Map<String, Vector> records = new java.util.LinkedHashMap<>();
                records.put("REC_T", new Vector().record(sim, sim.globalRef("t")));
                records.put("REC_V", new Vector().record(sim, sim.ref(b, 0.5, "v")));
                records.put("REC_DT", new Vector().record(sim, sim.ref(a, 0.5, "v"), 0.5));
                return new Model(sim, probes, 25.0, -65.0, spikes, records);
            }
            case "nmodl_cnexp" -> {
                new org.jpatch.core.nmodl.NmodlCompiler().translate(resources.resolve("cvgate.mod"))
                        .registerIn(sim.catalogue());
                Section soma = soma(sim, "pas");
                soma.insert("cvgate");
                clamp(sim, soma, 0.5, 1.0, 6.0, 0.15);
                probes.add(() -> soma.get("v", 0.5));
                probes.add(() -> soma.get("n_cvgate", 0.5));
                return new Model(sim, probes, 12.0, -65.0);
            }
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    private static Section soma(Simulation sim, String mechanism) {
        return soma(sim, "soma", mechanism);
    }

    private static Section soma(Simulation sim, String name, String mechanism) {
        Section soma = sim.newSection(name);
        soma.setL(20.0);
        soma.setDiam(20.0);
        soma.insert(mechanism);
        return soma;
    }

    private static void clamp(Simulation sim, Section sec, double x, double delay, double dur, double amp) {
        PointProcess stim = sim.newPointProcess("IClamp", sec, x);
        stim.set("del", delay);
        stim.set("dur", dur);
        stim.set("amp", amp);
    }

    private static void hhStates(List<DoubleSupplier> probes, Section sec, double x) {
        for (String s : new String[] {"m_hh", "h_hh", "n_hh"}) {
            probes.add(() -> sec.get(s, x));
        }
    }

    private static List<double[]> run(Model model) {
        Simulation sim = model.sim;
        sim.cvode().setActive(true);
        sim.finitialize(model.vInit);
        List<double[]> rows = new ArrayList<>();
        rows.add(row(sim, model.probes));
        while (sim.t() < model.tstop) {
            sim.fadvance();
            rows.add(row(sim, model.probes));
        }
        return rows;
    }

    private static double[] row(Simulation sim, List<DoubleSupplier> probes) {
        double[] r = new double[probes.size() + 1];
        r[0] = sim.t();
        for (int j = 0; j < probes.size(); j++) {
            r[j + 1] = probes.get(j).getAsDouble();
        }
        return r;
    }
}
