package org.jpatch.core.random;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.builtin.Random123Stream;
import org.jpatch.core.mech.builtin.Random123Streams;

/**
 * NEURON's hoc {@code Random} (src/ivoc/ivocrand.cpp, src/gnu/Rand.cpp): a generator of
 * uniform bits ({@link MCellRan4} or {@link Random123Source}) under a distribution. Each
 * distribution method makes that distribution current and returns its first draw;
 * {@link #repick()} draws from the current one again. A new Random draws N(0, 1) from
 * the Random123 stream (seed, size, 0), as NEURON 9 (ACG, MLCG and Isaac64 are gone
 * from it, and so from here).
 *
 * <p>Arguments are checked as NEURON's chkarg does, each refusal naming the value; NaN,
 * which chkarg lets through, is refused.
 */
public final class Random {
    /** The default size argument, NEURON's 55 (the id2 of the default stream). */
    public static final int DEFAULT_SIZE = 55;
    private static final double MAX_SEQ4WHICH = 17179869183.0; // 2^34 - 1

    private final Random123Streams streams;
    private final MCellRan4Globals mcellGlobals;
    private UniformSource generator;
    private Distribution distribution = new Distribution.Normal(0.0, 1.0);

    /** Random(): the Random123 stream (0, 55, 0). */
    public Random(Random123Streams streams, MCellRan4Globals mcellGlobals) {
        this(streams, mcellGlobals, 0.0, DEFAULT_SIZE);
    }

    /** Random(seed): the Random123 stream (seed mod 2^32, 55, 0). */
    public Random(Random123Streams streams, MCellRan4Globals mcellGlobals, double seed) {
        this(streams, mcellGlobals, seed, DEFAULT_SIZE);
    }

    /** Random(seed, size): the Random123 stream (seed mod 2^32, size, 0), 7 <= size <= 98. */
    public Random(Random123Streams streams, MCellRan4Globals mcellGlobals, double seed, double size) {
        this.streams = streams;
        this.mcellGlobals = mcellGlobals;
        long id1 = ChkArg.wrappedUint32("Random seed", seed);
        int id2 = (int) ChkArg.inRange("Random size", size, 7, 98);
        generator = new Random123Source(streams.newStream(id1, id2, 0));
    }

    // ---- generators -------------------------------------------------------------------

    /** MCellRan4(): a new MCellRan4 generator with seed and low index 0; returns its seed. */
    public double mcellRan4() {
        return mcellRan4(0.0, 0.0);
    }

    public double mcellRan4(double seed) {
        return mcellRan4(seed, 0.0);
    }

    /**
     * MCellRan4(seed, lowindex): a new MCellRan4 generator; seed 0 takes one from the count
     * of generators made, low index 0 means the global one. Returns the seed it starts from.
     */
    public double mcellRan4(double seed, double lowIndex) {
        long high = ChkArg.uint32("MCellRan4 seed", seed);
        long low = ChkArg.uint32("MCellRan4 lowindex", lowIndex);
        MCellRan4 mcell = new MCellRan4(mcellGlobals, high, low);
        generator = mcell;
        return mcell.originalHighIndex();
    }

    /** Random123(id1, id2, id3): a new Random123 stream at position 0; returns 0. */
    public double random123(double id1, double id2, double id3) {
        generator = new Random123Source(streams.newStream(ChkArg.uint32("Random123 id1", id1),
                ChkArg.uint32("Random123 id2", id2), ChkArg.uint32("Random123 id3", id3)));
        return 0.0;
    }

    /** Random123_globalindex(): the key of every Random123 stream of the simulation. */
    public double random123GlobalIndex() {
        return streams.globalIndex();
    }

    /** Random123_globalindex(index): sets it (streams take it from their next block) and returns it. */
    public double random123GlobalIndex(double index) {
        streams.setGlobalIndex(ChkArg.uint32("Random123_globalindex", index));
        return streams.globalIndex();
    }

    /** seq(): MCellRan4's high index, or Random123's position 4·seq + which. */
    public double seq() {
        if (generator instanceof MCellRan4 mcell) {
            return mcell.highIndex();
        }
        return random123Stream().sequence();
    }

    /**
     * seq(x): sets that position. MCellRan4: x as C converts it to uint32 (modulo 2^32);
     * Random123: 0 <= x <= 2^34 - 1, seq = trunc(x/4), which = trunc(x - 4·seq).
     */
    public double seq(double position) {
        if (generator instanceof MCellRan4 mcell) {
            mcell.setHighIndex(ChkArg.wrappedUint32("seq", position));
            return mcell.highIndex();
        }
        double checked = ChkArg.inRange("seq", position, 0.0, MAX_SEQ4WHICH);
        long sequence = (long) (checked / 4.0);
        int which = (int) (checked - sequence * 4.0);
        Random123Stream stream = random123Stream();
        stream.setSequence(sequence, which);
        return stream.sequence();
    }

    /** Whether the generator is Random123 (what NetStim.noiseFromRandom requires). */
    public boolean isRandom123() {
        return generator instanceof Random123Source;
    }

    /** The Random123 stream under this Random; refused for MCellRan4. */
    public Random123Stream random123Stream() {
        if (generator instanceof Random123Source source) {
            return source.stream();
        }
        throw new InvalidValueException("this Random uses MCellRan4, not Random123");
    }

    // ---- distributions -----------------------------------------------------------------

    /** repick(): the next value of the current distribution. */
    public double repick() {
        return distribution.draw(generator);
    }

    /** Fills values[start..end] (inclusive) with draws of the current distribution (Vector.setrand). */
    public void fill(double[] values, int start, int end) {
        for (int i = start; i <= end; i++) {
            values[i] = distribution.draw(generator);
        }
    }

    /** uniform(low, high): on [low, high). */
    public double uniform(double low, double high) {
        return use(new Distribution.Uniform(low, high));
    }

    /** discunif(low, high): the integers from low to high, each argument truncated to an integer. */
    public double discunif(double low, double high) {
        return use(new Distribution.DiscreteUniform((long) low, (long) high));
    }

    /** normal(mean, variance). */
    public double normal(double mean, double variance) {
        return use(new Distribution.Normal(mean, variance));
    }

    /** lognormal(mean, variance): of the values themselves, not of their logarithm. */
    public double lognormal(double mean, double variance) {
        return use(new Distribution.LogNormal(mean, variance));
    }

    /** poisson(mean). */
    public double poisson(double mean) {
        return use(new Distribution.Poisson(mean));
    }

    /** binomial(n, p): n >= 0 (truncated to an integer), 0 <= p <= 1. */
    public double binomial(double n, double p) {
        int trials = (int) ChkArg.inRange("binomial n", n, 0, 1e99);
        double probability = ChkArg.inRange("binomial p", p, 0, 1);
        return use(new Distribution.Binomial(trials, probability));
    }

    /** geometric(mean): 0 <= mean <= 1. */
    public double geometric(double mean) {
        return use(new Distribution.Geometric(ChkArg.inRange("geometric mean", mean, 0, 1)));
    }

    /** hypergeo(mean, variance). */
    public double hypergeo(double mean, double variance) {
        return use(new Distribution.HyperGeometric(mean, variance));
    }

    /** negexp(mean). */
    public double negexp(double mean) {
        return use(new Distribution.NegativeExponential(mean));
    }

    /** erlang(mean, variance). */
    public double erlang(double mean, double variance) {
        return use(new Distribution.Erlang(mean, variance));
    }

    /** weibull(alpha, beta). */
    public double weibull(double alpha, double beta) {
        return use(new Distribution.Weibull(alpha, beta));
    }

    private double use(Distribution next) {
        distribution = next;
        return distribution.draw(generator);
    }
}
