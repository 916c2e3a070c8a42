package org.jpatch.core.nmodl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NMODL's built-in functions that no real file here calls (erf, erfc, nrn_ghk, scop_random,
 * exprand, normrand, set_seed), in test file nmodl/functions/builtin_functions.mod,
 * against nrnivmodl's build of the same file: one compartment under current clamp at
 * celsius 32, every value the functions returned compared at every step to 1e-9
 * (relative), the random draws exactly. Needs {@code JPATCH_NEURON_PYTHON} (see
 * NeuronDifferentialTest); skipped, saying so, without it.
 */
class BuiltinFunctionsDifferentialTest {
    private static final List<String> RECORDED =
            List.of("v", "uniform_builtins", "exponential_builtins", "normal_builtins", "ghk_factor_builtins",
                    "erf_v_builtins", "erfc_v_builtins");

    private static final String PROTOCOL = """
            import sys
            from neuron import h
            h.nrn_load_dll(sys.argv[1])
            s = h.Section(name="soma")
            s.L = 20; s.diam = 20
            s.insert("builtins")
            h.celsius = 32; h.dt = 0.025
            stim = h.IClamp(s(0.5)); stim.delay = 1; stim.dur = 5; stim.amp = 0.05
            names = sys.argv[2].split(",")
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

    @Test
    void erfGhkAndScopmathRandomNumbersGiveNeuronsValues(@TempDir Path work) throws Exception {
        String python = ExternalRuns.setting("JPATCH_NEURON_PYTHON");
        if (python == null) {
            System.out.println("BuiltinFunctionsDifferentialTest skipped: set JPATCH_NEURON_PYTHON");
        }
        Assumptions.assumeTrue(python != null, "JPATCH_NEURON_PYTHON unset");
        Path source = Path.of(getClass().getResource("/nmodl/functions/builtin_functions.mod").toURI());
        Path library = ExternalRuns.nrnivmodl(work, python, source);
        Path script = Files.writeString(work.resolve("protocol.py"), PROTOCOL);
        List<double[]> neuron = ExternalRuns.rows(ExternalRuns.run(work, 120, python, script.toString(),
                library.toString(), String.join(",", RECORDED)), RECORDED.size());
        System.out.println(ExternalRuns.compare("BuiltinFunctionsDifferentialTest", RECORDED, neuron,
                jpatchRows(source), 1e-9, List.of("uniform_builtins")));
    }

    private static List<double[]> jpatchRows(Path source) {
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
        stim.set("amp", 0.05);
        List<double[]> rows = new ArrayList<>();
        sim.finitialize(-65);
        rows.add(sample(soma));
        while (sim.t() < 10 - sim.dt() / 2) {
            sim.fadvance();
            rows.add(sample(soma));
        }
        return rows;
    }

    private static double[] sample(Section soma) {
        return RECORDED.stream().mapToDouble(name -> soma.get(name, 0.5)).toArray();
    }
}
