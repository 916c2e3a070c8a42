package org.jpatch.core.mech.builtin;

/**
 * One NEURON Random123 stream ({@code nrnran123_State}): counter word 0 is the sequence,
 * words 1, 2, 3 hold the ids id3, id1, id2; the four 32-bit words of the current Philox
 * block are handed out in order before the counter advances.
 */
public final class Random123Stream {
    /** 1/(2^32 + 1): uniform draws are (u + 1)/(2^32 + 1), never 0 or 1. */
    private static final double SHIFT32 = 1.0 / 4294967297.0;
    private static final long LOW_32 = 0xFFFFFFFFL;

    private final Random123Streams registry;
    private final int[] counter = new int[4];
    private final int[] block = new int[4];
    /** Index in {@link #block} of the next word handed out, 0..3. */
    private int which;

    Random123Stream(Random123Streams registry, int id1, int id2, int id3) {
        this.registry = registry;
        setIdWords(id1, id2, id3);
        setSequence(0, 0);
    }

    /** noiseFromRandom123 / nrnran123_setids: new ids; the sequence position is kept (as NEURON). */
    public void setIds(long id1, long id2, long id3) {
        setIdWords(Random123Streams.uint32("id1", id1), Random123Streams.uint32("id2", id2),
                Random123Streams.uint32("id3", id3));
    }

    private void setIdWords(int id1, int id2, int id3) {
        counter[1] = id3;
        counter[2] = id1;
        counter[3] = id2;
    }

    public long id1() { return counter[2] & LOW_32; }
    public long id2() { return counter[3] & LOW_32; }
    public long id3() { return counter[1] & LOW_32; }

    /** nrnran123_setseq(seq, which): which outside 0..3 becomes 0, as NEURON. */
    public void setSequence(long sequence, int which) {
        this.which = (which < 0 || which > 3) ? 0 : which;
        counter[0] = (int) sequence;
        Philox4x32.block(counter, registry.key0(), 0, block);
    }

    /**
     * nrnran123_setseq(seq4which) with the 34-bit position 4·seq + which as a double:
     * negative or above 2^40 - 1 means 0.
     */
    public void setSequence(double seq4which) {
        if (seq4which < 0.0 || seq4which > (double) 0xFFFFFFFFFFL) {
            seq4which = 0.0;
        }
        long position = ((long) seq4which) & 0x3FFFFFFFFL;
        setSequence(position >>> 2, (int) (position & 3));
    }

    /** The position 4·seq + which (Random.seq()). */
    public double sequence() {
        return (counter[0] & LOW_32) * 4.0 + which;
    }

    /** nrnran123_ipick: the next 32-bit word, as an unsigned value. */
    public long nextUint32() {
        int value = block[which++];
        if (which > 3) {
            which = 0;
            incrementCounter();
            Philox4x32.block(counter, registry.key0(), 0, block);
        }
        return value & LOW_32;
    }

    /** The 128-bit counter + 1, carrying from word 0 upward (Random123's ctr.incr()). */
    private void incrementCounter() {
        for (int word = 0; word < 4; word++) {
            if (++counter[word] != 0) {
                return;
            }
        }
    }

    /** nrnran123_dblpick / uniform: (u + 1)/(2^32 + 1) ∈ (0, 1). */
    public double uniform() {
        return (nextUint32() + 1.0) * SHIFT32;
    }

    /** nrnran123_negexp: -ln(uniform), mean 1. */
    public double negexp() {
        return -Math.log(uniform());
    }
}
