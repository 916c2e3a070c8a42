package org.jpatch.core.random;

import org.jpatch.core.InvalidValueException;

/**
 * NEURON's readings of a hoc argument: {@code chkarg(i, low, high)} refuses values outside
 * the range, {@code (uint32_t)} truncates the fraction. NaN, which chkarg's comparisons
 * let through into an undefined conversion, is refused too.
 */
final class ChkArg {
    private static final double MAX_UINT32 = 4294967295.0;

    private ChkArg() {}

    /** (uint32_t) chkarg(value, 0, 2^32 - 1). */
    static long uint32(String what, double value) {
        return (long) inRange(what, value, 0.0, MAX_UINT32);
    }

    /** chkarg(value, low, high): the value itself if low <= value <= high. */
    static double inRange(String what, double value, double low, double high) {
        if (Double.isNaN(value) || value < low || value > high) {
            throw new InvalidValueException(what + " = " + value + " is outside [" + low + ", " + high + "]");
        }
        return value;
    }

    /** C's conversion double -> long -> uint32_t of an unchecked argument (modulo 2^32). */
    static long wrappedUint32(String what, double value) {
        if (Double.isNaN(value)) {
            throw new InvalidValueException(what + " = NaN is not a number");
        }
        return ((long) value) & 0xFFFFFFFFL;
    }
}
