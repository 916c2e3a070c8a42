package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.junit.jupiter.api.Test;

/**
 * Array variables x[N]: N columns, named x_suffix[0]..x_suffix[N-1] as hoc names them, indexed
 * by any expression truncated as C's (int).
 */
class NmodlArraysTest {
    private static final String ARRAYS = """
            NEURON { SUFFIX arr RANGE w, last }
            PARAMETER { w[3] (mV) }
            ASSIGNED { last  hidden[4] }
            INITIAL {
              LOCAL sq[3], j
              FROM i = 0 TO 2 {
                w[i] = 2
                sq[i] = w[i] * w[i] + i
              }
              j = 1.7
              hidden[j + 1] = sq[j]
              w[2] = hidden[2.9] + sq[0]
              last = w[2]
            }
            """;

    private record Bench(MechanismKernel kernel, InstanceData data) {
        static Bench of(MechanismType type) {
            NodeData nodes = new NodeData(1, 1, new int[] {-1});
            InstanceData data = new InstanceData(type, 1, new int[] {0}, new InstanceData[0], new int[0][]);
            double[] defaults = type.defaults();
            for (int var = 0; var < defaults.length; var++) {
                data.vars[var][0] = defaults[var];
            }
            MechanismKernel kernel = type.newKernel();
            kernel.bind(data, nodes, new GlobalState(),
                    type.globals().stream().mapToDouble(GlobalVariable::defaultValue).toArray());
            return new Bench(kernel, data);
        }

        double get(String name) {
            return data.vars[data.type.indexOf(name)][0];
        }
    }

    @Test
    void arrayElementsAreColumnsNamedAsHocNamesThem() {
        MechanismType type = new NmodlCompiler().compile(new NmodlParser().parse("arr.mod", ARRAYS, null), 50);
        for (int j = 0; j < 3; j++) {
            assertEquals("mV", type.variables().get(type.indexOf("w_arr[" + j + "]")).units(), "w[" + j + "]");
        }
        assertTrue(type.indexOf("w_arr[3]") < 0);
    }

    @Test
    void indicesAreTruncatedAsNocmodlsIntCast() {
        Bench bench = Bench.of(new NmodlCompiler().compile(new NmodlParser().parse("arr.mod", ARRAYS, null), 50));
        bench.kernel().initialize();
        // sq = {4, 5, 6}; j = 1.7 reads sq[1] into hidden[2] (2.7 truncated); w[2] = hidden[2] + sq[0]
        assertEquals(9.0, bench.get("w_arr[2]"));
        assertEquals(9.0, bench.get("last_arr"));
        assertEquals(2.0, bench.get("w_arr[0]"));
    }

    @Test
    void procedureTableTabulatesEachElement() {
        String text = """
                NEURON { SUFFIX tab RANGE inf, out }
                ASSIGNED { inf[2]  out }
                INITIAL {
                  rates(10)
                  out = inf[0] + 10 * inf[1]
                }
                PROCEDURE rates(x) {
                  TABLE inf FROM 0 TO 20 WITH 2
                  FROM i = 0 TO 1 {
                    inf[i] = x * x + i
                  }
                }
                """;
        MechanismType type = new NmodlCompiler().compile(new NmodlParser().parse("tab.mod", text, null), 50);
        Bench bench = Bench.of(type);
        bench.kernel().checkTables();
        bench.kernel().initialize();
        // table points 0, 10, 20: x = 10 is a table point, so exact
        assertEquals(100.0 + 10 * 101.0, bench.get("out_tab"));
        assertEquals(101.0, bench.get("inf_tab[1]"));
    }

    @Test
    void stateArrayElementsStartAtTheirS0AndGlobalArraysAreConsecutiveGlobals() {
        MechanismType type = new NmodlCompiler().compile(new NmodlParser().parse("st.mod", """
                NEURON { SUFFIX st GLOBAL g RANGE sum }
                ASSIGNED { g[2]  sum }
                PARAMETER { ca0 = 2 }
                STATE { ca[3] <1e-6> }
                INITIAL {
                  g[1] = 5
                  sum = ca[0] + ca[2] + g[1]
                }
                """, null), 50);
        assertEquals(List.of("g_st[0]", "g_st[1]", "ca0_st"), type.globals().stream().map(GlobalVariable::name).toList());
        Bench bench = Bench.of(type);
        bench.kernel().initialize();
        assertEquals(2.0, bench.get("ca_st[1]"));
        assertEquals(9.0, bench.get("sum_st"));
    }

    @Test
    void stateArraysInDerivativeBlocksAreRefusedAtTheDerivative() {
        var file = new NmodlParser().parse("st.mod", """
                NEURON { SUFFIX st }
                STATE { ca[4] }
                BREAKPOINT { SOLVE d METHOD cnexp }
                DERIVATIVE d {
                  ca'[0] = -ca[0]
                }
                """, null);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> new NmodlCompiler().compile(file, 50));
        assertTrue(e.getMessage().contains("STATE arrays in DERIVATIVE blocks"), e.getMessage());
    }

    @Test
    void anArrayWithoutIndexIsAnError() {
        var file = new NmodlParser().parse("ni.mod", """
                NEURON { SUFFIX ni }
                ASSIGNED { a[2]  b }
                INITIAL { b = a }
                """, null);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> new NmodlCompiler().compile(file, 50));
        assertEquals(new SourcePosition("ni.mod", 3, 15), e.position());
    }
}
