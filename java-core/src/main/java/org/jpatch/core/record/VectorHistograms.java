package org.jpatch.core.record;

import org.jpatch.core.ModelException;

/** NEURON's histograms and spike binning (ivocvect.cpp v_histogram, v_hist, v_sumgauss, v_smhist, v_spikebin). */
public final class VectorHistograms {
    /** NEURON's EPSILON in ivocvect.cpp: smhist keeps only bins above it. */
    private static final double SMHIST_FLOOR = 1e-9;

    private VectorHistograms() {}

    /**
     * histogram(low, high, width): a new vector of floor((high-low)/width) + 2 bins; bin 0 counts
     * nothing, bin k >= 1 counts the values in [low + (k-1)·width, low + k·width).
     */
    public static Vector histogram(Vector data, double low, double high, double width) {
        requirePositive("histogram", "width", width);
        int n = (int) Math.floor((high - low) / width) + 2;
        double[] bins = new double[n];
        double[] x = data.data();
        for (int i = 0; i < data.size(); i++) {
            int k = (int) Math.floor((x[i] - low) / width) + 1;
            if (k >= 0 && k < n) {
                bins[k] += 1.0;
            }
        }
        return new Vector(bins);
    }

    /** dest.hist(data, start, size, step): dest becomes {@code size} bins of width step from start. */
    public static Vector hist(Vector dest, Vector data, double start, int size, double step) {
        requireOther("hist", dest, data);
        requireSize("hist", size);
        double[] bins = new double[size];
        double[] x = data.data();
        for (int i = 0; i < data.size(); i++) {
            int k = (int) Math.floor((x[i] - start) / step);
            if (k >= 0 && k < size) {
                bins[k] += 1;
            }
        }
        return dest.fromArray(bins);
    }

    /**
     * sumgauss(low, high, step, var, [weights]): a new vector of int((high-low)/step + 0.5) points,
     * the sum of a Gaussian of variance var centred on each value's bin (scaled by its weight).
     */
    public static Vector sumgauss(Vector data, double low, double high, double step, double variance, Vector weights) {
        if (weights != null && weights.size() < data.size()) {
            throw new ModelException("Vector.sumgauss: weight vector has size " + weights.size() + ", needs "
                    + data.size());
        }
        int points = (int) ((high - low) / step + .5);
        requireSize("sumgauss", points);
        double[] sum = new double[points];
        double svar = variance / (step * step);
        double scale = 1. / Vector.hocSqrt(2. * Math.PI * variance);
        double[] x = data.data();
        for (int i = 0; i < data.size(); i++) {
            double xv = (int) ((x[i] - low) / step);
            double w = weights == null ? 1.0 : weights.data()[i];
            for (int j = 0; j < points; j++) {
                double arg = -(j - xv) * (j - xv) / (2. * svar);
                if (arg > -20.) {
                    sum[j] += Math.exp(arg) * scale * w;
                }
            }
        }
        return new Vector(sum);
    }

    /**
     * dest.smhist(data, start, size, step, var, [weights]): the histogram of data convolved with a
     * Gaussian of variance var. NEURON convolves by FFT over a power-of-two length n (circularly);
     * the same circular sum is taken here directly, so values agree to rounding.
     */
    public static Vector smhist(Vector dest, Vector data, double start, int size, double step, double variance,
            Vector weights) {
        requireSize("smhist", size);
        if (weights != null && weights.size() != data.size()) {
            throw new ModelException("Vector.smhist: weight Vector must be same size as source Vector ("
                    + weights.size() + " vs " + data.size() + ")");
        }
        double svar = 2 * variance / (step * step);
        double scale = 1 / Vector.hocSqrt(2. * Math.PI * variance);
        int g2 = (int) Math.sqrt(10 * svar);
        int g = g2 * 2 + 1;
        int n = 1;
        while (n < size + g) {
            n *= 2;
        }
        double[] response = new double[n];
        for (int i = 0; i <= g2; i++) {
            response[i] = scale * Math.exp(-i * i / svar);
        }
        for (int i = 1; i <= g2; i++) {
            response[g - i] = scale * Math.exp(-i * i / svar);
        }
        // nrn_convlv's wrap-around layout of the response, done in place as there
        for (int i = 1; i <= (g - 1) / 2; i++) {
            response[n - i] = response[g - i];
        }
        for (int i = (g + 1) / 2; i < n - (g - 1) / 2; i++) {
            response[i] = 0.0;
        }
        double[] series = new double[n];
        double high = start + n * step;
        double[] x = data.data();
        for (int i = 0; i < data.size(); i++) {
            if (x[i] >= start && x[i] < high) {
                series[(int) ((x[i] - start) / step)] += weights == null ? 1. : weights.data()[i];
            }
        }
        double[] result = new double[size];
        for (int k = 0; k < size; k++) {
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                if (series[j] != 0.0) {
                    sum += series[j] * response[Math.floorMod(k - j, n)];
                }
            }
            if (sum > SMHIST_FLOOR) {
                result[k] = sum;
            }
        }
        return dest.fromArray(result);
    }

    /**
     * dest.spikebin(data, thresh, [bin]): dest[i] = 1 when data crosses thresh upwards within bin i
     * of {@code bin} samples (data.size()/bin bins), else 0.
     */
    public static Vector spikebin(Vector dest, Vector data, double thresh, int bin) {
        if (bin < 1) {
            throw new ModelException("Vector.spikebin: bin " + bin + " must be >= 1");
        }
        double[] v = data.toArray();
        int n = v.length / bin;
        double[] result = new double[n];
        boolean firing = false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < bin; j++) {
                double x = v[i * bin + j];
                if (x >= thresh && !firing) {
                    firing = true;
                    result[i] = 1;
                } else if (firing && x < thresh) {
                    firing = false;
                }
            }
        }
        return dest.fromArray(result);
    }

    private static void requirePositive(String op, String what, double value) {
        if (!(value > 0)) {
            throw new ModelException("Vector." + op + ": " + what + " " + value + " must be > 0");
        }
    }

    private static void requireSize(String op, int n) {
        if (n < 0) {
            throw new ModelException("Vector." + op + ": " + n + " bins, must be >= 0");
        }
    }

    private static void requireOther(String op, Vector dest, Vector data) {
        if (dest == data) {
            throw new ModelException("Vector." + op + ": argument is the vector itself; it needs to be copied first");
        }
    }
}
