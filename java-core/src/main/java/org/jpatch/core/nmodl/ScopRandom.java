package org.jpatch.core.nmodl;

/**
 * NEURON's scop_random: one linear congruential generator for every mechanism of the
 * process (NEURON keeps its state in one static of libnrniv, scoprand.cpp), seed 1 until
 * set_seed. NEURON switches to mcell_ran4 only after hoc's use_mcran4(1), which jpatch
 * does not offer. Mechanisms that draw from it during the step are not split across threads
 * ({@link ThreadSafety}), so the draws come in NEURON's order.
 */
final class ScopRandom {
    private static final long MULTIPLIER = 2147437301L;
    private static final long INCREMENT = 453816981L;
    private static final double MODULUS = 4294967295.0;  // 2^32 - 1, the divisor NEURON uses
    private static final long UINT32 = 0xFFFFFFFFL;

    private static long value = 1;  // a uint32_t in NEURON

    private ScopRandom() {
    }

    /** Uniform on [0, 1]. */
    static synchronized double next() {
        value = (MULTIPLIER * value + INCREMENT) & UINT32;
        return value / MODULUS;
    }

    /** set_seed(seed): C's conversion of the double to uint32_t (modulo 2^32 for whole numbers in range). */
    static synchronized void setSeed(double seed) {
        value = ((long) seed) & UINT32;
    }
}
