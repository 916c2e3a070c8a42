package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * FUNCTION_TABLE values as NEURON's hoc_func_table reads them; the one-argument forms
 * are also compared with NEURON in NmodlMethodsDifferentialTest.
 */
class FunctionTableTest {
    @Test
    void tableNeverSetIsAnErrorAsInNeuron() {
        FunctionTable table = new FunctionTable("f", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.value(1.0));
        assertEquals("table not specified in hoc_func_table (f)", e.getMessage());
    }

    @Test
    void constantTableIsThatConstantEverywhere() {
        FunctionTable table = new FunctionTable("f", 2);
        table.setConstant(3.5);
        assertEquals(3.5, table.value(-1e9, 7.0));
        assertEquals(3.5, table.value(0.0, 0.0));
    }

    @Test
    void gridOfTwoArgumentsIsInterpolatedInBothAndClampedAtItsEdges() {
        FunctionTable table = new FunctionTable("f", 2);
        // f(x, y) = x + 10·y on x in {0, 1, 2}, y in {0, 1}, row-major by x
        table.setGrid(new double[] {0, 10, 1, 11, 2, 12}, new int[] {3, 2}, new double[] {0, 0}, new double[] {2, 1});
        assertEquals(0.5 * (1 + 11), table.value(1.0, 0.5));
        assertEquals((1 - 0.25) * 5 + 0.25 * 6, table.value(0.25, 0.5));
        assertEquals(12.0, table.value(5.0, 3.0));
        assertEquals(0.0, table.value(-5.0, -3.0));
    }

    @Test
    void pointsMustMatchTheValuesAndNeedOneArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> new FunctionTable("f", 1).setPoints(new double[] {1, 2}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> new FunctionTable("f", 2).setPoints(new double[] {1}, new double[] {0}));
    }
}
