package org.jpatch.core.hoc;

import java.util.function.DoubleUnaryOperator;

/**
 * hoc's built-in math functions, with hoc's checks (NEURON's oc/math.cpp): an argument out of a
 * function's domain is an error naming the function; a result out of range is a warning on stderr
 * and C's value (log(0) is -inf; exp above 700 is exp(700), below -700 it is 0).
 */
final class MathFunctions {
    private MathFunctions() {}

    static void register(HocRegistry registry) {
        HocOutput output = registry.output();
        unary(registry, "sin", "sin(x): the sine of x (radians).", Math::sin);
        unary(registry, "cos", "cos(x): the cosine of x (radians).", Math::cos);
        unary(registry, "atan", "atan(x): the arc tangent of x, in radians.", Math::atan);
        unary(registry, "tanh", "tanh(x): the hyperbolic tangent of x.", Math::tanh);
        unary(registry, "exp", "exp(x): e to the x; 0 for x < -700, an error for x > 700.", x -> exp(output, x));
        unary(registry, "log", "log(x): the natural logarithm of x > 0.", x -> logarithm(output, "log", x, Math.log(x)));
        unary(registry, "log10", "log10(x): the base-10 logarithm of x > 0.", x -> logarithm(output, "log10", x, Math.log10(x)));
        unary(registry, "sqrt", "sqrt(x): the square root of x >= 0.", MathFunctions::sqrt);
        unary(registry, "abs", "abs(x): the absolute value of x.", Math::abs);
        unary(registry, "int", "int(x): x truncated toward zero.", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        unary(registry, "erf", "erf(x): the error function.", org.jpatch.core.nmodl.NmodlRuntime::erf);
        unary(registry, "erfc", "erfc(x): the complementary error function.", org.jpatch.core.nmodl.NmodlRuntime::erfc);
        registry.add(new HocFunction("atan2", "atan2(y, x): the angle of the point (x, y), in radians.",
                args -> Math.atan2(args.expect(2, 2).number(0), args.number(1))));
    }

    private static void unary(HocRegistry registry, String name, String doc, DoubleUnaryOperator f) {
        registry.add(new HocFunction(name, doc, args -> f.applyAsDouble(args.expect(1, 1).number(0))));
    }

    private static double exp(HocOutput output, double x) {
        if (x < -700) {
            return 0;
        }
        if (x > 700) {
            output.warn("NEURON: exp result out of range");
            return Math.exp(700);
        }
        return Math.exp(x);
    }

    private static double logarithm(HocOutput output, String name, double x, double result) {
        if (x < 0) {
            throw new HocExecError(name + " argument out of domain");
        }
        if (x == 0) {
            output.warn("NEURON: " + name + " result out of range");
        }
        return result;
    }

    private static double sqrt(double x) {
        if (x < 0) {
            throw new HocExecError("sqrt argument out of domain");
        }
        return Math.sqrt(x);
    }
}
