package org.jpatch.core.nmodl.units;

import java.util.Arrays;

/**
 * A unit as nocmodl's units code holds it: a factor to the base units and the exponents
 * of the ten base dimensions (m, kg, sec, coul, candela, dollar, -, bit, erlang, K).
 */
public record Unit(double factor, int[] dimensions) {
    static final int DIMENSIONS = 10;

    public Unit {
        dimensions = dimensions.clone();
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The exponent of base dimension i, without copying the array. */
    int dimension(int i) {
        return dimensions[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && Double.compare(u.factor, factor) == 0 && Arrays.equals(u.dimensions, dimensions);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(factor) * 31 + Arrays.hashCode(dimensions);
    }

    @Override
    public String toString() {
        return factor + " " + Arrays.toString(dimensions);
    }
}
