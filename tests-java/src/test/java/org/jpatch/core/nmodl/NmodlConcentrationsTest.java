package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpatch.core.mech.IonStyle;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mechanisms that write an ion concentration, what they read of the node (diam), and
 * file-scope LOCALs, against values worked out by hand. NeuronDifferentialTest compares
 * real files (cdp5, capmpr, cabpump) with nrnivmodl's build.
 */
class NmodlConcentrationsTest {
    private static final double DT = 0.025;

    private static Simulation simulationWith(Path dir, String name, String text) throws Exception {
        Path mod = Files.writeString(dir.resolve(name + ".mod"), text);
        Simulation sim = new Simulation();
        new NmodlCompiler(List.of(), new KernelCache(dir.resolve("cache"))).translate(mod).registerIn(sim.catalogue());
        sim.setGlobal("dt", DT);
        return sim;
    }

    @Test
    void writtenConcentrationIsTheIonsAndItsNernstPotentialFollowsAtInitAndEachStep(@TempDir Path dir)
            throws Exception {
        Simulation sim = simulationWith(dir, "pool", """
                NEURON { SUFFIX pool USEION ca READ ica WRITE cai }
                PARAMETER { tau = 2 (ms) cainf = 1e-4 (mM) }
                STATE { cai (mM) }
                INITIAL { cai = 2e-4 }
                BREAKPOINT { SOLVE s METHOD cnexp }
                DERIVATIVE s { cai' = (cainf - cai) / tau }
                """);
        Section soma = sim.newSection("soma");
        soma.insert("pool");
        sim.finitialize(-65);
        double cao = soma.get("cao", 0.5), celsius = sim.getGlobal("celsius");
        assertEquals(2e-4, soma.get("cai", 0.5));
        assertEquals(IonStyle.nernst(2e-4, cao, 2, celsius), soma.get("eca", 0.5));
        double cai = 2e-4;
        for (int step = 0; step < 20; step++) {
            double before = cai;
            sim.fadvance();
            cai = cai + (1. - Math.exp(DT * (-1. / 2))) * (-(1e-4 / 2) / (-1. / 2) - cai);  // cnexp
            assertEquals(cai, soma.get("cai", 0.5), 1e-18);
            // the ion's current evaluation at the start of the step took the concentration before it
            assertEquals(IonStyle.nernst(before, cao, 2, celsius), soma.get("eca", 0.5), 1e-12);
        }
    }

    @Test
    void withoutCurrentsTheRestOfBreakpointRunsAfterTheSolveAsInNocmodlsNrnState(@TempDir Path dir)
            throws Exception {
        Simulation sim = simulationWith(dir, "shell", """
                NEURON { SUFFIX shell USEION ca WRITE cai RANGE steps, twice }
                STATE { ca (mM) }
                ASSIGNED { cai (mM)  steps  twice (mM) }
                INITIAL { ca = 1e-4  steps = 0 }
                BREAKPOINT {
                  SOLVE s METHOD cnexp
                  twice = 2 * cai
                  steps = steps + 1
                }
                DERIVATIVE s {
                  ca' = -ca
                  cai = ca
                }
                """);
        Section soma = sim.newSection("soma");
        soma.insert("shell");
        sim.finitialize(-65);
        for (int step = 1; step <= 3; step++) {
            sim.fadvance();
            assertEquals(step, soma.get("steps_shell", 0.5));
            assertEquals(2 * soma.get("cai", 0.5), soma.get("twice_shell", 0.5));
        }
    }

    @Test
    void aWrittenConcentrationNoSolvedBlockAssignsIsRefusedAsByNocmodl(@TempDir Path dir) throws Exception {
        Path mod = Files.writeString(dir.resolve("bad.mod"), """
                NEURON { SUFFIX bad USEION ca WRITE cai }
                STATE { ca (mM) }
                BREAKPOINT {
                  SOLVE s METHOD cnexp
                  cai = ca
                }
                DERIVATIVE s { ca' = -ca }
                """);
        NmodlSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(NmodlSyntaxException.class,
                () -> new NmodlCompiler(List.of(), new KernelCache(dir.resolve("cache"))).translate(mod));
        assertEquals(new org.jpatch.core.nmodl.ast.SourcePosition(mod.toString(), 1, 21), e.position());
    }

    @Test
    void fileScopeLocalIsSharedByAllInstancesAndDiamIsTheSegments(@TempDir Path dir) throws Exception {
        Simulation sim = simulationWith(dir, "counter", """
                NEURON { SUFFIX counter RANGE order, d }
                ASSIGNED { order  d  diam (um) }
                LOCAL count
                INITIAL {
                  count = count + 1
                  order = count
                  d = diam
                }
                """);
        Section soma = sim.newSection("soma");
        soma.setNseg(3);
        soma.insert("counter");
        soma.setDiam(1. / 6, 3);
        soma.setDiam(3. / 6, 4);
        soma.setDiam(5. / 6, 5);
        sim.finitialize(-65);
        for (int j = 0; j < 3; j++) {
            double x = (2 * j + 1) / 6.;
            assertEquals(j + 1, soma.get("order_counter", x));
            assertEquals(3 + j, soma.get("d_counter", x));
        }
        sim.finitialize(-65);
        assertEquals(6, soma.get("order_counter", 5. / 6), "the LOCAL keeps its value, as nocmodl's static");
    }
}
