package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.units.UnitConstants;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KINETIC schemes by METHOD sparse against implicit Euler worked out by hand: a linear
 * two-state scheme (one correction, exact), a second-order reaction (Newton to 1e-6, so
 * within its square of the root), the steady state in INITIAL, a LINEAR block in INITIAL,
 * COMPARTMENT sizes with a flux into an element of a STATE array and reactions in a FROM
 * loop, CONSERVE in compartments, a flux out of a state, a large scheme's generated code
 * within what the JIT compiles, and a refusal.
 * NeuronDifferentialTest compares real files with nrnivmodl's build.
 */
class KineticSparseTest {
    private static final double DT = 0.025;

    private record Compartment(Simulation sim, Section soma) {}

    private static Compartment compartmentWith(Path dir, String name, String text) throws Exception {
        Path mod = Files.writeString(dir.resolve(name + ".mod"), text);
        Simulation sim = new Simulation();
        new NmodlCompiler(List.of(), new KernelCache(dir.resolve("cache"))).translate(mod).registerIn(sim.catalogue());
        Section soma = sim.newSection("soma");
        soma.insert(name);
        sim.setGlobal("dt", DT);
        sim.finitialize(-65);
        return new Compartment(sim, soma);
    }

    @Test
    void linearSchemeStartsAtSteadyStateAndStepsByImplicitEuler(@TempDir Path dir) throws Exception {
        Compartment compartment = compartmentWith(dir, "twostate", """
                NEURON { SUFFIX twostate RANGE a, b }
                PARAMETER { a = 0.3 (/ms) b = 0.1 (/ms) }
                STATE { C O }
                INITIAL { SOLVE scheme STEADYSTATE sparse }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    ~ C <-> O (a, b)
                    CONSERVE C + O = 1
                }
                """);
        Section soma = compartment.soma();
        double a = 0.3, b = 0.1;
        // NEURON's steady state is one implicit Euler step of 1e9 ms from the START values (0);
        // CONSERVE takes O's row, so C's row gives C = b / (1/1e9 + a + b)
        double c = b / (1 / 1e9 + a + b);
        assertEquals(c, soma.get("C_twostate", 0.5), 1e-15);
        assertEquals(1 - c, soma.get("O_twostate", 0.5), 1e-15);

        soma.set("O_twostate", 0.5, 0.0);
        soma.set("C_twostate", 0.5, 1.0);
        double o = 0;
        Simulation sim = compartment.sim();
        for (int step = 0; step < 40; step++) {
            sim.fadvance();
            o = (o + DT * a) / (1 + DT * (a + b));  // dO/dt = a·(1 - O) - b·O, implicitly
            assertEquals(o, soma.get("O_twostate", 0.5), 1e-14);
            assertEquals(1.0, soma.get("O_twostate", 0.5) + soma.get("C_twostate", 0.5), 1e-14);
        }
    }

    @Test
    void secondOrderReactionIteratesNewtonToConvergence(@TempDir Path dir) throws Exception {
        Compartment compartment = compartmentWith(dir, "binding", """
                NEURON { SUFFIX binding }
                PARAMETER { kf = 2 (/mM-ms) kb = 0.5 (/ms) }
                STATE { A (mM) B (mM) AB (mM) }
                INITIAL { A = 1 B = 1 AB = 0 }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    ~ A + B <-> AB (kf, kb)
                    CONSERVE A + AB = 1
                }
                """);
        Section soma = compartment.soma();
        double kf = 2, kb = 0.5, c = 0;
        Simulation sim = compartment.sim();
        for (int step = 0; step < 40; step++) {
            sim.fadvance();
            // A = B = 1 - AB: dt·kf·AB² - (2·dt·kf + dt·kb + 1)·AB + dt·kf + AB_old = 0, the smaller root
            double qa = DT * kf, qb = -(2 * DT * kf + DT * kb + 1), qc = DT * kf + c;
            c = (-qb - Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
            assertEquals(c, soma.get("AB_binding", 0.5), 1e-10);
            assertEquals(1 - c, soma.get("B_binding", 0.5), 1e-10);
        }
        assertTrue(c > 0.1, "the reaction went somewhere: " + c);
    }

    @Test
    void linearBlockInInitialSolvesItsEquations(@TempDir Path dir) throws Exception {
        Section soma = compartmentWith(dir, "lin", """
                NEURON { SUFFIX lin }
                PARAMETER { k = 2 }
                STATE { A B }
                INITIAL { SOLVE start }
                LINEAR start {
                    ~ k*A + B = 4
                    ~ A - B*k/2 = -1 + 0*A
                }
                """).soma();
        assertEquals(1.0, soma.get("A_lin", 0.5), 1e-15);
        assertEquals(2.0, soma.get("B_lin", 0.5), 1e-15);
    }

    @Test
    void compartmentScalesEachElementsRowAndAFluxEntersOnlyItsRow(@TempDir Path dir) throws Exception {
        Compartment compartment = compartmentWith(dir, "shells", """
                NEURON { SUFFIX shells }
                PARAMETER { f = 3 D = 0.5 }
                STATE { c[3] (mM) }
                INITIAL { SOLVE scheme STEADYSTATE sparse }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    COMPARTMENT i, (i + 1) * 2 {c}
                    ~ c[0] << (f)
                    FROM i = 0 TO 1 {
                        ~ c[i] <-> c[i + 1] (D, D)
                    }
                }
                """);
        Section soma = compartment.soma();
        Simulation sim = compartment.sim();
        soma.set("c_shells[0]", 0.5, 0);
        soma.set("c_shells[1]", 0.5, 0);
        soma.set("c_shells[2]", 0.5, 0);
        for (int step = 1; step <= 40; step++) {
            sim.fadvance();
            // implicit Euler: the diffusion between shells cancels in Σ size_i·c_i, which the flux alone raises
            double amount = 2 * soma.get("c_shells[0]", 0.5) + 4 * soma.get("c_shells[1]", 0.5)
                    + 6 * soma.get("c_shells[2]", 0.5);
            assertEquals(3 * DT * step, amount, 1e-13);
        }
        assertTrue(soma.get("c_shells[2]", 0.5) > 0, "the flux diffused to the last shell");
    }

    @Test
    void conserveCountsEachSpeciesInItsCompartment(@TempDir Path dir) throws Exception {
        Section soma = compartmentWith(dir, "sized", """
                NEURON { SUFFIX sized }
                STATE { A B }
                INITIAL { SOLVE scheme STEADYSTATE sparse }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    COMPARTMENT 2 {A}
                    COMPARTMENT 3 {B}
                    ~ A <-> B (1, 1)
                    CONSERVE A + B = 12
                }
                """).soma();
        // one implicit step of 1e9 ms from 0: B's row is the CONSERVE's, 2·A + 3·B = 12 (amounts), and
        // A's row 2·A/dt = -(A - B); so A = 12 / (5 + 6/dt), B = A·(1 + 2/dt), nearly A = B = 12/5
        double dt = 1e9, a = 12 / (5 + 6 / dt);
        assertEquals(a, soma.get("A_sized", 0.5), 1e-15);
        assertEquals(a * (1 + 2 / dt), soma.get("B_sized", 0.5), 1e-15);
    }

    @Test
    void fluxOutOfAStateDecaysByImplicitEuler(@TempDir Path dir) throws Exception {
        Compartment compartment = compartmentWith(dir, "leak", """
                NEURON { SUFFIX leak }
                PARAMETER { k = 0.3 (/ms) }
                STATE { A }
                INITIAL { A = 1 }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    ~ A -> (k)
                }
                """);
        double a = 1;
        for (int step = 0; step < 40; step++) {
            compartment.sim().fadvance();
            a = a / (1 + DT * 0.3);  // one Newton correction gives it to rounding
            assertEquals(a, compartment.soma().get("A_leak", 0.5), 1e-14);
        }
    }

    /** HotSpot's HugeMethodLimit: a method of more bytecode than this is never compiled, it stays interpreted. */
    private static final int HUGE_METHOD_BYTES = 8000;

    @Test
    void aLargeSchemesEquationsAreSplitIntoMethodsHotSpotCompiles(@TempDir Path dir) throws Exception {
        // cdp5-like: calcium binding 20 buffers in compartments, 41 states
        StringBuilder states = new StringBuilder("ca");
        StringBuilder reactions = new StringBuilder("COMPARTMENT diam*diam*vrat {ca");
        for (int i = 0; i < 20; i++) {
            states.append(" B").append(i).append(" CaB").append(i);
            reactions.append(" B").append(i).append(" CaB").append(i);
        }
        reactions.append("}\n");
        for (int i = 0; i < 20; i++) {
            reactions.append("~ ca + B").append(i).append(" <-> CaB").append(i).append(" (kf*diam*diam*vrat, kb*diam*diam*vrat)\n");
        }
        Path mod = Files.writeString(dir.resolve("buffers.mod"), """
                NEURON { SUFFIX buffers }
                PARAMETER { kf = 1 (/mM-ms) kb = 0.1 (/ms) vrat = 0.2 }
                ASSIGNED { diam (um) }
                STATE { %s }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                %s}
                """.formatted(states, reactions));
        NmodlFile file = new NmodlParser(List.of()).parseFile(mod);
        MechanismInterface mechanism = InterfaceAnalysis.analyze(file);
        String source = KernelGenerator.generate(file, mechanism, UnitConstants.evaluate(file));
        Map<String, byte[]> classes = KernelCompiler.compileToClassFiles(KernelGenerator.className(mechanism), source);

        Map<String, Integer> sizes = methodBytecodeSizes(classes);
        int equations = sizes.entrySet().stream().filter(e -> e.getKey().contains(" equations"))
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(equations > HUGE_METHOD_BYTES, "the scheme is large enough to matter: " + equations + " bytes");
        sizes.forEach((method, bytes) -> assertTrue(bytes <= HUGE_METHOD_BYTES, method + ": " + bytes + " bytes"));
    }

    /** Bytecode length of every method of the classes ("class method" to bytes), read with the Class-File API. */
    private static Map<String, Integer> methodBytecodeSizes(Map<String, byte[]> classes) {
        Map<String, Integer> sizes = new HashMap<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            for (MethodModel method : ClassFile.of().parse(entry.getValue()).methods()) {
                method.findAttribute(Attributes.code()).ifPresent(code ->
                        sizes.put(entry.getKey() + " " + method.methodName().stringValue(), code.codeLength()));
            }
        }
        return sizes;
    }

    @Test
    void longitudinalDiffusionIsRefusedWithItsPosition(@TempDir Path dir) throws Exception {
        Path mod = Files.writeString(dir.resolve("ld.mod"), """
                NEURON { SUFFIX ld }
                STATE { C }
                BREAKPOINT { SOLVE scheme METHOD sparse }
                KINETIC scheme {
                    LONGITUDINAL_DIFFUSION 1 { C }
                    ~ C << (1)
                }
                """);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class,
                () -> new NmodlCompiler(List.of(), new KernelCache(dir.resolve("cache"))).translate(mod));
        assertTrue(e.getMessage().startsWith(mod + ":5:5: LONGITUDINAL_DIFFUSION not supported yet"), e.getMessage());
    }
}
