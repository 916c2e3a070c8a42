package org.jpatch.core.nmodl;

import java.util.Arrays;

/**
 * The values of an NMODL {@code FUNCTION_TABLE} of one or two arguments, as NEURON's
 * {@code hoc_spec_table} sets them and {@code hoc_func_table} reads them
 * ({@code src/oc/functabl.cpp}): a constant, tabulated values at given points (one
 * argument), or a row-major grid over evenly spaced [min, max] per argument; linear
 * interpolation inside, the end values outside. The arrays given are used, not copied,
 * as NEURON keeps pointers into the Vectors. Reading keeps no scratch, so the kernels of
 * two threads may read one table at once.
 */
public final class FunctionTable {
    private final String name;
    private final int arguments;
    private double[] table;
    private final int[] size;
    /** Per argument: its points, or null for evenly spaced ones from min to max. */
    private final double[][] points;
    private final double[] min, max;
    private boolean specified;
    /** NEURON's ft->value: the last constant set, kept when values are set otherwise later. */
    private double constant;

    public FunctionTable(String name, int arguments) {
        if (arguments < 1 || arguments > 2) {
            throw new IllegalArgumentException("FUNCTION_TABLE " + name + ": " + arguments
                    + " arguments; the engine's tables have one or two");
        }
        this.name = name;
        this.arguments = arguments;
        size = new int[arguments];
        points = new double[arguments][];
        min = new double[arguments];
        max = new double[arguments];
    }

    /** {@code table_f(value)}: the function is this constant. */
    public void setConstant(double value) {
        constant = value;
        table = new double[] {value};
        Arrays.fill(size, 1);
        Arrays.fill(points, null);
        Arrays.fill(min, 1e20);
        Arrays.fill(max, 1e20);
        specified = true;
    }

    /** {@code table_f(values, points)} of a one-argument function: values[i] at points[i] (ascending). */
    public void setPoints(double[] values, double[] argumentPoints) {
        if (arguments != 1) {
            throw new IllegalArgumentException("Vector arguments allowed only for functions of one variable");
        }
        if (values.length != argumentPoints.length) {
            throw new IllegalArgumentException("Vector arguments not same size");
        }
        table = values;
        size[0] = argumentPoints.length;
        points[0] = argumentPoints;
        specified = true;
    }

    /**
     * {@code table_f(&values, n1, min1, max1[, n2, min2, max2])}: a grid of n1 (× n2)
     * values in row-major order at evenly spaced arguments.
     */
    public void setGrid(double[] values, int[] sizes, double[] mins, double[] maxs) {
        for (int i = 0; i < arguments; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("size arg < 1 in hoc_spec_table");
            }
            if (maxs[i] < mins[i]) {
                throw new IllegalArgumentException("min > max in hoc_spec_table");
            }
            size[i] = sizes[i];
            points[i] = null;
            min[i] = mins[i];
            max[i] = maxs[i];
        }
        table = values;
        specified = true;
    }

    /** The function of one argument. */
    public double value(double x) {
        requireSpecified();
        if (constant != 0. && size[0] == 1) {
            return constant;
        }
        int j = index(0, x);
        return interpolate(fraction(0, x, j), table, j);
    }

    /** The function of two arguments: bilinear in the grid cell. */
    public double value(double x, double y) {
        requireSpecified();
        if (constant != 0. && size[0] == 1) {
            return constant;
        }
        int ix = index(0, x), iy = index(1, y);
        int j = ix * size[1] + iy;
        double fx = fraction(0, x, ix), fy = fraction(1, y, iy);
        double y1 = interpolate(fy, table, j);
        if (fx != 0.) {
            double y2 = interpolate(fy, table, j + size[1]);
            return fx > 0. ? (1. - fx) * y1 + fx * y2 : y1;
        }
        return y1;
    }

    private void requireSpecified() {
        if (!specified) {
            throw new IllegalStateException("table not specified in hoc_func_table (" + name + ")");
        }
    }

    /** arg_index: the point at or below x (bisection over given points). */
    private int index(int argument, double x) {
        int n = size[argument];
        double[] at = points[argument];
        if (at != null) {
            int t0 = 0, t1 = n - 1;
            if (x <= at[t0]) {
                return 0;
            }
            if (x >= at[t1]) {
                return t1;
            }
            while (t0 < t1 - 1) {
                int j = (t0 + t1) / 2;
                if (at[j] <= x) {
                    t0 = j;
                } else {
                    t1 = j;
                }
            }
            return t0;
        }
        if (x <= min[argument]) {
            return 0;
        }
        if (x >= max[argument]) {
            return n - 1;
        }
        double d = (max[argument] - min[argument]) / ((double) (n - 1));
        return (int) ((x - min[argument]) / d);
    }

    /**
     * arg_index's frac: how far x lies from point j (found by {@link #index}) to the next,
     * 0 at and beyond the ends; computed by arg_index's operations, so to the same bits.
     */
    private double fraction(int argument, double x, int j) {
        int n = size[argument];
        double[] at = points[argument];
        if (at != null) {
            return x <= at[0] || x >= at[n - 1] ? 0. : (x - at[j]) / (at[j + 1] - at[j]);
        }
        if (x <= min[argument] || x >= max[argument]) {
            return 0.;
        }
        double d = (max[argument] - min[argument]) / ((double) (n - 1));
        return (x - min[argument]) / d - (double) j;
    }

    private static double interpolate(double frac, double[] tab, int j) {
        return frac > 0. ? (1. - frac) * tab[j] + frac * tab[j + 1] : tab[j];
    }
}
