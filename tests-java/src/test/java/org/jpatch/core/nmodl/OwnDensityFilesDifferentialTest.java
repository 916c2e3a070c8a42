package org.jpatch.core.nmodl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NMODL features no real file here uses, in density mechanisms written for these tests
 * (resources nmodl/functions), against nrnivmodl's build of the same file: one compartment
 * under current clamp at celsius 32, the named variables compared at every step to 1e-9
 * (relative), some exactly. builtin_functions.mod: erf, erfc, nrn_ghk, scop_random,
 * exprand, normrand, set_seed (the random draws exactly). conductance_hints.mod:
 * CONDUCTANCE hints in BREAKPOINT (nocmodl's nrn_cur without the 0.001 mV difference).
 * Needs {@code JPATCH_NEURON_PYTHON}; skipped, saying so, without it.
 */
class OwnDensityFilesDifferentialTest {
    /** A file, its suffix, what to compare and which of those bit for bit. */
    record Case(String file, String suffix, List<String> recorded, List<String> exact, double amp) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("builtin_functions.mod", "builtins", List.of("v", "uniform_builtins", "exponential_builtins",
                        "normal_builtins", "ghk_factor_builtins", "erf_v_builtins", "erfc_v_builtins"),
                        List.of("uniform_builtins"), 0.05),
                new Case("conductance_hints.mod", "hinted", List.of("v", "m_hinted", "h_hinted", "n_hinted", "ina",
                        "ik", "il_hinted"), List.of(), 0.3));
    }

    private static final String PROTOCOL = """
            import sys
            from neuron import h
            h.nrn_load_dll(sys.argv[1])
            s = h.Section(name="soma")
            s.L = 20; s.diam = 20
            s.insert(sys.argv[2])
            h.celsius = 32; h.dt = 0.025
            stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = float(sys.argv[4])
            names = sys.argv[3].split(",")
            rows = []
            def sample():
                rows.append(" ".join(repr(getattr(s(0.5), n)) for n in names))
            h.finitialize(-65)
            sample()
            while h.t < 10 - h.dt / 2:
                h.fadvance()
                sample()
            print("\\n".join(rows))
            """;

    @ParameterizedTest
    @MethodSource("cases")
    void ownFileGivesNeuronsValues(Case c, @TempDir Path work) throws Exception {
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (python == null) {
            System.out.println("OwnDensityFilesDifferentialTest skipped: set JPATCH_NEURON_PYTHON");
        }
        Assumptions.assumeTrue(python != null, "JPATCH_NEURON_PYTHON unset");
        Path source = Path.of(getClass().getResource("/nmodl/functions/" + c.file()).toURI());
        Path library = ExternalRuns.nrnivmodl(work, python, source);
        Path script = Files.writeString(work.resolve("protocol.py"), PROTOCOL);
        List<double[]> neuron = ExternalRuns.rows(ExternalRuns.run(work, 120, python, script.toString(),
                library.toString(), c.suffix(), String.join(",", c.recorded()), Double.toString(c.amp())),
                c.recorded().size());
        System.out.println(ExternalRuns.compare("OwnDensityFilesDifferentialTest " + c.file(), c.recorded(), neuron,
                jpatchRows(source, c), 1e-9, c.exact()));
    }

    private static List<double[]> jpatchRows(Path source, Case c) {
        Simulation sim = new Simulation();
        MechanismType type = new NmodlCompiler().translate(source).registerIn(sim.catalogue());
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert(type.name());
        sim.setGlobal("celsius", 32);
        sim.setGlobal("dt", 0.025);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 1);
        stim.set("dur", 5);
        stim.set("amp", c.amp());
        return ExternalRuns.samples(sim, -65, 10, () -> sample(soma, c));
    }

    private static double[] sample(Section soma, Case c) {
        return c.recorded().stream().mapToDouble(name -> soma.get(name, 0.5)).toArray();
    }
}
