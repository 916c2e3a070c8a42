package org.jpatch.core.mech.builtin;

import org.jpatch.core.InvalidValueException;

/**
 * The state NEURON keeps once per process for its Random123 streams
 * ({@code src/gnu/nrnran123.cpp}): the global index (key word 0 of every stream's
 * Philox key; key word 1 is always 0) and the counter that numbers default streams.
 * One instance per simulation, so two simulations in one JVM do not disturb each other.
 */
public final class Random123Streams {
    private int globalIndex;
    /** id3 of the last default stream; NEURON pre-increments it, so the first is 1. */
    private int lastDefaultId3;

    /**
     * A stream with NEURON's default ids (1, {@code rank}, n) where n counts default
     * streams made by this registry (1, 2, ...), as {@code nrnran123_newstream()}.
     */
    public Random123Stream newDefaultStream(int rank) {
        return new Random123Stream(this, 1, rank, (int) nextDefaultId3());
    }

    /** The id3 of the next default stream (1, 2, ...), for streams kept outside a Random123Stream. */
    public long nextDefaultId3() {
        return ++lastDefaultId3 & 0xFFFFFFFFL;
    }

    /** A stream with explicit ids, each an unsigned 32-bit value in [0, 2^32 - 1]. */
    public Random123Stream newStream(long id1, long id2, long id3) {
        return new Random123Stream(this, uint32("id1", id1), uint32("id2", id2), uint32("id3", id3));
    }

    /** Random123_globalindex: key word 0 for every stream of this registry, from its next block on. */
    public long globalIndex() {
        return globalIndex & 0xFFFFFFFFL;
    }

    public void setGlobalIndex(long index) {
        globalIndex = uint32("globalindex", index);
    }

    int key0() {
        return globalIndex;
    }

    static int uint32(String what, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new InvalidValueException(what + " = " + value + " is not an unsigned 32-bit integer");
        }
        return (int) value;
    }
}
