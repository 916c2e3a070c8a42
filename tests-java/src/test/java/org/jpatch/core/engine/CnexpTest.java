package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jpatch.core.mech.Cnexp;
import org.junit.jupiter.api.Test;

/**
 * The cnexp update's exp is hoc_Exp with StrictMath.exp's bits, and the update over a
 * range gives, lane-wise or not, each instance's scalar update wherever the range starts.
 */
class CnexpTest {

    @Test
    void expIsStrictMathExpWithinHocExpLimitsAndClampedBeyond() {
        SplittableRandom random = new SplittableRandom(11);
        double[] scales = {1e-12, 1e-8, 0.3, 0.4, 1.0, 1.1, 3, 30, 699.9};
        for (int n = 0; n < 400_000; n++) {
            double x = (2 * random.nextDouble() - 1) * scales[n % scales.length];
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(x)), Double.doubleToRawLongBits(Cnexp.exp(x)),
                    () -> "exp(" + x + ")");
        }
        for (double x : new double[] {0.0, -0.0, 700.0, -700.0, 0.5 * Math.log(2), 1.5 * Math.log(2)}) {
            assertEquals(StrictMath.exp(x), Cnexp.exp(x), "exp(" + x + ")");
        }
        assertEquals(0.0, Cnexp.exp(-700.5));
        assertEquals(StrictMath.exp(700.0), Cnexp.exp(1e6));
        assertTrue(Double.isNaN(Cnexp.exp(Double.NaN)));
    }

    @Test
    void updateOverAnyRangeIsEachInstancesScalarUpdate() {
        // the test JVM runs with jdk.incubator.vector (tests-java's argLine): wait for its warm-up
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Cnexp.lanewise() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(Cnexp.lanewise(), "the lane-wise updates were warmed up within 60 s");
        SplittableRandom random = new SplittableRandom(5);
        int count = 203;
        double[] s = new double[count], inf = new double[count], tau = new double[count];
        for (int i = 0; i < count; i++) {
            s[i] = random.nextDouble();
            inf[i] = random.nextDouble();
            tau[i] = 0.05 + 10 * random.nextDouble();  // [ms]
        }
        tau[150] = 1e-5;   // dt·a far beyond -700: hoc_Exp's 0
        tau[170] = -1e-5;  // and beyond +700
        tau[190] = Double.NaN;
        double dt = 0.025;  // [ms]
        for (int from : new int[] {0, 1, 3, 7, 60, 149}) {
            double[] updated = s.clone();
            Cnexp.update(updated, inf, tau, from, count - 2, dt);
            for (int i = 0; i < count; i++) {
                double expected = s[i];
                if (i >= from && i < count - 2) {
                    double a = (-1.0) / tau[i];
                    expected = s[i] + (1. - Cnexp.exp(dt * a)) * (-(inf[i] / tau[i]) / a - s[i]);
                }
                // equal bits (NaN's sign and payload aside: they follow the instructions used)
                assertEquals(expected, updated[i], "instance " + i + " of the range from " + from);
            }
        }
    }
}
