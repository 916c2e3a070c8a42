package org.jpatch.core.hoc;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jpatch.core.random.Random;
import org.jpatch.core.record.Vector;
import org.jpatch.core.record.VectorCalculus;
import org.jpatch.core.record.VectorHistograms;
import org.jpatch.core.record.VectorSearch;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;

/**
 * {@code h.Vector}: NEURON's Vector methods (src/ivoc/ivocvect.cpp) over {@link Vector}, each
 * declared once with its doc. Methods NEURON returns the vector from return it (chainable); index
 * arguments are truncated to int, as NEURON's chkarg. Python-only members (from_python, to_python,
 * as_numpy, indexing, slicing, pickling) live in the Python proxy; an apply() with a Python callable
 * runs there too.
 */
final class VectorClass {
    private VectorClass() {}

    static void register(HocRegistry registry, Simulation sim) {
        HocClass<Vector> cls = HocClass.of("Vector", Vector.class,
                "Vector([size, [fill]] | values): a growable array of doubles (NEURON's Vector).")
                .constructor(VectorClass::create)
                .array("x", "x[i]: element i, read or written (no negative indices).", Vector::size, Vector::get,
                        Vector::set);
        elements(cls);
        statistics(cls);
        arithmetic(cls, registry);
        searches(cls);
        reshaping(cls);
        calculus(cls);
        histograms(cls);
        recording(cls, sim);
        registry.add(cls);
    }

    private static Vector create(HocArgs args) {
        args.expect(0, 2);
        if (!args.has(0)) {
            return new Vector();
        }
        Object first = args.value(0);
        if (first instanceof Number) {
            double n = args.number(0);
            if (!(n >= 0 && n <= 1e10)) {
                throw new HocExecError("Vector(" + n + "): size out of range [0, 1e10]");
            }
            Vector v = new Vector((int) n);
            return args.has(1) ? v.fill(args.number(1)) : v;
        }
        if (first instanceof Vector source) {
            return source.copy();
        }
        return new Vector(numbers(args, 0));
    }

    private static void elements(HocClass<Vector> cls) {
        cls.query("size", "size(): the number of elements.", (v, args) -> {
            args.expect(0, 0);
            return v.size();
        }).query("buffer_size", "buffer_size([n]): the capacity; with n, reserves room for n elements.", (v, args) -> {
            if (args.expect(0, 1).size() == 1) {
                v.ensureCapacity(intIn(args, 0, v.size(), Integer.MAX_VALUE - 8));
            }
            return v.capacity();
        }).query("get", "get(i): element i.", (v, args) -> v.get(intIn(args.expect(1, 1), 0, 0, v.size() - 1)))
                .method("set", "set(i, value): element i becomes value; returns the vector.", (v, args) ->
                        v.set(intIn(args.expect(2, 2), 0, 0, v.size() - 1), args.number(1)))
                .method("resize", "resize(n): n elements, new ones 0; returns the vector.", (v, args) ->
                        v.resize(intIn(args.expect(1, 1), 0, 0, Integer.MAX_VALUE - 8)))
                .method("clear", "clear(): size 0; returns the vector.", (v, args) -> v.clear())
                .method("append", "append(x or vec, ...): appends numbers and vectors in order; returns the vector.",
                        VectorClass::append)
                .method("insrt", "insrt(i, x or vec, ...): inserts numbers and vectors before index i; returns the vector.",
                        (v, args) -> {
                            int at = intIn(args.expect(1, Integer.MAX_VALUE), 0, 0, v.size());
                            return v.insert(at, flatten(v, args, 1, "insrt"));
                        })
                .method("remove", "remove(i, [j]): removes element i, or elements i..j; returns the vector.", (v, args) -> {
                    int start = intIn(args.expect(1, 2), 0, 0, v.size() - 1);
                    return v.remove(start, args.size() == 2 ? intIn(args, 1, start, v.size() - 1) : start);
                })
                .method("fill", "fill(value, [start, end]): sets elements (start..end) to value; returns the vector.",
                        (v, args) -> {
                            if (args.expect(1, 3).size() == 1) {
                                return v.fill(args.number(0));
                            }
                            int start = intIn(args.expect(3, 3), 1, 0, v.size() - 1);
                            return v.fill(args.number(0), start, intIn(args, 2, start, v.size() - 1));
                        })
                .method("setrand", "setrand(random, [start, end]): every element (or start..end) a draw of the"
                        + " Random's current distribution, in index order; returns the vector.", (v, args) -> {
                            Random random = args.expect(1, 3).object(0, Random.class);
                            return args.size() == 1 ? v.setrand(random) : v.setrand(random, args.integer(1), args.integer(2));
                        })
                .method("indgen", "indgen([[start,] step]) or indgen(start, end, step): x[i] = start + i*step;"
                        + " returns the vector.", VectorClass::indgen)
                .method("copy", "copy(src, [dest_start]), copy(src, src_start, src_end), copy(src, dest_start, src_start,"
                        + " src_end, [dest_inc, src_inc]) or copy(src, src_indices, [dest_indices]); returns the vector.",
                        VectorClass::copy)
                .query("c", "c([start, [end]]): a new vector with a copy of the elements (start..end).", VectorClass::at)
                .query("cl", "cl([start, [end]]): as c(), with the label copied too.", (v, args) -> at(v, args).label(v.label()))
                .query("at", "at([start, [end]]): as c().", VectorClass::at)
                .query("ind", "ind(indices): a new vector of the elements at the given indices (others skipped).",
                        (v, args) -> v.elementsAt(args.expect(1, 1).object(0, Vector.class)))
                .method("index", "index([src,] indices): this[i] = src[indices[i]] (0 outside src); returns the vector.",
                        (v, args) -> args.expect(1, 2).size() == 2
                                ? v.gather(args.object(0, Vector.class), args.object(1, Vector.class))
                                : v.gather(v, args.object(0, Vector.class)))
                // not a query: it fills dest
                .method("sortindex", "sortindex([dest]): the indices that sort the vector ascending (in dest or a new vector).",
                        (v, args) -> v.sortIndex(args.expect(0, 1).size() == 1 ? args.object(0, Vector.class) : new Vector()))
                .method("label", "label([text]): the vector's label; with text, sets it.", (v, args) -> {
                    if (args.expect(0, 1).size() == 1) {
                        v.label(args.string(0));
                    }
                    return v.label() == null ? "" : v.label();
                });
    }

    private static void statistics(HocClass<Vector> cls) {
        cls.query("sum", "sum([start, end]): the sum of the elements (start..end).", (v, args) ->
                ranged(v, args) ? v.sum(start(v, args), end(v, args)) : v.sum())
                .query("sumsq", "sumsq([start, end]): the sum of squares.", (v, args) ->
                        ranged(v, args) ? v.sumsq(start(v, args), end(v, args)) : v.sumsq())
                .query("mean", "mean([start, end]): the mean (NEURON 9's formula with a range).", (v, args) ->
                        ranged(v, args) ? v.mean(start(v, args), end(v, args)) : v.mean())
                .query("var", "var([start, end]): the sample variance (n-1).", (v, args) ->
                        ranged(v, args) ? v.var(start(v, args), end(v, args)) : v.var())
                .query("stdev", "stdev([start, end]): the sample standard deviation.", (v, args) ->
                        ranged(v, args) ? v.stdev(start(v, args), end(v, args)) : v.stdev())
                .query("stderr", "stderr([start, end]): the standard error of the mean.", (v, args) ->
                        ranged(v, args) ? v.stderr(start(v, args), end(v, args)) : v.stderr())
                .query("min", "min([start, end]): the smallest element (0 if empty).", (v, args) ->
                        ranged(v, args) ? v.min(start(v, args), end(v, args)) : v.min())
                .query("max", "max([start, end]): the largest element (0 if empty).", (v, args) ->
                        ranged(v, args) ? v.max(start(v, args), end(v, args)) : v.max())
                .query("min_ind", "min_ind([start, end]): the index of the first smallest element (-1 if empty).",
                        (v, args) -> ranged(v, args) ? v.minIndex(start(v, args), end(v, args)) : v.minIndex())
                .query("max_ind", "max_ind([start, end]): the index of the first largest element (-1 if empty).",
                        (v, args) -> ranged(v, args) ? v.maxIndex(start(v, args), end(v, args)) : v.maxIndex())
                .query("median", "median(): the middle value (mean of the two middle ones for an even size).",
                        (v, args) -> v.median())
                .query("dot", "dot(vec): the dot product.", (v, args) -> v.dot(args.expect(1, 1).object(0, Vector.class)))
                .query("mag", "mag(): the Euclidean length.", (v, args) -> v.mag())
                .query("meansqerr", "meansqerr(vec, [weights]): the mean of the (weighted) squared differences.",
                        (v, args) -> v.meansqerr(args.expect(1, 2).object(0, Vector.class),
                                args.size() == 2 ? args.object(1, Vector.class) : null))
                .query("eq", "eq(vec): 1 if vec has the same size and elements (within 1e-11), else 0.",
                        (v, args) -> v.sameAs(args.expect(1, 1).object(0, Vector.class)) ? 1.0 : 0.0)
                .query("contains", "contains(x): True if some element equals x (within 1e-11).",
                        (v, args) -> v.contains(args.expect(1, 1).number(0)));
    }

    private static void arithmetic(HocClass<Vector> cls, HocRegistry registry) {
        cls.method("add", "add(x or vec): adds a number or, element-wise, a vector; returns the vector.", (v, args) ->
                args.expect(1, 1).value(0) instanceof Vector o ? v.add(o) : v.add(args.number(0)))
                .method("sub", "sub(x or vec): subtracts; returns the vector.", (v, args) ->
                        args.expect(1, 1).value(0) instanceof Vector o ? v.sub(o) : v.sub(args.number(0)))
                .method("mul", "mul(x or vec): multiplies; returns the vector.", (v, args) ->
                        args.expect(1, 1).value(0) instanceof Vector o ? v.mul(o) : v.mul(args.number(0)))
                .method("div", "div(x or vec): divides (a scalar 0 is an error); returns the vector.", (v, args) ->
                        args.expect(1, 1).value(0) instanceof Vector o ? v.div(o) : v.div(args.number(0)))
                .method("scale", "scale(low, high): maps [min, max] onto [low, high]; returns the factor.", (v, args) ->
                        v.scale(args.expect(2, 2).number(0), args.number(1)))
                .method("pow", "pow([src,] p): element-wise power; returns the vector.", (v, args) -> {
                    boolean withSource = args.expect(1, 2).value(0) instanceof Vector;
                    return v.pow(withSource ? args.object(0, Vector.class) : v, args.number(withSource ? 1 : 0));
                })
                .method("sqrt", "sqrt([src]): element-wise square root; returns the vector.", unary(Vector::hocSqrt))
                .method("abs", "abs([src]): element-wise absolute value; returns the vector.", unary(Math::abs))
                .method("floor", "floor([src]): element-wise floor; returns the vector.", unary(Math::floor))
                .method("log", "log([src]): element-wise natural logarithm; returns the vector.", unary(Math::log))
                .method("log10", "log10([src]): element-wise base-10 logarithm; returns the vector.", unary(Math::log10))
                .method("tanh", "tanh([src]): element-wise hyperbolic tangent; returns the vector.", unary(Math::tanh))
                .method("sin", "sin(freq, phase, [dt]): x[i] = sin(2*PI*freq/1000*dt*i + phase); returns the vector.",
                        (v, args) -> v.sine(args.expect(2, 3).number(0), args.number(1), args.size() == 3 ? args.number(2) : 1))
                .method("apply", "apply(\"func\", [start, end]): x[i] = func(x[i]) with a hoc function (or a Python"
                        + " callable); returns the vector.", (v, args) -> apply(v, args, registry))
                .query("reduce", "reduce(\"func\", [base, [start, end]]): base + the sum of func(x[i]).", (v, args) -> {
                    HocFunction f = function(registry, args.expect(1, 4).string(0));
                    double base = args.size() >= 2 ? args.number(1) : 0;
                    int start = args.size() >= 3 ? intIn(args, 2, 0, v.size() - 1) : 0;
                    int end = args.size() >= 4 ? intIn(args, 3, start, v.size() - 1) : v.size() - 1;
                    for (int i = start; i <= end; i++) {
                        base += call(f, v.get(i));
                    }
                    return base;
                });
    }

    private static void searches(HocClass<Vector> cls) {
        cls.query("indwhere", "indwhere(\"op\", x, [y]): the index of the first element satisfying op (-1 if none).",
                (v, args) -> search(args, 0).firstIndex(v))
                .method("where", "where([src,] \"op\", x, [y]): the vector becomes the elements of src satisfying op;"
                        + " returns the vector.", (v, args) -> {
                            int at = args.value(0) instanceof Vector ? 1 : 0;
                            return search(args, at).values(at == 1 ? args.object(0, Vector.class) : v, v);
                        })
                .method("indvwhere", "indvwhere([src,] \"op\", x, [y]): the vector becomes the indices of the elements"
                        + " of src satisfying op; returns the vector.", (v, args) -> {
                            int at = args.value(0) instanceof Vector ? 1 : 0;
                            return search(args, at).indices(at == 1 ? args.object(0, Vector.class) : v, v);
                        });
    }

    private static void reshaping(HocClass<Vector> cls) {
        cls.method("sort", "sort(): ascending, in place; returns the vector.", (v, args) -> v.sort())
                .method("reverse", "reverse(): in place; returns the vector.", (v, args) -> v.reverse())
                .method("rotate", "rotate(n, [0]): shifts right by n (left if negative), wrapping round unless a"
                        + " second argument is given (then zero-filling); returns the vector.", (v, args) ->
                        v.rotate((int) args.expect(1, 2).number(0), args.size() == 1));
    }

    private static void calculus(HocClass<Vector> cls) {
        cls.method("deriv", "deriv([src,] [dx, [1|2]]): the derivative (2: centred differences, 1: forward);"
                + " returns the vector.", (v, args) -> {
                    int at = args.value(0) instanceof Vector ? 1 : 0;
                    Vector src = at == 1 ? args.object(0, Vector.class) : v;
                    double dx = args.size() > at ? args.number(at) : 1;
                    int form = args.size() > at + 1 ? intIn(args, at + 1, 1, 2) : 2;
                    return VectorCalculus.deriv(v, src, dx, form == 2);
                })
                .method("integral", "integral([src,] [dx]): the running sum x[0], x[0]+x[1]*dx, …; returns the vector.",
                        (v, args) -> {
                            int at = args.value(0) instanceof Vector ? 1 : 0;
                            Vector src = at == 1 ? args.object(0, Vector.class) : v;
                            return VectorCalculus.integral(v, src, args.size() > at ? args.number(at) : 1);
                        })
                .method("interpolate", "interpolate(xdest, xsrc, [ysrc]): the vector becomes ysrc (default: itself)"
                        + " linearly interpolated at xdest; returns the vector.", (v, args) -> {
                            args.expect(2, 3);
                            Vector ys = args.size() == 3 ? args.object(2, Vector.class) : v.copy();
                            return VectorCalculus.interpolate(v, args.object(0, Vector.class), args.object(1, Vector.class), ys);
                        });
    }

    private static void histograms(HocClass<Vector> cls) {
        cls.query("histogram", "histogram(low, high, width): a new vector of bin counts (bin 0 below low).",
                (v, args) -> {
                    double low = args.expect(3, 3).number(0);
                    double high = numberIn(args, 1, low, 1e99);
                    return VectorHistograms.histogram(v, low, high, numberIn(args, 2, 0, high - low));
                })
                .method("hist", "hist(data, start, n, width): the vector becomes n bin counts of data; returns it.",
                        (v, args) -> VectorHistograms.hist(v, args.expect(4, 4).object(0, Vector.class), args.number(1),
                                (int) args.number(2), numberIn(args, 3, 1e-99, 1e99)))
                .query("sumgauss", "sumgauss(low, high, width, var, [weights]): a new vector, the sum of Gaussians"
                        + " centred on the elements.", (v, args) -> {
                            double low = args.expect(4, 5).number(0);
                            return VectorHistograms.sumgauss(v, low, numberIn(args, 1, low, 1e99), numberIn(args, 2, 1e-99, 1e99),
                                    numberIn(args, 3, 0, 1e99), args.size() == 5 ? args.object(4, Vector.class) : null);
                        })
                .method("smhist", "smhist(data, start, n, width, var, [weights]): the vector becomes the histogram of"
                        + " data smoothed by a Gaussian; returns it.", (v, args) -> VectorHistograms.smhist(v,
                                args.expect(5, 6).object(0, Vector.class), args.number(1), (int) args.number(2),
                                numberIn(args, 3, 1e-99, 1e99), numberIn(args, 4, 0, 1e99),
                                args.size() == 6 ? args.object(5, Vector.class) : null))
                .method("spikebin", "spikebin(data, thresh, [bin]): the vector becomes 1 in each bin where data"
                        + " crosses thresh upwards, else 0; returns it.", (v, args) -> VectorHistograms.spikebin(v,
                                args.expect(2, 3).object(0, Vector.class), args.number(1),
                                args.size() == 3 ? (int) numberIn(args, 2, 0, 1e6) : 1));
    }

    private static void recording(HocClass<Vector> cls, Simulation sim) {
        cls.method("record", "record(&var, [Dt or tvec]): records var every step, every Dt ms or at tvec's times;"
                + " returns the vector.", (v, args) -> {
                    VarRef ref = args.expect(1, 2).object(0, VarRef.class);
                    if (args.size() == 1) {
                        return v.record(sim, ref);
                    }
                    return args.value(1) instanceof Vector tvec ? v.record(sim, ref, tvec) : v.record(sim, ref, args.number(1));
                })
                .method("play", "play(&var, Dt or tvec, [continuous or indices]): plays the values into var;"
                        + " returns the vector.", (v, args) -> {
                            VarRef ref = args.expect(2, 3).object(0, VarRef.class);
                            if (!(args.value(1) instanceof Vector tvec)) {
                                if (args.size() == 3 && args.number(2) != 0) {
                                    throw new HocExecError("Vector.play: continuous play needs a time vector, not Dt");
                                }
                                return v.play(sim, ref, args.number(1));
                            }
                            if (args.size() == 3 && args.value(2) instanceof Vector indices) {
                                return v.play(sim, ref, tvec, indices);
                            }
                            return v.play(sim, ref, tvec, args.size() == 3 && args.number(2) != 0);
                        })
                .method("play_remove", "play_remove(): stops every record and play using the vector.", (v, args) -> {
                    v.playRemove();
                    return 1.0;
                });
    }

    // ---- argument rules ---------------------------------------------------------------------

    private static Vector append(Vector v, HocArgs args) {
        return v.append(flatten(v, args, 0, "append"));
    }

    /** Numbers and vectors from argument {@code from} on, checked before anything changes. */
    private static double[] flatten(Vector v, HocArgs args, int from, String op) {
        int n = 0;
        for (int i = from; i < args.size(); i++) {
            Object value = args.value(i);
            if (value == v) {
                throw new HocExecError("Vector." + op + ": argument " + (i + 1) + " is the vector itself; it needs to be copied first");
            }
            n += value instanceof Vector o ? o.size() : 1;
        }
        double[] values = new double[n];
        int k = 0;
        for (int i = from; i < args.size(); i++) {
            if (args.value(i) instanceof Vector o) {
                System.arraycopy(o.data(), 0, values, k, o.size());
                k += o.size();
            } else {
                values[k++] = args.number(i);
            }
        }
        return values;
    }

    private static Vector indgen(Vector v, HocArgs args) {
        return switch (args.expect(0, 3).size()) {
            case 0 -> v.indgen();
            case 1 -> v.indgen(args.number(0));
            case 2 -> v.indgen(args.number(0), args.number(1));
            default -> v.indgen(args.number(0), args.number(1), args.number(2));
        };
    }

    private static Vector copy(Vector v, HocArgs args) {
        Vector src = args.expect(1, 6).object(0, Vector.class);
        if (args.size() >= 2 && args.value(1) instanceof Vector srcIndices) {
            return v.copyIndexed(src, srcIndices, args.size() >= 3 ? args.object(2, Vector.class) : null);
        }
        return switch (args.size()) {
            case 1 -> v.copy(src);
            case 2 -> v.copy(src, (int) args.number(1));
            case 3 -> v.copy(src, 0, (int) args.number(1), (int) args.number(2), 1, 1);
            case 4 -> v.copy(src, (int) args.number(1), (int) args.number(2), (int) args.number(3), 1, 1);
            case 6 -> v.copy(src, (int) args.number(1), (int) args.number(2), (int) args.number(3),
                    (int) args.number(4), (int) args.number(5));
            default -> throw new HocArgumentException("Vector.copy takes 1, 2, 3, 4 or 6 arguments, got 5");
        };
    }

    private static Vector at(Vector v, HocArgs args) {
        if (args.expect(0, 2).size() == 0) {
            return v.copy();
        }
        int start = intIn(args, 0, 0, v.size() - 1);
        return v.copyRange(start, args.size() == 2 ? intIn(args, 1, start, v.size() - 1) : v.size() - 1);
    }

    private static Vector apply(Vector v, HocArgs args, HocRegistry registry) {
        if (args.size() > 3) {
            throw new HocExecError("Vector.apply: too many parameters (" + args.size() + ", at most 3)");
        }
        if (!(args.value(0) instanceof String name)) {
            throw new HocExecError("Vector.apply: first argument must be a HOC string or a Python callable, got "
                    + HocArgs.describe(args.value(0)));
        }
        HocFunction f = function(registry, name);
        int start = args.size() >= 2 ? intIn(args, 1, 0, v.size() - 1) : 0;
        int end = args.size() >= 3 ? intIn(args, 2, start, v.size() - 1) : v.size() - 1;
        for (int i = start; i <= end; i++) {
            v.set(i, call(f, v.get(i)));
        }
        return v;
    }

    /** A hoc function by name; an unknown one is NEURON's "name is undefined" (a hoc error). */
    private static HocFunction function(HocRegistry registry, String name) {
        HocFunction f = registry.functions().get(name);
        if (f == null) {
            throw new HocExecError(name + " is undefined (no hoc function of that name)");
        }
        return f;
    }

    private static double call(HocFunction f, double x) {
        Object result = f.call(HocArgs.of(f.name(), x));
        if (result instanceof Number n) {
            return n.doubleValue();
        }
        throw new HocExecError(f.name() + " returned " + HocArgs.describe(result) + ", not a number");
    }

    private static HocMethod<Vector> unary(DoubleUnaryOperator f) {
        return (v, args) -> v.map(args.expect(0, 1).size() == 1 ? args.object(0, Vector.class) : v, f);
    }

    private static VectorSearch search(HocArgs args, int at) {
        String op = args.expect(at + 2, at + 3).string(at);
        double value = args.number(at + 1);
        if (VectorSearch.takesTwoBounds(op)) {
            return VectorSearch.of(op, value, args.expect(at + 3, at + 3).number(at + 2));
        }
        return VectorSearch.of(op, value, 0);
    }

    /** (start, end) given: NEURON's optional range of the statistics. */
    private static boolean ranged(Vector v, HocArgs args) {
        return args.expect(0, 2).size() > 0;
    }

    private static int start(Vector v, HocArgs args) {
        return intIn(args.expect(2, 2), 0, 0, v.size() - 1);
    }

    private static int end(Vector v, HocArgs args) {
        return intIn(args, 1, (int) args.number(0), v.size() - 1);
    }

    /** NEURON's chkarg(i, low, high) then int(): a value outside [low, high] is a hoc error. */
    private static int intIn(HocArgs args, int i, double low, double high) {
        return (int) numberIn(args, i, low, high);
    }

    private static double numberIn(HocArgs args, int i, double low, double high) {
        double x = args.number(i);
        if (!(x >= low && x <= high)) {
            throw new HocExecError(args.call() + " argument " + (i + 1) + " = " + x + ": arg out of range [" + low
                    + ", " + high + "]");
        }
        return x;
    }

    private static double[] numbers(HocArgs args, int i) {
        Object value = args.value(i);
        if (value instanceof double[] a) {
            return a.clone();
        }
        if (value instanceof List<?> list) {
            double[] values = new double[list.size()];
            for (int k = 0; k < values.length; k++) {
                if (!(list.get(k) instanceof Number n)) {
                    throw new HocArgumentException(args.call() + " argument " + (i + 1) + ": element " + k
                            + " must be a number, got " + HocArgs.describe(list.get(k)));
                }
                values[k] = n.doubleValue();
            }
            return values;
        }
        throw new HocArgumentException(args.call() + " argument " + (i + 1) + " must be a size, a list of numbers or"
                + " a Vector, got " + HocArgs.describe(value));
    }
}
