package org.jpatch.core.random;

/**
 * The distributions a NEURON Random draws from: the libg++ classes of src/gnu (Uniform.cpp,
 * Normal.cpp, ...), each a function of the uniform values of the Random's generator. A
 * distribution keeps its parameters (and Normal its cached second value) when the Random
 * changes generator, as NEURON's does. log, exp and pow are {@link DrawMath}'s.
 */
public interface Distribution {
    double draw(UniformSource source);

    /** Uniform on [low, high) (either order): low + (high - low)·u. */
    final class Uniform implements Distribution {
        private final double low;
        private final double delta;

        Uniform(double a, double b) {
            low = a < b ? a : b;
            double high = a < b ? b : a;
            delta = high - low;
        }

        @Override
        public double draw(UniformSource source) {
            return low + delta * source.nextDouble();
        }
    }

    /** The integers low..high (either order), each equally likely: low + floor((high - low + 1)·u). */
    final class DiscreteUniform implements Distribution {
        private final long low;
        private final double count;

        DiscreteUniform(long a, long b) {
            low = Math.min(a, b);
            count = (double) (Math.max(a, b) - low + 1);
        }

        @Override
        public double draw(UniformSource source) {
            return (double) (low + (long) Math.floor(count * source.nextDouble()));
        }
    }

    /**
     * Gaussian by the polar method on pairs (2u - 1, 2u' - 1) inside the unit circle; of each
     * accepted pair the second value is kept for the next draw.
     */
    class Normal implements Distribution {
        private double mean;
        private double stdDev;
        private boolean haveCached;
        private double cached;

        Normal(double mean, double variance) {
            this.mean = mean;
            this.stdDev = Math.sqrt(variance);
        }

        /** LogNormal's parameters of the underlying Normal. */
        final void setMeanAndStdDev(double mean, double stdDev) {
            this.mean = mean;
            this.stdDev = stdDev;
        }

        @Override
        public double draw(UniformSource source) {
            if (haveCached) {
                haveCached = false;
                return cached * stdDev + mean;
            }
            while (true) {
                double v1 = 2 * source.nextDouble() - 1;
                double v2 = 2 * source.nextDouble() - 1;
                double w = (v1 * v1) + (v2 * v2);
                if (w <= 1) {
                    double y = Math.sqrt((-2 * DrawMath.log(w)) / w);
                    haveCached = true;
                    cached = v2 * y;
                    return v1 * y * stdDev + mean;
                }
            }
        }
    }

    /** e^N for the Normal N whose e^N has the given mean and variance (pow(M_E, N) as libg++). */
    final class LogNormal extends Normal {
        LogNormal(double mean, double variance) {
            super(mean, variance);
            double meanSquared = mean * mean;
            setMeanAndStdDev(DrawMath.log(meanSquared / Math.sqrt(variance + meanSquared)),
                    Math.sqrt(DrawMath.log((variance + meanSquared) / meanSquared)));
        }

        @Override
        public double draw(UniformSource source) {
            return DrawMath.pow(Math.E, super.draw(source));
        }
    }

    /** The count of uniform values whose running product stays at or above e^-mean, minus one. */
    final class Poisson implements Distribution {
        private final double mean;

        Poisson(double mean) {
            this.mean = mean;
        }

        @Override
        public double draw(UniformSource source) {
            double bound = DrawMath.exp(-1.0 * mean);
            int count = 0;
            for (double product = 1.0; product >= bound; product *= source.nextDouble()) {
                count++;
            }
            return count - 1;
        }
    }

    /** Successes among n trials, a trial succeeding when u < p. */
    final class Binomial implements Distribution {
        private final int n;
        private final double p;

        Binomial(int n, double p) {
            this.n = n;
            this.p = p;
        }

        @Override
        public double draw(UniformSource source) {
            int successes = 0;
            for (int i = 0; i < n; i++) {
                if (source.nextDouble() < p) {
                    successes++;
                }
            }
            return successes;
        }
    }

    /** The number of uniform values drawn up to and including the first at or above mean. */
    final class Geometric implements Distribution {
        private final double mean;

        Geometric(double mean) {
            this.mean = mean;
        }

        @Override
        public double draw(UniformSource source) {
            int samples = 1;
            while (source.nextDouble() < mean) {
                samples++;
            }
            return samples;
        }
    }

    /** libg++'s HyperGeometric: a mixture of two exponentials with the given mean and variance. */
    final class HyperGeometric implements Distribution {
        private final double mean;
        private final double p;

        HyperGeometric(double mean, double variance) {
            this.mean = mean;
            double z = variance / (mean * mean);
            p = 0.5 * (1.0 - Math.sqrt((z - 1.0) / (z + 1.0)));
        }

        @Override
        public double draw(UniformSource source) {
            double d = source.nextDouble() > p ? 1.0 - p : p;
            return -mean * DrawMath.log(source.nextDouble()) / (2.0 * d);
        }
    }

    /** Exponential with the given mean: -mean·ln u. */
    final class NegativeExponential implements Distribution {
        private final double mean;

        NegativeExponential(double mean) {
            this.mean = mean;
        }

        @Override
        public double draw(UniformSource source) {
            return -mean * DrawMath.log(source.nextDouble());
        }
    }

    /** Sum of k exponentials, k = round(mean²/variance) at least 1: -ln(Π u)/(k/mean). */
    final class Erlang implements Distribution {
        private final int k;
        private final double rate;

        Erlang(double mean, double variance) {
            int shape = (int) ((mean * mean) / variance + 0.5);
            k = shape > 0 ? shape : 1;
            rate = k / mean;
        }

        @Override
        public double draw(UniformSource source) {
            double product = 1.0;
            for (int i = 0; i < k; i++) {
                product *= source.nextDouble();
            }
            return -DrawMath.log(product) / rate;
        }
    }

    /** (beta·(-ln(1 - u)))^(1/alpha). */
    final class Weibull implements Distribution {
        private final double inverseAlpha;
        private final double beta;

        Weibull(double alpha, double beta) {
            this.inverseAlpha = 1.0 / alpha;
            this.beta = beta;
        }

        @Override
        public double draw(UniformSource source) {
            return DrawMath.pow(beta * (-DrawMath.log(1 - source.nextDouble())), inverseAlpha);
        }
    }
}
