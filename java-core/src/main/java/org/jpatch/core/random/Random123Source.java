package org.jpatch.core.random;

import org.jpatch.core.mech.builtin.Random123Stream;

/**
 * A Random's Random123 generator (src/gnu/NrnRandom123RNG.hpp): one Philox stream of the
 * simulation's {@link org.jpatch.core.mech.builtin.Random123Streams}, drawn as NMODL's
 * RANDOM variables draw theirs, so NetStim.noiseFromRandom can copy its position.
 */
public final class Random123Source implements UniformSource {
    private final Random123Stream stream;

    Random123Source(Random123Stream stream) {
        this.stream = stream;
    }

    public Random123Stream stream() {
        return stream;
    }

    @Override
    public long nextUint32() {
        return stream.nextUint32();
    }

    /** nrnran123_dblpick: (u + 1)/(2^32 + 1), in (0, 1). */
    @Override
    public double nextDouble() {
        return stream.uniform();
    }

    @Override
    public void reset() {
        stream.setSequence(0, 0);
    }
}
