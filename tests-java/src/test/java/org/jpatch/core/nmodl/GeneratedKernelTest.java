package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.builtin.Builtins;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kernels compiled from jpatch's .mod texts of the built-ins, run side by side with the
 * hand-written kernels on the same nodes: every array must agree bit for bit after each
 * INITIAL, current, state update and event.
 */
class GeneratedKernelTest {
    private static final int NODES = 3;
    private static final int[] INSTANCE_NODES = {1, 2, 2};

    /** One kernel bound to its own copy of the same nodes and instances. */
    private static final class Bench {
        final MechanismKernel kernel;
        final InstanceData data;
        final NodeData nodes = new NodeData(NODES, 1, new int[] {-1, 0, 1});
        final GlobalState globals = new GlobalState();
        final InstanceData[] ions;
        final double[] typeGlobals;

        Bench(MechanismType type) {
            kernel = type.newKernel();
            ions = new InstanceData[type.ions().size()];
            int[][] ionRows = new int[ions.length][];
            for (int u = 0; u < ions.length; u++) {
                MechanismType ionType = Builtins.catalogue().get(type.ions().get(u).ionTypeName());
                ions[u] = new InstanceData(ionType, NODES, new int[] {0, 1, 2}, new InstanceData[0], new int[0][]);
                fillDefaults(ions[u]);
                ionRows[u] = INSTANCE_NODES.clone(); // one ion row per node
            }
            data = new InstanceData(type, INSTANCE_NODES.length, INSTANCE_NODES.clone(), ions, ionRows);
            fillDefaults(data);
            typeGlobals = type.globals().stream().mapToDouble(g -> g.defaultValue()).toArray();
            for (int n = 0; n < NODES; n++) {
                nodes.v[n] = -65.0 + 7.3 * n;
                nodes.area[n] = 100.0 + 314.159 * n;
            }
            globals.dt = 0.025;
            globals.celsius = 6.3;
            kernel.bind(data, nodes, globals, typeGlobals);
        }

        static void fillDefaults(InstanceData instances) {
            double[] defaults = instances.type.defaults();
            for (int var = 0; var < defaults.length; var++) {
                java.util.Arrays.fill(instances.vars[var], defaults[var]);
            }
        }

        /** What IonKernel does before currents: ion currents and their dI/dv start from 0. */
        void clearIonCurrents() {
            for (InstanceData ion : ions) {
                String name = ion.type.name().replace("_ion", "");
                java.util.Arrays.fill(ion.vars[ion.type.indexOf("i" + name)], 0.0);
                java.util.Arrays.fill(ion.vars[ion.type.indexOf("di" + name + "_dv_")], 0.0);
            }
        }

        void perturbParameter(int var, double factor) {
            for (int k = 0; k < data.count; k++) {
                data.vars[var][k] *= factor * (k + 1);
            }
        }
    }

    private static MechanismType compiled(String name, int order) throws URISyntaxException {
        Path file = Path.of(GeneratedKernelTest.class.getResource("/nmodl/builtins/" + name + ".mod").toURI());
        return new NmodlCompiler().compile(file, order);
    }

    private static void assertSame(Bench builtin, Bench generated, String when) {
        for (int var = 0; var < builtin.data.vars.length; var++) {
            String name = builtin.data.type.variables().get(var).name();
            int other = generated.data.type.indexOf(builtin.data.type.rangeName(var));
            double[] theirs = other >= 0 ? generated.data.vars[other]
                    : generated.data.vars[indexOfHidden(generated.data.type, name)];
            assertArrayEquals(builtin.data.vars[var], theirs, name + " " + when);
        }
        assertArrayEquals(builtin.nodes.rhs, generated.nodes.rhs, "rhs " + when);
        assertArrayEquals(builtin.nodes.d, generated.nodes.d, "d " + when);
        for (int u = 0; u < builtin.ions.length; u++) {
            for (int var = 0; var < builtin.ions[u].vars.length; var++) {
                assertArrayEquals(builtin.ions[u].vars[var], generated.ions[u].vars[var],
                        builtin.ions[u].type.variables().get(var).name() + " " + when);
            }
        }
        MechanismType type = builtin.data.type;
        for (int g = 0; g < type.globals().size(); g++) {
            String global = type.globals().get(g).name();
            int other = generated.data.type.globals().stream().map(x -> x.name()).toList().indexOf(global);
            assertEquals(builtin.typeGlobals[g], generated.typeGlobals[other], global + " " + when);
        }
    }

    private static int indexOfHidden(MechanismType type, String name) {
        for (int var = 0; var < type.variables().size(); var++) {
            if (type.variables().get(var).name().equals(name)) {
                return var;
            }
        }
        throw new AssertionError(name + " missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pas", "hh", "ExpSyn", "Exp2Syn"})
    void compiledKernelMatchesTheHandWrittenBuiltinBitForBit(String name) throws URISyntaxException {
        MechanismType builtinType = Builtins.catalogue().get(name);
        Bench builtin = new Bench(builtinType);
        Bench generated = new Bench(compiled(name, builtinType.order()));
        builtin.perturbParameter(0, 1.7);
        generated.perturbParameter(generated.data.type.indexOf(builtinType.rangeName(0)), 1.7);
        for (Bench b : new Bench[] {builtin, generated}) {
            b.kernel.checkTables();
            b.kernel.initialize();
        }
        assertSame(builtin, generated, "after INITIAL");
        for (int step = 0; step < 200; step++) {
            for (Bench b : new Bench[] {builtin, generated}) {
                java.util.Arrays.fill(b.nodes.rhs, 0.0);
                java.util.Arrays.fill(b.nodes.d, 0.0);
                b.clearIonCurrents();
                if (step == 120) {
                    b.globals.celsius = 18.5; // the tables must follow their DEPEND value
                }
                int usetable = b.data.type.globals().stream().map(x -> x.name()).toList()
                        .indexOf("usetable_" + b.data.type.name());
                if (step == 160 && usetable >= 0) {
                    b.typeGlobals[usetable] = 0.0; // from here on, rates computed directly
                }
                b.kernel.checkTables();
                b.kernel.current();
                for (int n = 0; n < NODES; n++) {
                    b.nodes.v[n] += 0.37 * Math.sin(0.05 * step + n);
                }
                b.kernel.state();
                b.globals.t += b.globals.dt;
                if (step % 40 == 7 && b.kernel instanceof NetReceiver receiver) {
                    receiver.netReceive(step % INSTANCE_NODES.length, new double[] {0.01 * (step + 1)}, 0.0, b.globals.t);
                }
            }
            assertSame(builtin, generated, "at step " + step);
        }
    }

    @Test
    void compiledPointProcessReceivesEventsWithItsWeightCount() throws URISyntaxException {
        MechanismKernel kernel = compiled("ExpSyn", 9).newKernel();
        assertTrue(kernel instanceof NetReceiver);
        assertEquals(1, ((NetReceiver) kernel).weightCount());
    }

    @Test
    void unsupportedConstructIsRefusedAtItsPositionNotSkipped() {
        var file = new NmodlParser().parse("cad.mod", """
                NEURON {
                  SUFFIX cad
                  USEION ca READ ica WRITE eca
                }
                """, null);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> new NmodlCompiler().compile(file, 50));
        assertEquals(new SourcePosition("cad.mod", 3, 3), e.position());
        assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
    }

    @Test
    void nonLinearCnexpEquationFallsBackToDerivimplicitAsNocmodlDoes() {
        var file = new NmodlParser().parse("nl.mod", """
                NEURON { SUFFIX nl }
                STATE { s }
                INITIAL { s = 1 }
                BREAKPOINT { SOLVE d METHOD cnexp }
                DERIVATIVE d {
                  s' = -s*s
                }
                """, null);
        Bench bench = new Bench(new NmodlCompiler().compile(file, 50));
        bench.kernel.initialize();
        bench.kernel.state();
        double dt = bench.globals.dt;
        // implicit Euler: s1 = 1 - dt·s1², the root near 1, to the accuracy NEURON's Newton
        // stops at (residual ≤ 1e-8 per ms, so about dt·1e-8 in s)
        double implicitEuler = (-1 + Math.sqrt(1 + 4 * dt)) / (2 * dt);
        assertEquals(implicitEuler, bench.data.vars[0][0], dt * 1e-8);
    }

    @Test
    void cnexpOfAStateFreeRateIsExplicitEulerAsNocmodlWritesIt() {
        var file = new NmodlParser().parse("lin.mod", """
                NEURON { SUFFIX lin RANGE k }
                PARAMETER { k = 0.3 }
                STATE { s }
                INITIAL { s = 2 }
                BREAKPOINT { SOLVE d METHOD cnexp }
                DERIVATIVE d {
                  s' = k
                }
                """, null);
        Bench bench = new Bench(new NmodlCompiler().compile(file, 50));
        bench.kernel.initialize();
        bench.kernel.state();
        assertEquals(2 - bench.globals.dt * (-0.3), bench.data.vars[1][0], 0.0);
    }
}
