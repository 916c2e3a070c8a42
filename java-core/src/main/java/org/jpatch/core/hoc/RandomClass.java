package org.jpatch.core.hoc;

import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.jpatch.core.random.MCellRan4Globals;
import org.jpatch.core.random.Random;
import org.jpatch.core.random.RandomPlay;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;

/**
 * {@code h.Random} (ivocrand.cpp's members over {@link Random}) and {@code h.mcell_ran4_init}.
 * Random123 streams share the simulation's event system's key (Random123_globalindex reaches
 * NetStim too); MCellRan4's process-wide count and low index are this registry's.
 * Out-of-range arguments raise {@link HocExecError}, as NEURON's chkarg ("Arg out of range").
 */
final class RandomClass {
    private RandomClass() {}

    static void register(HocRegistry registry, Simulation sim) {
        MCellRan4Globals mcellGlobals = new MCellRan4Globals();
        // without an event system (a Java program's registry) the streams are the registry's own
        Random123Streams ownStreams = new Random123Streams();
        registry.add(HocClass.of("Random", Random.class,
                        "Random([seed [, size]]): random numbers of a distribution, from the Random123 stream"
                                + " (seed, size = 55, 0) or, after MCellRan4(), from MCellRan4; draws normal(0, 1) until"
                                + " a distribution method is called.")
                .constructor(args -> {
                    args.expect(0, 2);
                    Random123Streams streams = sim.eventDelivery() instanceof EventSystem events
                            ? events.randomStreams() : ownStreams;
                    double seed = args.has(0) ? args.number(0) : 0.0;
                    double size = args.has(1) ? args.number(1) : Random.DEFAULT_SIZE;
                    return checked(() -> new Random(streams, mcellGlobals, seed, size));
                })
                .method("MCellRan4", "MCellRan4([seed [, lowindex]]): use the MCellRan4 generator; seed 0 (or none)"
                        + " picks one from the count of generators made, lowindex 0 uses mcell_ran4_init's. Returns the seed.",
                        (r, args) -> {
                            args.expect(0, 2);
                            double seed = args.has(0) ? args.number(0) : 0.0;
                            double low = args.has(1) ? args.number(1) : 0.0;
                            return checkedValue(() -> r.mcellRan4(seed, low));
                        })
                .method("Random123", "Random123([id1 [, id2 [, id3]]]): use the Random123 stream of these ids"
                        + " (each 0 to 2^32 - 1, default 0) from its start. Returns 0.", (r, args) -> {
                            args.expect(0, 3);
                            double[] ids = new double[3];
                            for (int i = 0; i < 3; i++) {
                                ids[i] = args.has(i) ? args.number(i) : 0.0;
                            }
                            return checkedValue(() -> r.random123(ids[0], ids[1], ids[2]));
                        })
                .method("Random123_globalindex", "Random123_globalindex([index]): the key every Random123 stream"
                        + " (Random's and NetStim's) uses from its next block on; sets it when given.", (r, args) -> {
                            args.expect(0, 1);
                            if (args.has(0)) {
                                double index = args.number(0);
                                return checkedValue(() -> r.random123GlobalIndex(index));
                            }
                            return r.random123GlobalIndex();
                        })
                .method("seq", "seq([x]): the position of the generator (MCellRan4: the index of the next draw;"
                        + " Random123: 4*counter + word); sets it when given.", (r, args) -> {
                            args.expect(0, 1);
                            if (args.has(0)) {
                                double position = args.number(0);
                                return checkedValue(() -> r.seq(position));
                            }
                            return r.seq();
                        })
                .method("repick", "repick(): the next value of the current distribution.",
                        (r, args) -> {
                            args.expect(0, 0);
                            return r.repick();
                        })
                .method("uniform", "uniform(low, high): uniform on [low, high); returns the first value.",
                        (r, args) -> r2(args, r::uniform))
                .method("discunif", "discunif(low, high): the integers low..high, each equally likely.",
                        (r, args) -> r2(args, r::discunif))
                .method("normal", "normal(mean, variance): Gaussian.", (r, args) -> r2(args, r::normal))
                .method("lognormal", "lognormal(mean, variance): e^N with that mean and variance.",
                        (r, args) -> r2(args, r::lognormal))
                .method("poisson", "poisson(mean): Poisson counts.", (r, args) -> r1(args, r::poisson))
                .method("binomial", "binomial(n, p): successes of n trials of probability p (0 <= p <= 1).",
                        (r, args) -> r2(args, r::binomial))
                .method("geometric", "geometric(mean): draws up to the first at or above mean (0 <= mean <= 1).",
                        (r, args) -> r1(args, r::geometric))
                .method("hypergeo", "hypergeo(mean, variance): libg++'s hypergeometric (two exponentials).",
                        (r, args) -> r2(args, r::hypergeo))
                .method("negexp", "negexp(mean): exponential.", (r, args) -> r1(args, r::negexp))
                .method("erlang", "erlang(mean, variance): sum of round(mean^2/variance) exponentials.",
                        (r, args) -> r2(args, r::erlang))
                .method("weibull", "weibull(alpha, beta): (beta*(-ln(1-u)))^(1/alpha).",
                        (r, args) -> r2(args, r::weibull))
                .method("play", "play(_ref_var): the variable takes a new value of the current distribution at"
                        + " finitialize and at every step.", (r, args) -> {
                            VarRef target = args.expect(1, 1).object(0, VarRef.class);
                            RandomPlay.start(sim, r, target);
                            return 0.0;
                        }));
        registry.add(new HocFunction("mcell_ran4_init", "mcell_ran4_init([low]): the low index of MCellRan4"
                + " generators made with lowindex 0; sets it when given (0 to 2^32 - 1). Returns the previous one.",
                args -> {
                    args.expect(0, 1);
                    if (args.has(0)) {
                        double low = args.number(0);
                        return checkedValue(() -> (double) mcellGlobals.setLowIndex(low));
                    }
                    return (double) mcellGlobals.lowIndex();
                }));
        registry.notProvided("mcell_ran4", "mcell_ran4(&index) needs a pointer to a hoc variable; Random.MCellRan4 gives the same values");
        registry.notProvided("use_mcell_ran4", "NMODL's scop_random keeps NEURON's default generator; MCellRan4 is reached through Random");
    }

    private interface DrawOne {
        double draw(double a);
    }

    private interface DrawTwo {
        double draw(double a, double b);
    }

    private static Object r1(HocArgs args, DrawOne method) {
        double a = args.expect(1, 1).number(0);
        return checkedValue(() -> method.draw(a));
    }

    private static Object r2(HocArgs args, DrawTwo method) {
        double a = args.expect(2, 2).number(0);
        double b = args.number(1);
        return checkedValue(() -> method.draw(a, b));
    }

    private static Object checkedValue(DoubleSupplier call) {
        return checked(call::getAsDouble);
    }

    /** The engine's refusal of an argument as NEURON's chkarg raises it (hoc_execerror). */
    private static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidValueException e) {
            throw new HocExecError(e.getMessage() + ": Arg out of range in user function");
        }
    }
}
