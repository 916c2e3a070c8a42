package org.jpatch.core.random;

/**
 * NEURON's MCellRan4 generator (src/gnu/MCellRan4RNG.cpp, mcran4.cpp): the value of draw n
 * is a 64-bit hash of the pair (high index n, low index), John Skilling's Ranint4 as
 * NEURON modified it; the high index counts draws. A generator made with low index 0
 * uses the global low index ({@link MCellRan4Globals#lowIndex()}) at each draw.
 */
public final class MCellRan4 implements UniformSource {
    private static final double TWO_POW_MINUS_32 = 1.0 / 4294967296.0;
    private static final long UINT32 = 0xFFFFFFFFL;

    private final MCellRan4Globals globals;
    private final int lowIndex;
    /** The high index of the next draw (NEURON's ihigh_), an unsigned 32-bit value. */
    private int highIndex;
    /** The high index this generator started from, after seed 0 was replaced. */
    private final int originalHighIndex;

    /**
     * A generator with seed {@code highIndex} (0: the hash of the count of generators made,
     * as NEURON) and low index {@code lowIndex} (0: the global one), both unsigned 32-bit.
     */
    MCellRan4(MCellRan4Globals globals, long highIndex, long lowIndex) {
        this.globals = globals;
        this.lowIndex = (int) lowIndex;
        long made = globals.countGenerator();
        this.highIndex = (int) highIndex;
        if (highIndex == 0) {
            this.highIndex = (int) made;
            this.highIndex = (int) nextUint32();
        }
        this.originalHighIndex = this.highIndex;
    }

    /** The seed this generator started from (the value Random.MCellRan4() returns). */
    public long originalHighIndex() {
        return originalHighIndex & UINT32;
    }

    /** The high index of the next draw (Random.seq()). */
    public long highIndex() {
        return highIndex & UINT32;
    }

    public void setHighIndex(long index) {
        highIndex = (int) index;
    }

    @Override
    public long nextUint32() {
        int low = lowIndex != 0 ? lowIndex : (int) globals.lowIndex();
        return hash(highIndex++, low) & UINT32;
    }

    /** nrnRan4dbl: the 32 bits over 2^32, in [0, 1). */
    @Override
    public double nextDouble() {
        return nextUint32() * TWO_POW_MINUS_32;
    }

    @Override
    public void reset() {
        highIndex = originalHighIndex;
    }

    /** nrnRan4int's hash of (high, low): two rounds of a 16-bit multiply-and-swap mixer. */
    static int hash(int high, int low) {
        int mixed = low ^ round(high ^ 0xbaa96887, 0x4b0f3b58);
        return high ^ round(mixed ^ 0x1e17d32c, 0xe874f0c3);
    }

    /** One round: from w = input, v = w >>> 16, w &= 0xffff, u = ~((v - w)(v + w)); swap u's halves, xor key, add w·v. */
    private static int round(int input, int key) {
        int upper = input >>> 16;
        int lower = input & 0xffff;
        int u = ~((upper - lower) * (upper + lower));
        return (Integer.rotateLeft(u, 16) ^ key) + lower * upper;
    }
}
