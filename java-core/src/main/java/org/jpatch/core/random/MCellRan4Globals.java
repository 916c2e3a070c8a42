package org.jpatch.core.random;

/**
 * The state NEURON keeps once per process for its MCellRan4 generators: how many were
 * made (a generator made with seed 0 takes its seed from that count,
 * src/gnu/MCellRan4RNG.cpp) and the global low index that generators made without their
 * own use ({@code mcell_ran4_init}, src/gnu/mcran4.cpp). One instance per simulation,
 * as {@link org.jpatch.core.mech.builtin.Random123Streams} is.
 */
public final class MCellRan4Globals {
    private static final long UINT32 = 0xFFFFFFFFL;

    private long generatorsMade;
    private long lowIndex;

    /** Counts one more generator and returns the count, 1 for the first (NEURON's ++cnt_). */
    long countGenerator() {
        generatorsMade = (generatorsMade + 1) & UINT32;
        return generatorsMade;
    }

    /** mcell_ran4_init's value, the low index of generators made with low index 0. */
    public long lowIndex() {
        return lowIndex;
    }

    /** mcell_ran4_init(low): an unsigned 32-bit value; returns the previous one. */
    public long setLowIndex(double low) {
        long previous = lowIndex;
        lowIndex = ChkArg.uint32("mcell_ran4_init low index", low);
        return previous;
    }
}
