package org.jpatch.core.mech.builtin;

/**
 * The Philox4x32-10 block function of Random123 (Salmon et al., SC11), the generator
 * behind NEURON's {@code nrnran123} streams: a pure function of a 128-bit counter and a
 * 64-bit key.
 *
 * <p>Written here rather than taken from a library: the engine depends on the JDK only,
 * and NEURON's streams need direct control of the four counter words (stream ids live in
 * words 1–3, the sequence in word 0), which generator-style APIs (e.g. Commons RNG's
 * Philox4x32, a {@code UniformRandomProvider}) do not expose.
 */
public final class Philox4x32 {
    private static final long MULTIPLIER_0 = 0xD2511F53L;
    private static final long MULTIPLIER_1 = 0xCD9E8D57L;
    private static final int KEY_BUMP_0 = 0x9E3779B9;
    private static final int KEY_BUMP_1 = 0xBB67AE85;
    private static final long LOW_32 = 0xFFFFFFFFL;
    private static final int ROUNDS = 10;

    private Philox4x32() {}

    /**
     * Encrypts {@code counter} (4 words, unsigned) with key ({@code key0}, {@code key1})
     * into {@code out} (4 words); {@code counter} is left as it was.
     */
    public static void block(int[] counter, int key0, int key1, int[] out) {
        int c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3];
        int k0 = key0, k1 = key1;
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                k0 += KEY_BUMP_0;
                k1 += KEY_BUMP_1;
            }
            long product0 = MULTIPLIER_0 * (c0 & LOW_32);
            long product1 = MULTIPLIER_1 * (c2 & LOW_32);
            int hi0 = (int) (product0 >>> 32), lo0 = (int) product0;
            int hi1 = (int) (product1 >>> 32), lo1 = (int) product1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
