package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** scopmath's two linear solvers on systems whose solutions are exact in binary. */
class SolversTest {
    @Test
    void simeqPivotsPastAZeroDiagonalAndSolves() {
        // x + y = 3, 2x + z = 4.75, -y + 4z = 2: x = 2, y = 1, z = 0.75; the first pivot is the second row
        double[][] coef = {{1, 1, 0, 3}, {2, 0, 1, 4.75}, {0, -1, 4, 2}};
        double[] x = new double[3];
        assertTrue(Simeq.solve(coef, x));
        assertArrayEquals(new double[] {2, 1, 0.75}, x, 1e-15);
    }

    @Test
    void simeqCallsATinyPivotSingular() {
        assertFalse(Simeq.solve(new double[][] {{1e-21, 1}}, new double[1]));
    }

    @Test
    void sparseMatrixSolvesWhatItsEquationsNamed() {
        // 4a - b = 7, -a + 4b - c = -1, -b + 4c = 11: a = 2, b = 1, c = 3
        ScopmathSparseMatrix m = new ScopmathSparseMatrix(3);
        int[][] named = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
        for (int[] element : named) {  // the first evaluation: the structure
            assertEquals(0, m.at(element[0], element[1]), "before ordering every element writes the scratch slot");
        }
        m.order();
        double[] v = m.values();
        v[m.at(0, 0)] = 4;
        v[m.at(0, 1)] -= 1;
        v[m.at(1, 0)] += -1;
        v[m.at(1, 1)] = 4;
        v[m.at(1, 2)] -= 1;
        v[m.at(2, 1)] -= 1;
        v[m.at(2, 2)] = 2;
        v[m.at(2, 2)] *= 2;
        double[] rhs = {7, -1, 11};
        assertTrue(m.solve(rhs));
        assertArrayEquals(new double[] {2, 1, 3}, rhs, 1e-15);

        m.clear();  // the same elements again, as each Newton iteration fills them
        v[m.at(0, 0)] = 1;
        v[m.at(1, 1)] = 1;
        v[m.at(2, 2)] = 1;
        double[] identity = {5, 6, 7};
        assertTrue(m.solve(identity));
        assertArrayEquals(new double[] {5, 6, 7}, identity);
        assertThrows(IllegalStateException.class, () -> m.at(0, 2), "an element the first evaluation did not name");
    }
}
