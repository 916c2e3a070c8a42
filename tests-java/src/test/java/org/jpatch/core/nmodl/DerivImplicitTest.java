package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DerivImplicitTest {
    /** A block over two states with derivatives given by a function of the states. */
    private static final class TwoStates implements DerivImplicit.Block {
        final double[] s;
        private final java.util.function.BiConsumer<double[], double[]> f;

        TwoStates(double s0, double s1, java.util.function.BiConsumer<double[], double[]> f) {
            this.s = new double[] {s0, s1};
            this.f = f;
        }

        @Override
        public double state(int i) {
            return s[i];
        }

        @Override
        public void setState(int i, double value) {
            s[i] = value;
        }

        @Override
        public void derivatives(double[] d) {
            f.accept(s, d);
        }
    }

    @Test
    void linearSystemReachesTheImplicitEulerSolution() {
        double dt = 0.025, a = 3.0, b = 0.5;
        // A' = -a·A + b·B, B' = a·A - b·B: implicit Euler solves (I - dt·M) x = x0
        TwoStates block = new TwoStates(0.8, 0.2, (s, d) -> {
            d[0] = -a * s[0] + b * s[1];
            d[1] = a * s[0] - b * s[1];
        });
        new DerivImplicit(2).step(block, dt);
        double m00 = 1 + dt * a, m01 = -dt * b, m10 = -dt * a, m11 = 1 + dt * b;
        double det = m00 * m11 - m01 * m10;
        assertEquals((0.8 * m11 - m01 * 0.2) / det, block.s[0], 1e-12);
        assertEquals((m00 * 0.2 - m10 * 0.8) / det, block.s[1], 1e-12);
    }

    @Test
    void derivativesAtTheSolutionAreKeptForSecondOrder() {
        TwoStates block = new TwoStates(1.0, 0.0, (s, d) -> {
            d[0] = -s[0];
            d[1] = s[0];
        });
        DerivImplicit solver = new DerivImplicit(2);
        solver.step(block, 0.1);
        assertEquals(-block.s[0], solver.derivative(0), 0.0);
        assertEquals(block.s[0], solver.derivative(1), 0.0);
    }

    @Test
    void singularJacobianAbortsAsNeuronDoes() {
        double dt = 0.025;
        // D = s/dt makes every residual independent of the states: the Jacobian is zero
        TwoStates block = new TwoStates(1.0, 2.0, (s, d) -> {
            d[0] = s[0] / dt;
            d[1] = s[1] / dt;
        });
        assertThrows(IllegalStateException.class, () -> new DerivImplicit(2).step(block, dt));
    }
}
