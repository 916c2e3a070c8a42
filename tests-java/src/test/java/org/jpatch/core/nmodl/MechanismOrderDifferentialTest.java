package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NEURON runs mechanism types in its memb_order_, not in the order their files were
 * loaded: ions first, then the types writing a concentration (latest registered first),
 * then the others. Each test loads two libraries, one nrnivmodl build per directory, in
 * NEURON by two nrn_load_dll calls and in jpatch by registering the files of each in
 * nrnivmodl's order, and compares traces at every step: v to 1e-9 mV, everything else
 * to 1e-9 relative.
 *
 * <p>Own files (resources nmodl/order): three density mechanisms relaxing cai at one node
 * (two in the first library, one in the second), a density mechanism and a point process
 * following cai, loaded before the writers. A real cell: dbbs-catalogue 6.0.1's
 * channels (Nav1.6, Kv3.4, Kv1.1, Cav2.1 writing ica, the calcium-activated Kca1.1 and
 * Kca2.2, HCN1 with its own ion, a leak) in one library and its cdp5 calcium buffer
 * (CR, a KINETIC scheme writing cai) in a second, on a soma with a branched dendrite and
 * an axon (24 segments), spiking 13 times under a 0.5 nA step for 100 ms. Point
 * processes of one type at one node run latest placed first (NEURON's property list):
 * created, moved by loc, or handed to another node when nseg shrinks; their currents'
 * sums are compared bit for bit.
 *
 * <p>Needs {@code JPATCH_NEURON_PYTHON} (and {@code JPATCH_MOD_DIRS} for the real cell);
 * skipped, saying so, without.
 */
class MechanismOrderDifferentialTest {
    private static final String WRITERS_PROTOCOL = """
            import sys
            from neuron import h
            for library in sys.argv[1:]:
                h.nrn_load_dll(library)
            s = h.Section(name="soma")
            s.L = 20; s.diam = 20
            for name in ("pas", "ca_a_follow", "ca_relax_1", "ca_relax_2", "ca_relax_3"):
                s.insert(name)
            probe = h.CaProbe(s(0.5))
            h.celsius = 32; h.dt = 0.025
            traces = [h.Vector().record(r) for r in (s(0.5)._ref_v, s(0.5)._ref_cai, s(0.5)._ref_s_ca_a_follow,
                                                     probe._ref_s)]
            h.finitialize(-65)
            while h.t < 20 - h.dt / 2:
                h.fadvance()
            for step in range(len(traces[0])):
                print(" ".join(repr(trace[step]) for trace in traces))
            """;

    private static final String CELL_PROTOCOL = """
            import sys
            from neuron import h
            for library in sys.argv[1:]:
                h.nrn_load_dll(library)
            D = "glia__dbbs__"
            soma = h.Section(name="soma"); soma.L = 20; soma.diam = 20
            trunk = h.Section(name="trunk"); trunk.L = 150; trunk.diam = 2; trunk.nseg = 7
            branch = h.Section(name="branch"); branch.L = 80; branch.diam = 1; branch.nseg = 5
            axon = h.Section(name="axon"); axon.L = 300; axon.diam = 1; axon.nseg = 11
            trunk.connect(soma(1)); branch.connect(trunk(0.5)); axon.connect(soma(0))
            for s in (soma, trunk, branch, axon):
                s.insert(D + "Leak__0")
            for s in (soma, axon):
                s.insert(D + "Nav1_6__0"); s.insert(D + "Kv3_4__0")
                s.gbar_glia__dbbs__Nav1_6__0 = 0.2; s.gkbar_glia__dbbs__Kv3_4__0 = 0.05
            soma.insert(D + "Kv1_1__0"); soma.insert(D + "Kca1_1__0")
            soma.gbar_glia__dbbs__Kca1_1__0 = 0.003
            for s in (soma, trunk, branch):
                s.insert(D + "Cav2_1__0"); s.insert(D + "Kca2_2__0"); s.insert(D + "cdp5__CR")
                s.gkbar_glia__dbbs__Kca2_2__0 = 0.002
            for s in (trunk, branch):
                s.insert(D + "HCN1__0")
            h.celsius = 32; h.dt = 0.025
            stim = h.IClamp(soma(0.5)); stim.delay = 5; stim.dur = 100; stim.amp = 0.5
            sites = [soma(0.5), trunk(0.5), branch(0.9), axon(1)]
            traces = [h.Vector().record(x._ref_v) for x in sites] + [h.Vector().record(x._ref_cai) for x in sites[:3]]
            h.finitialize(-65)
            while h.t < 100 - h.dt / 2:
                h.fadvance()
            for step in range(len(traces[0])):
                print(" ".join(repr(trace[step]) for trace in traces))
            """;

    /** IClamps of awkward amplitudes share nodes: their currents' sum depends on the order. */
    private static final String POINTS_PROTOCOL = """
            from neuron import h
            s = h.Section(name="soma")
            s.L = 20; s.diam = 20; s.nseg = 5
            s.insert("pas")
            stims = []
            def stim(x, amp):
                st = h.IClamp(s(x)); st.delay = 0.1 * len(stims); st.dur = 4; st.amp = amp
                stims.append(st)
                return st
            for x, amp in ((0.5, 0.1), (0.5, 0.2 * 3.141592653589793), (0.5, 0.3 / 7), (0.5, -0.123456789),
                           (0.3, 0.7 / 3), (0.3, -0.05 * 2.718281828459045), (0.1, 0.011 / 9), (0.1, 0.9 / 11)):
                stim(x, amp)
            stim(0.9, 0.37 / 13).loc(s(0.5))
            s.nseg = 3
            v = [h.Vector().record(s(x)._ref_v) for x in (0.1, 0.5)]
            h.dt = 0.025
            h.finitialize(-65)
            while h.t < 5 - h.dt / 2:
                h.fadvance()
            for step in range(len(v[0])):
                print(" ".join(repr(trace[step]) for trace in v))
            """;

    private static final String DBBS = "glia__dbbs__";
    private static final List<String> CELL_CHANNELS = List.of("Cav2_1__0", "HCN1__0", "Kca1_1__0", "Kca2_2__0",
            "Kv1_1__0", "Kv3_4__0", "Leak__0", "Nav1_6__0");
    private static final List<String> CELL_BUFFERS = List.of("cdp5__CR");

    @Test
    void concentrationWritersRunAfterTheIonsLatestLoadedFirstAndBeforeTheirReaders(@TempDir Path work)
            throws Exception {
        String python = neuronPython();
        Path channels = resourceDirectory("channels"), buffers = resourceDirectory("buffers");
        List<double[]> neuron = neuronRows(work, python, WRITERS_PROTOCOL, 4, modFiles(channels), modFiles(buffers));

        Simulation sim = new Simulation();
        load(sim, modFiles(channels));
        load(sim, modFiles(buffers));
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        for (String name : List.of("pas", "ca_a_follow", "ca_relax_1", "ca_relax_2", "ca_relax_3")) {
            soma.insert(name);
        }
        PointProcess probe = sim.newPointProcess("CaProbe", soma, 0.5);
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        List<double[]> jpatch = ExternalRuns.samples(sim, -65, 20, () -> new double[] {
            soma.get("v", 0.5), soma.get("cai", 0.5), soma.get("s_ca_a_follow", 0.5), probe.get("s")});

        System.out.println(compare("MechanismOrderDifferentialTest writers",
                List.of("v", "cai", "s_ca_a_follow", "CaProbe.s"), 1, neuron, jpatch));
    }

    @Test
    void cellWhoseCalciumBufferIsLoadedLastSpikesAsInNeuron(@TempDir Path work) throws Exception {
        String python = neuronPython();
        String dirs = ExternalRuns.setting("JPATCH_MOD_DIRS");
        if (dirs == null) {
            System.out.println("MechanismOrderDifferentialTest skipped: set JPATCH_MOD_DIRS");
        }
        Assumptions.assumeTrue(dirs != null, "JPATCH_MOD_DIRS unset");
        List<Path> channels = dbbsFiles(dirs, CELL_CHANNELS), buffers = dbbsFiles(dirs, CELL_BUFFERS);
        List<double[]> neuron = neuronRows(work, python, CELL_PROTOCOL, 7, channels, buffers);

        Simulation sim = new Simulation();
        load(sim, channels);
        load(sim, buffers);
        Section soma = section(sim, "soma", 20, 20, 1), trunk = section(sim, "trunk", 150, 2, 7),
                branch = section(sim, "branch", 80, 1, 5), axon = section(sim, "axon", 300, 1, 11);
        trunk.connect(soma, 1, 0);
        branch.connect(trunk, 0.5, 0);
        axon.connect(soma, 0, 0);
        for (Section s : List.of(soma, trunk, branch, axon)) {
            s.insert(DBBS + "Leak__0");
        }
        for (Section s : List.of(soma, axon)) {
            s.insert(DBBS + "Nav1_6__0");
            s.insert(DBBS + "Kv3_4__0");
            s.setAll("gbar_" + DBBS + "Nav1_6__0", 0.2);
            s.setAll("gkbar_" + DBBS + "Kv3_4__0", 0.05);
        }
        soma.insert(DBBS + "Kv1_1__0");
        soma.insert(DBBS + "Kca1_1__0");
        soma.setAll("gbar_" + DBBS + "Kca1_1__0", 0.003);
        for (Section s : List.of(soma, trunk, branch)) {
            s.insert(DBBS + "Cav2_1__0");
            s.insert(DBBS + "Kca2_2__0");
            s.insert(DBBS + "cdp5__CR");
            s.setAll("gkbar_" + DBBS + "Kca2_2__0", 0.002);
        }
        for (Section s : List.of(trunk, branch)) {
            s.insert(DBBS + "HCN1__0");
        }
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 5);
        stim.set("dur", 100);
        stim.set("amp", 0.5);
        List<double[]> jpatch = ExternalRuns.samples(sim, -65, 100, () -> new double[] {
            soma.get("v", 0.5), trunk.get("v", 0.5), branch.get("v", 0.9), axon.get("v", 1),
            soma.get("cai", 0.5), trunk.get("cai", 0.5), branch.get("cai", 0.9)});

        assertTrue(spikes(neuron) >= 10, "the protocol spikes repeatedly in NEURON: " + spikes(neuron));
        System.out.println(compare("MechanismOrderDifferentialTest cell (" + spikes(neuron) + " spikes)",
                List.of("v soma", "v trunk", "v branch", "v axon", "cai soma", "cai trunk", "cai branch"), 4, neuron,
                jpatch));
    }

    @Test
    void pointProcessesAtOneNodeRunLatestPlacedFirstAsInNeuron(@TempDir Path work) throws Exception {
        String python = neuronPython();
        Path script = Files.writeString(work.resolve("points.py"), POINTS_PROTOCOL);
        List<double[]> neuron = ExternalRuns.rows(ExternalRuns.run(work, 120, python, script.toString()), 2);

        Simulation sim = new Simulation();
        Section soma = section(sim, "soma", 20, 20, 5);
        soma.insert("pas");
        double[][] stims = {{0.5, 0.1}, {0.5, 0.2 * 3.141592653589793}, {0.5, 0.3 / 7}, {0.5, -0.123456789},
            {0.3, 0.7 / 3}, {0.3, -0.05 * 2.718281828459045}, {0.1, 0.011 / 9}, {0.1, 0.9 / 11}, {0.9, 0.37 / 13}};
        PointProcess last = null;
        for (int k = 0; k < stims.length; k++) {
            last = sim.newPointProcess("IClamp", soma, stims[k][0]);
            last.set("del", 0.1 * k);
            last.set("dur", 4);
            last.set("amp", stims[k][1]);
        }
        sim.movePointProcess(last, soma, 0.5);
        soma.setNseg(3);
        List<double[]> jpatch = ExternalRuns.samples(sim, -65, 5, () -> new double[] {
            soma.get("v", 0.1), soma.get("v", 0.5)});

        // bit for bit: a different order changes the sums' last bits (2.8e-14 mV here)
        System.out.println(ExternalRuns.compare("MechanismOrderDifferentialTest point processes",
                List.of("v(0.1)", "v(0.5)"), neuron, jpatch, 0, List.of("v(0.1)", "v(0.5)")));
    }

    private static String neuronPython() {
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (python == null) {
            System.out.println("MechanismOrderDifferentialTest skipped: set JPATCH_NEURON_PYTHON");
        }
        Assumptions.assumeTrue(python != null, "JPATCH_NEURON_PYTHON unset");
        return python;
    }

    /** NEURON's run of {@code protocol} on the two libraries nrnivmodl builds of {@code first} and {@code second}. */
    private static List<double[]> neuronRows(Path work, String python, String protocol, int columns, List<Path> first,
                                             List<Path> second) throws Exception {
        Path library1 = ExternalRuns.nrnivmodl(work.resolve("first"), python, first.toArray(Path[]::new));
        Path library2 = ExternalRuns.nrnivmodl(work.resolve("second"), python, second.toArray(Path[]::new));
        Path script = Files.writeString(work.resolve("protocol.py"), protocol);
        return ExternalRuns.rows(ExternalRuns.run(work, 600, python, script.toString(), library1.toString(),
                library2.toString()), columns);
    }

    /** One library as nrnivmodl registers it: its files in name order (mod_func.cpp), each after the ions it creates. */
    private static void load(Simulation sim, List<Path> files) {
        NmodlCompiler compiler = new NmodlCompiler(List.of(files.get(0).getParent()));
        files.stream().sorted().forEach(file -> compiler.translate(file).registerIn(sim.catalogue()));
    }

    private static Section section(Simulation sim, String name, double lengthUm, double diamUm, int nseg) {
        Section s = sim.newSection(name);
        s.setL(lengthUm);
        s.setDiam(diamUm);
        s.setNseg(nseg);
        return s;
    }

    /** Upward crossings of 0 mV by the first column (v at the soma). */
    private static int spikes(List<double[]> rows) {
        int count = 0;
        for (int i = 1; i < rows.size(); i++) {
            count += rows.get(i - 1)[0] < 0 && rows.get(i)[0] >= 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * Asserts the traces agree at every step: the first {@code voltages} columns to 1e-9 mV,
     * the others to 1e-9 relative; returns (or fails with) each column's worst difference.
     */
    private static String compare(String test, List<String> names, int voltages, List<double[]> neuron,
                                  List<double[]> jpatch) {
        assertEquals(neuron.size(), jpatch.size(), test + ": samples");
        double[] worst = new double[names.size()];
        int[] worstStep = new int[names.size()];
        for (int step = 0; step < neuron.size(); step++) {
            for (int j = 0; j < names.size(); j++) {
                double e = neuron.get(step)[j], a = jpatch.get(step)[j];
                double difference = e == a ? 0 : j < voltages ? Math.abs(e - a) : Math.abs(e - a) / Math.abs(e);
                if (!(difference <= worst[j])) {
                    worst[j] = difference;
                    worstStep[j] = step;
                }
            }
        }
        StringBuilder summary = new StringBuilder(test + ": " + neuron.size()
                + " steps, worst difference (mV for v, relative otherwise):");
        boolean agree = true;
        for (int j = 0; j < names.size(); j++) {
            summary.append(' ').append(names.get(j)).append(' ').append(worst[j]);
            if (!(worst[j] <= 1e-9)) {
                agree = false;
                summary.append(" (step ").append(worstStep[j]).append(": NEURON ").append(neuron.get(worstStep[j])[j])
                        .append(", jpatch ").append(jpatch.get(worstStep[j])[j]).append(')');
            }
        }
        assertTrue(agree, summary.toString());
        return summary.toString();
    }

    private Path resourceDirectory(String name) throws Exception {
        return Path.of(getClass().getResource("/nmodl/order/" + name).toURI());
    }

    private static List<Path> modFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".mod")).sorted().toList();
        }
    }

    /** dbbs-catalogue's files {@code <name>.mod} from the JPATCH_MOD_DIRS directories. */
    private static List<Path> dbbsFiles(String dirs, List<String> names) {
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            Path file = Stream.of(dirs.split(File.pathSeparator)).map(dir -> Path.of(dir, name + ".mod"))
                    .filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ".mod is in none of JPATCH_MOD_DIRS: " + dirs));
            found.add(file);
        }
        return found;
    }
}
