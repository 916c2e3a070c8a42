package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** printf as glibc prints doubles (the expected strings are C's). */
class CFormatTest {
    @Test
    void generalDropsTrailingZerosAndSwitchesToExponentsAsC() {
        assertEquals("6 35.1", CFormat.format("%g %g", 6.0, 35.1));
        assertEquals("1e-05 0.0001 123457 1.23457e+06", CFormat.format("%g %g %g %g", 1e-5, 1e-4, 123456.7, 1234567.0));
        assertEquals("0 -0 inf nan", CFormat.format("%g %g %g %g", 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN));
        assertEquals("1.0e+01", CFormat.format("%.1e", 9.96));
        assertEquals("10", CFormat.format("%.2g", 9.96));
    }

    @Test
    void fixedRoundsTheExactBinaryValueTiesToEven() {
        assertEquals("0.12 0.38 1.00", CFormat.format("%.2f %.2f %4.2f", 0.125, 0.375, 0.999));
        assertEquals("-0.00", CFormat.format("%.2f", -0.001));
        assertEquals("  3.1|3.1  |+3.1|003.1", CFormat.format("%5.1f|%-5.1f|%+.1f|%05.1f", 3.14, 3.14, 3.14, 3.14));
        assertEquals("50%", CFormat.format("%g%%", 50.0));
    }

    @Test
    void conversionsCWouldReadOtherwiseAreReported() {
        assertNull(CFormat.unsupported("a %g b %4.2f\n", 2));
        assertNotNull(CFormat.unsupported("%d", 1));
        assertNotNull(CFormat.unsupported("%s", 1));
        assertNotNull(CFormat.unsupported("%g %g", 1));
    }
}
