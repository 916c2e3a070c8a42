package org.jpatch.core.random;

/**
 * A generator of uniform bits under a NEURON Random ({@code RNG} of src/gnu/RNG.h): the
 * distributions draw from it through {@link #nextDouble()}, Vector and NetStim through
 * the object that owns it.
 */
public interface UniformSource {
    /** The next 32 random bits, as an unsigned value in [0, 2^32 - 1] (RNG::asLong). */
    long nextUint32();

    /** The next uniform value, in this generator's own mapping to [0, 1] (RNG::asDouble). */
    double nextDouble();

    /** Back to where the generator started (RNG::reset). */
    void reset();
}
