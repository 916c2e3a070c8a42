package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.SEClamp;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * NEURON's svclmp.mod (SOLVE of a PROCEDURE, at_time, ELECTRODE_CURRENT) compiled by
 * jpatch against the engine's hand-written SEClamp: the same clamp protocol on an hh
 * compartment must give the same v and i at every step, bit for bit. The file is read
 * where NEURON is installed (share/modfile under {@code JPATCH_MOD_DIRS}, as
 * {@link RealModFilesTest}); skipped, saying so, without it.
 */
class CompiledSEClampTest {
    private record Trace(double[] v, double[] i) {}

    @Test
    void compiledSvclmpGivesTheBuiltinSEClampsTracesBitForBit() throws Exception {
        Path file = installedSvclmp();
        if (file == null) {
            System.out.println("CompiledSEClampTest skipped: no modfile/svclmp.mod under JPATCH_MOD_DIRS");
        }
        Assumptions.assumeTrue(file != null, "no NEURON svclmp.mod under JPATCH_MOD_DIRS");
        // another name, so that both can be registered; the built-in's type order, so that
        // the currents are summed into the node in the same order
        String text = Files.readString(file).replace("POINT_PROCESS SEClamp", "POINT_PROCESS SEClampNmodl");
        var parsed = new NmodlParser().parse(file.toString(), text, null);
        MechanismType compiled = new NmodlCompiler().compile(parsed, SEClamp.ORDER);

        Trace builtin = run(null);
        Trace generated = run(compiled);
        for (int step = 0; step < builtin.v().length; step++) {
            assertEquals(builtin.v()[step], generated.v()[step], 0.0, "v at step " + step);
            assertEquals(builtin.i()[step], generated.i()[step], 0.0, "i at step " + step);
        }
    }

    private static Path installedSvclmp() {
        String dirs = System.getProperty("JPATCH_MOD_DIRS", System.getenv("JPATCH_MOD_DIRS"));
        if (dirs == null || dirs.isBlank()) {
            return null;
        }
        for (String dir : dirs.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "modfile", "svclmp.mod");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Three clamp levels on an hh soma, 12 ms; {@code type} null for the built-in SEClamp. */
    private static Trace run(MechanismType type) {
        Simulation sim = new Simulation();
        if (type != null) {
            sim.catalogue().register(type);
        }
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        PointProcess clamp = sim.newPointProcess(type == null ? "SEClamp" : type.name(), soma, 0.5);
        clamp.set("rs", 0.7);
        clamp.set("dur1", 2);
        clamp.set("amp1", -70);
        clamp.set("dur2", 3.0125); // ends between two steps: at_time's discontinuity
        clamp.set("amp2", 10);
        clamp.set("dur3", 4);
        clamp.set("amp3", -40);
        sim.setGlobal("dt", 0.025);
        sim.finitialize(-65);
        int steps = 480;
        double[] v = new double[steps + 1], i = new double[steps + 1];
        v[0] = soma.get("v", 0.5);
        i[0] = clamp.get("i");
        for (int step = 1; step <= steps; step++) {
            sim.fadvance();
            v[step] = soma.get("v", 0.5);
            i[step] = clamp.get("i");
        }
        return new Trace(v, i);
    }
}
