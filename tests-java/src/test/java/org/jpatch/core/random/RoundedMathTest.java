package org.jpatch.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * RoundedMath against log, exp and pow computed to 300 bits by mpmath and rounded once
 * (tools/reference/random/gen_rounded_math.py); the file also holds glibc's values, which
 * differ from those in about one case of a thousand.
 */
class RoundedMathTest {
    private static final JsonNode CASES = LibmReference.CASES;

    private static double hex(JsonNode row, int i) {
        return LibmReference.hex(row, i);
    }

    @Test
    void logIsTheCorrectlyRoundedValue() {
        for (JsonNode row : CASES.get("log")) {
            assertEquals(hex(row, 1), RoundedMath.log(hex(row, 0)), () -> "log(" + row.get(0).asText() + ")");
        }
    }

    @Test
    void expIsTheCorrectlyRoundedValue() {
        for (JsonNode row : CASES.get("exp")) {
            assertEquals(hex(row, 1), RoundedMath.exp(hex(row, 0)), () -> "exp(" + row.get(0).asText() + ")");
        }
    }

    @Test
    void powIsTheCorrectlyRoundedValue() {
        for (JsonNode row : CASES.get("pow")) {
            assertEquals(hex(row, 2), RoundedMath.pow(hex(row, 0), hex(row, 1)),
                    () -> "pow(" + row.get(0).asText() + ", " + row.get(1).asText() + ")");
        }
    }

    /** The case that shows why draws through log may differ from NEURON's in the last bit. */
    @Test
    void glibcRoundsANearTieAwayFromTheExactValue() {
        double x = 0x1.805047d87fafcp-1;
        assertEquals(-0x1.25c02285101d0p-2, RoundedMath.log(x));
        boolean found = false;
        for (JsonNode row : CASES.get("log")) {
            if (hex(row, 0) == x) {
                found = true;
                assertEquals(-0x1.25c02285101cfp-2, hex(row, 2), "glibc's log of this argument");
            }
        }
        assertTrue(found);
    }

    /** tests-java's JVM runs with the foreign linker and native access: the draws call the C library. */
    @Test
    void drawsCallTheHostCLibraryWhenTheJvmMay() {
        assertTrue(DrawMath.usesHostLibm(), "the test JVM lacks native access (--enable-native-access)");
    }

    @Test
    void specialValuesFollowC() {
        assertEquals(Double.NEGATIVE_INFINITY, RoundedMath.log(0.0));
        assertTrue(Double.isNaN(RoundedMath.log(-1.0)));
        assertEquals(Double.POSITIVE_INFINITY, RoundedMath.log(Double.POSITIVE_INFINITY));
        assertEquals(0.0, RoundedMath.log(1.0));
        assertEquals(1.0, RoundedMath.exp(0.0));
        assertEquals(Double.POSITIVE_INFINITY, RoundedMath.exp(710.0));
        assertEquals(0.0, RoundedMath.exp(-746.0));
        assertTrue(Double.isNaN(RoundedMath.exp(Double.NaN)));
        assertEquals(1.0, RoundedMath.pow(Double.NaN, 0.0));
        assertEquals(0.0, RoundedMath.pow(0.0, 2.5));
        assertEquals(Double.POSITIVE_INFINITY, RoundedMath.pow(0.0, -2.5));
        assertTrue(Double.isNaN(RoundedMath.pow(-2.0, 0.5)));
        assertEquals(-8.0, RoundedMath.pow(-2.0, 3.0));
        assertEquals(4.0, RoundedMath.pow(-2.0, 2.0));
    }
}
