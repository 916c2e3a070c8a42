package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FdlibmErfTest {
    /** Correctly rounded values (mpmath at 50 digits) on each of fdlibm's intervals. */
    private static final double[][] ERF = {
        {1e-10, 1.1283791670955126e-10}, {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
        {2.0, 0.9953222650189527}, {3.5, 0.9999992569016276}, {6.5, 1.0},
    };
    private static final double[][] ERFC = {
        {0.1, 0.8875370839817152}, {0.5, 0.4795001221869535}, {1.0, 0.15729920705028513},
        {2.0, 0.004677734981047266}, {3.5, 7.430983723414128e-07}, {10.0, 2.088487583762545e-45},
        {-1.0, 1.8427007929497148}, {30.0, 0.0},
    };

    private static void assertWithinAnUlp(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= Math.ulp(expected), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void erfMatchesCorrectlyRoundedValuesOnEveryInterval() {
        for (double[] c : ERF) {
            assertWithinAnUlp(c[1], FdlibmErf.erf(c[0]), "erf(" + c[0] + ")");
            assertWithinAnUlp(-c[1], FdlibmErf.erf(-c[0]), "erf(" + -c[0] + ")");
        }
    }

    @Test
    void erfcMatchesCorrectlyRoundedValuesOnEveryInterval() {
        for (double[] c : ERFC) {
            assertWithinAnUlp(c[1], FdlibmErf.erfc(c[0]), "erfc(" + c[0] + ")");
        }
    }

    @Test
    void specialValuesAreCs() {
        assertEquals(0.0, FdlibmErf.erf(0.0));
        assertEquals(1.0, FdlibmErf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, FdlibmErf.erf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, FdlibmErf.erfc(0.0));
        assertEquals(0.0, FdlibmErf.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, FdlibmErf.erfc(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(FdlibmErf.erf(Double.NaN)) && Double.isNaN(FdlibmErf.erfc(Double.NaN)));
    }
}
