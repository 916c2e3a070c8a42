package org.jpatch.core.nmodl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * nocmodl writes PARAMETER defaults and START values into the C it generates with
 * {@code printf("%g")}: six significant digits. So NEURON's default of
 * {@code tEf = 2.302585092} is 2.30259, and jpatch must use the same value.
 */
final class PrintfG {
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private PrintfG() {
    }

    /** The double a C compiler reads back from {@code printf("%g", value)}. */
    static double roundTrip(double value) {
        if (!Double.isFinite(value) || value == 0.0) {
            return value;
        }
        // glibc prints the exact binary value rounded to nearest (ties to even), as BigDecimal does here
        return new BigDecimal(value).round(SIX_DIGITS).doubleValue();
    }
}
