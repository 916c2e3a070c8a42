package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.SingleThreadKernel;
import org.jpatch.core.mech.TwinRangeKernel;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Mechanisms compiled from NMODL take part in the two-thread step when NEURON would run
 * them on several threads, and change no bit by it: a 4,000-node cell with real dbbs
 * channels and synapses (KINETIC, TABLEs, ion currents, cdp5's calcium concentration,
 * NET_RECEIVE) gives the same
 * voltages and states with two threads as with one. Kv7 assigns its GLOBALs inf and tau
 * in the step: they are per thread during a sweep and end as one thread leaves them. A
 * mechanism that is not thread safe keeps the model on one thread, saying why. The dbbs
 * files are read from {@code JPATCH_MOD_DIRS} (as {@link RealModFilesTest}); without them
 * those cases are skipped.
 */
class TwoThreadNmodlTest {
    private static final List<String> CHANNELS = List.of("Na__granule_cell", "Kv3_4__0", "Kv1_1__0", "HCN1__0",
            "Leak__0", "Cav2_3__0", "Kca1_1__0", "Km__granule_cell", "Kv4_3__0", "Kv7__0", "cdp5__0");
    private static final List<String> SYNAPSES = List.of("AMPA__0", "GABA__0");
    private static final int DENDRITES = 8;
    private static final int STEPS = 800;    // 20 ms
    private static final int WARM_UP = 200; // steps before the timed part

    private record Run(double[][] traces, double[] v, List<double[][]> vars, long nanos) {}

    @Test
    void realDbbsMechanismsGiveBitIdenticalTracesOnTwoThreads() {
        Map<String, CompiledMechanism> mechanisms = dbbs(CHANNELS, SYNAPSES);
        Simulation one = cell(mechanisms, 1, null);
        Simulation two = cell(mechanisms, 2, null);
        LoweredModel lowered = two.lowered();
        assertNull(lowered.singleThreadReason(), "the dbbs cell is split");
        assertNotNull(lowered.split);
        int twinned = 0;
        for (int k = 0; k < lowered.kernels.length; k++) {
            MechanismKernel kernel = lowered.kernels[k];
            if (kernel instanceof TwinRangeKernel) {
                twinned++;
                assertTrue(lowered.upperKernels[k] != kernel, "the upper range has a twin of its own");
                int count = kernel.instances().count;
                assertTrue(lowered.split[k] > 0 && lowered.split[k] < count,
                        kernel.instances().type.name() + " has instances on both threads");
            }
        }
        assertEquals(CHANNELS.size() + SYNAPSES.size(), twinned, "every compiled mechanism is split");

        Run[] runs = runInTurn(one, two);
        Run a = runs[0];
        Run b = runs[1];
        for (int step = 0; step < STEPS; step++) {
            assertArrayEquals(a.traces()[step], b.traces()[step], "probes at step " + step);
        }
        assertArrayEquals(a.v(), b.v(), "every node's v");
        for (int k = 0; k < a.vars().size(); k++) {
            for (int var = 0; var < a.vars().get(k).length; var++) {
                assertArrayEquals(a.vars().get(k)[var], b.vars().get(k)[var], "kernel " + k + " variable " + var);
            }
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (double[] probes : a.traces()) {
            peak = Math.max(peak, probes[0]);
        }
        assertTrue(peak > -20, "the clamp drove the soma well past rest (peak " + peak + " mV)");
        for (String global : new String[] {"inf", "tau"}) {
            String name = global + "_" + mechanisms.get("Kv7__0").mechanism().name();
            assertEquals(one.getGlobal(name), two.getGlobal(name), 0.0, name);
        }
        assertInstanceOf(org.jpatch.core.mech.ThreadGlobals.class,
                lowered.upperKernels[kernelIndex(lowered, mechanisms.get("Kv7__0"))], "Kv7's twin has its own GLOBALs");
        System.out.printf("TwoThreadNmodlTest: %d nodes, %d compiled mechanisms, %d steps: 1 thread %.1f ms,"
                        + " 2 threads %.1f ms, speed-up %.2f (%d processors)%n",
                lowered.nodes.count, twinned, STEPS - WARM_UP, a.nanos() / 1e6, b.nanos() / 1e6,
                (double) a.nanos() / b.nanos(), Runtime.getRuntime().availableProcessors());
    }

    @Test
    void splitStepsOfCompiledMechanismsAllocateNothingOnTheCallingThread() {
        Simulation sim = cell(dbbs(CHANNELS, List.of()), 2, null);
        for (int i = 0; i < 100; i++) {
            sim.fadvance();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200; i++) {
            sim.fadvance();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 4096, "200 split steps allocated " + allocated + " bytes");
    }

    private static int kernelIndex(LoweredModel lowered, CompiledMechanism mechanism) {
        for (int k = 0; k < lowered.kernels.length; k++) {
            if (lowered.kernels[k].instances().type.name().equals(mechanism.mechanism().name())) {
                return k;
            }
        }
        throw new AssertionError(mechanism.mechanism().name() + " has no kernel");
    }

    @Test
    void aMechanismThatIsNotThreadSafeKeepsTheModelOnOneThread() {
        Map<String, CompiledMechanism> mechanisms = dbbs(CHANNELS, List.of("Nav1_1__0"));
        CompiledMechanism nav = mechanisms.get("Nav1_1__0");
        Simulation sim = cell(mechanisms, 2, nav);
        LoweredModel lowered = sim.lowered();
        assertNull(lowered.split, "Nav1_1 solves a LINEAR block: not split");
        String reason = lowered.singleThreadReason();
        assertNotNull(reason);
        assertTrue(reason.contains(nav.mechanism().name()) && reason.contains("LINEAR"), reason);
        for (int step = 0; step < 40; step++) {
            sim.fadvance();
        }
        assertTrue(Double.isFinite(sim.lowered().nodes.v[0]));
    }

    @Test
    void smallModelsSayWhyTheyRunOnOneThread() {
        Simulation sim = new Simulation();
        sim.setThreads(2);
        sim.newSection("soma").insert("hh");
        sim.finitialize(-65);
        String reason = sim.lowered().singleThreadReason();
        assertNotNull(reason);
        assertTrue(reason.contains("fewer than"), reason);
    }

    @Test
    void nocmodlsThreadSafetyRulesDecide() {
        assertSplit(threadsafeDensity("", "inf = v", "THREADSAFE"));  // GLOBAL assigned in INITIAL only
        assertSingle(threadsafeDensity("", "inf = v", ""), "GLOBAL inf and is not THREADSAFE");
        assertSplit(threadsafeDensity("inf = v x = inf", "", "THREADSAFE"));  // assigned before read: per thread
        assertSingle(threadsafeDensity("x = inf inf = v", "", "THREADSAFE"), "read inf as another left it");
        assertSingle(threadsafeDensity("if (v > 0) { inf = v }", "", "THREADSAFE"), "assigns inf on some paths");
        assertSingle(threadsafeDensity("x = normrand(0, 1)", "", "THREADSAFE"), "normrand during the step");
        assertSplit(threadsafeDensity("", "inf = scop_random()", "THREADSAFE"));  // INITIAL: on one thread
        assertSingle(threadsafeDensity("", "x = scop_random()", ""), "scop_random and is not THREADSAFE");
        assertSingle(threadsafeDensity("rates()", "", "THREADSAFE"), "printf during the step");
        // a LOCAL of the GLOBAL's name is no GLOBAL
        assertSplit(threadsafeDensity("{ LOCAL inf inf = v x = inf }", "", ""));
    }

    @Test
    void topLevelLocalsAreTheKernelsOnBothThreads() {
        // scale: set in INITIAL, read in the step; last: assigned in the step before it is read
        String text = "NEURON { SUFFIX scaledleak NONSPECIFIC_CURRENT i RANGE g THREADSAFE }\n"
                + "LOCAL scale, last\n"
                + "PARAMETER { g = 0.0001 (S/cm2) }\n"
                + "ASSIGNED { v (mV) i (mA/cm2) }\n"
                + "INITIAL { scale = 2 }\n"
                + "BREAKPOINT { last = scale * (v + 54) i = g * last }\n";
        CompiledMechanism leak = new NmodlCompiler().translate(new NmodlParser().parse("scaledleak.mod", text, null));
        assertSplit(leak);
        double peak = cableOnOneAndTwoThreads(leak, sim -> { });
        assertTrue(peak > 0, "an action potential travels the cable (peak " + peak + " mV)");
    }

    @Test
    void twinsReadTheFunctionTablesOfTheirKernel() throws Exception {
        // jpatch's own test file: a state relaxing to minfft(v) with time constant tauft(v)
        Path file = Path.of(TwoThreadNmodlTest.class.getResource("/nmodl/methods/ftable.mod").toURI());
        CompiledMechanism ftab = new NmodlCompiler().translate(file);
        assertSplit(ftab);
        double peak = cableOnOneAndTwoThreads(ftab, sim -> {
            FunctionTables tables = (FunctionTables) sim.kernel(sim.catalogue().get("ftab"));
            tables.functionTable("tauft").setGrid(new double[] {5, 4, 3, 1.5, 0.8, 1.2, 2.5, 4}, new int[] {8},
                    new double[] {-100}, new double[] {50});
            tables.functionTable("minfft").setPoints(new double[] {0, 0.01, 0.1, 0.5, 0.9, 1},
                    new double[] {-100, -80, -60, -40, -20, 0});
        });
        assertTrue(peak > 0, "an action potential travels the cable (peak " + peak + " mV)");
    }

    /**
     * An hh cable of 4,400 segments with {@code mechanism} too, stimulated at one end, on
     * one thread and on two, stepped in turn: every node's v is the same at every step.
     * {@code prepare} runs on each simulation once the mechanism is registered. Returns
     * the highest v reached.
     */
    private static double cableOnOneAndTwoThreads(CompiledMechanism mechanism, Consumer<Simulation> prepare) {
        Simulation[] sims = new Simulation[2];
        for (int threads = 1; threads <= 2; threads++) {
            Simulation sim = new Simulation();
            sim.setThreads(threads);
            String name = mechanism.registerIn(sim.catalogue()).name();
            prepare.accept(sim);
            Section cable = sim.newSection("cable");
            cable.setL(4400);
            cable.setDiam(1);
            cable.setNseg(4400);
            cable.insert("hh");
            cable.insert(name);
            PointProcess stim = sim.newPointProcess("IClamp", cable, 0);
            stim.set("del", 0.5);
            stim.set("dur", 1);
            stim.set("amp", 1.5);
            sim.finitialize(-65);
            sims[threads - 1] = sim;
        }
        assertNull(sims[1].lowered().singleThreadReason());
        double peak = Double.NEGATIVE_INFINITY;
        for (int step = 0; step < 400; step++) {
            sims[0].fadvance();
            sims[1].fadvance();
            assertArrayEquals(sims[0].lowered().nodes.v, sims[1].lowered().nodes.v, "step " + step);
            for (double v : sims[1].lowered().nodes.v) {
                peak = Math.max(peak, v);
            }
        }
        return peak;
    }

    /** A density mechanism of this test's own: {@code step} in BREAKPOINT, {@code initial} in INITIAL. */
    private static CompiledMechanism threadsafeDensity(String step, String initial, String threadsafe) {
        String text = "NEURON { SUFFIX probe RANGE x GLOBAL inf NONSPECIFIC_CURRENT i " + threadsafe + " }\n"
                + "ASSIGNED { v i x inf }\n"
                + "INITIAL { " + initial + " }\n"
                + "BREAKPOINT { " + step + " i = 0 }\n"
                + "PROCEDURE rates() { printf(\"%g\\n\", v) }\n";
        return new NmodlCompiler().translate(new NmodlParser().parse("probe.mod", text, null));
    }

    private static void assertSplit(CompiledMechanism mechanism) {
        MechanismKernel kernel = mechanism.kernels().get();
        String why = kernel instanceof SingleThreadKernel s ? s.singleThreadReason() : "";
        assertInstanceOf(TwinRangeKernel.class, kernel, why);
    }

    private static void assertSingle(CompiledMechanism mechanism, String because) {
        SingleThreadKernel kernel = assertInstanceOf(SingleThreadKernel.class, mechanism.kernels().get());
        assertTrue(kernel.singleThreadReason().contains(because), kernel.singleThreadReason());
    }

    /** Soma, axon and 8 dendrites (4,201 nodes) with every channel, synapses on the dendrites, a clamp on the soma. */
    private static Simulation cell(Map<String, CompiledMechanism> mechanisms, int threads, CompiledMechanism somaOnly) {
        Simulation sim = new Simulation();
        sim.setThreads(threads);
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        Map<String, String> names = new LinkedHashMap<>();
        mechanisms.forEach((file, m) -> names.put(file, m.registerIn(sim.catalogue()).name()));
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        List<Section> all = new ArrayList<>(List.of(soma));
        Section axon = sim.newSection("axon");
        axon.setL(400);
        axon.setDiam(1);
        axon.setNseg(200);
        axon.connect(soma, 0, 0);
        all.add(axon);
        for (int d = 0; d < DENDRITES; d++) {
            Section dend = sim.newSection("dend" + d);
            dend.setL(500 + 10 * d);
            dend.setDiam(1.5);
            dend.setNseg(500);
            dend.connect(soma, 1, 0);
            all.add(dend);
        }
        for (Section section : all) {
            for (String channel : CHANNELS) {
                section.insert(names.get(channel));
            }
        }
        if (somaOnly != null) {
            soma.insert(somaOnly.mechanism().name());
        }
        PointProcess clamp = sim.newPointProcess("IClamp", soma, 0.5);
        clamp.set("del", 1);
        clamp.set("dur", 15);
        clamp.set("amp", 3);
        if (names.containsKey("AMPA__0")) {
            synapses(sim, all, names);
        }
        sim.finitialize(-65);
        return sim;
    }

    private static void synapses(Simulation sim, List<Section> sections, Map<String, String> names) {
        EventSystem events = EventSystem.attach(sim);
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        stim.set("start", 3);
        stim.set("interval", 4);
        stim.set("number", 6);
        stim.set("noise", 0);
        for (int s = 2; s < sections.size(); s++) {
            for (double x : new double[] {0.2, 0.8}) {
                for (String synapse : SYNAPSES) {
                    NetCon nc = events.newNetCon(stim, sim.newPointProcess(names.get(synapse), sections.get(s), x));
                    nc.setWeight(0, 1);
                    nc.setDelay(1 + x);
                }
            }
        }
    }

    /**
     * Both simulations step by step, in turn, so that a change in the machine's load
     * affects both timings alike: soma, axon end and dendrite ends' v at every step, and
     * the time of the steps after WARM_UP.
     */
    private static Run[] runInTurn(Simulation... sims) {
        double[][][] traces = new double[sims.length][STEPS][];
        long[] nanos = new long[sims.length];
        for (int step = 0; step < STEPS; step++) {
            for (int s = 0; s < sims.length; s++) {
                long start = System.nanoTime();
                sims[s].fadvance();
                if (step >= WARM_UP) {
                    nanos[s] += System.nanoTime() - start;
                }
                List<Section> sections = sims[s].sections();
                double[] probes = new double[sections.size()];
                for (int p = 0; p < sections.size(); p++) {
                    probes[p] = sections.get(p).get("v", p == 0 ? 0.5 : 0.9);
                }
                traces[s][step] = probes;
            }
        }
        Run[] runs = new Run[sims.length];
        for (int s = 0; s < sims.length; s++) {
            LoweredModel m = sims[s].lowered();
            List<double[][]> vars = new ArrayList<>();
            for (MechanismKernel kernel : m.kernels) {
                vars.add(kernel.instances().vars);
            }
            runs[s] = new Run(traces[s], m.nodes.v, vars, nanos[s]);
        }
        return runs;
    }

    /** The dbbs-catalogue files of these names, compiled; skips the test when they are not installed. */
    private static Map<String, CompiledMechanism> dbbs(List<String> first, List<String> more) {
        Path dir = dbbsDirectory();
        if (dir == null) {
            System.out.println("TwoThreadNmodlTest skipped: no dbbs catalogue under JPATCH_MOD_DIRS");
        }
        Assumptions.assumeTrue(dir != null, "no dbbs catalogue under JPATCH_MOD_DIRS");
        Map<String, CompiledMechanism> compiled = new LinkedHashMap<>();
        NmodlCompiler compiler = new NmodlCompiler();
        for (List<String> files : List.of(first, more)) {
            for (String file : files) {
                compiled.put(file, compiler.translate(dir.resolve(file + ".mod")));
            }
        }
        return compiled;
    }

    private static Path dbbsDirectory() {
        String dirs = System.getProperty("JPATCH_MOD_DIRS", System.getenv("JPATCH_MOD_DIRS"));
        if (dirs == null || dirs.isBlank()) {
            return null;
        }
        for (String dir : dirs.split(java.io.File.pathSeparator)) {
            if (Files.isRegularFile(Path.of(dir, "Kv3_4__0.mod")) && Files.isRegularFile(Path.of(dir, "AMPA__0.mod"))) {
                return Path.of(dir);
            }
        }
        return null;
    }
}
