package org.jpatch.core.record;

import org.jpatch.core.ModelException;

/**
 * NEURON's searches by comparison (ivocvect.cpp v_where, v_indwhere, v_indvwhere): an operator
 * ("==", "!=", ">", "<", ">=", "<=", or the intervals "()", "[]", "[)", "(]") with one or two
 * bounds, every comparison with NEURON's slack {@link Vector#HOC_EPSILON}.
 */
public final class VectorSearch {
    private final Op op;
    private final double value;
    private final double value2;

    private enum Op { EQ, NE, GT, LT, GE, LE, OPEN, CLOSED, CLOSED_OPEN, OPEN_CLOSED }

    private VectorSearch(Op op, double value, double value2) {
        this.op = op;
        this.value = value;
        this.value2 = value2;
    }

    /** The test {@code x op value} (or x in the interval value..value2); an unknown operator is a hoc error. */
    public static VectorSearch of(String operator, double value, double value2) {
        Op op = switch (operator) {
            case "==" -> Op.EQ;
            case "!=" -> Op.NE;
            case ">" -> Op.GT;
            case "<" -> Op.LT;
            case ">=" -> Op.GE;
            case "<=" -> Op.LE;
            case "()" -> Op.OPEN;
            case "[]" -> Op.CLOSED;
            case "[)" -> Op.CLOSED_OPEN;
            case "(]" -> Op.OPEN_CLOSED;
            default -> throw new ModelException("Vector: invalid comparator '" + operator
                    + "' (==, !=, >, <, >=, <=, (), [], [), (])");
        };
        return new VectorSearch(op, value, value2);
    }

    /** True for the interval operators, which take a second bound. */
    public static boolean takesTwoBounds(String operator) {
        return operator.length() == 2 && "([".indexOf(operator.charAt(0)) >= 0;
    }

    public boolean test(double x) {
        double e = Vector.HOC_EPSILON;
        return switch (op) {
            case EQ -> Vector.nearlyEqual(x, value);
            case NE -> !Vector.nearlyEqual(x, value);
            case GT -> x > value + e;
            case LT -> x < value - e;
            case GE -> x >= value - e;
            case LE -> x <= value + e;
            case OPEN -> x > value + e && x < value2 - e;
            case CLOSED -> x >= value - e && x <= value2 + e;
            case CLOSED_OPEN -> x >= value - e && x < value2 - e;
            case OPEN_CLOSED -> x > value + e && x <= value2 + e;
        };
    }

    /** The index of the first element of {@code source} that passes, or -1 (indwhere). */
    public int firstIndex(Vector source) {
        double[] data = source.data();
        for (int i = 0; i < source.size(); i++) {
            if (test(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /** {@code dest} becomes the elements of {@code source} that pass (where). */
    public Vector values(Vector source, Vector dest) {
        double[] from = source.toArray();
        dest.clear();
        for (double x : from) {
            if (test(x)) {
                dest.append(x);
            }
        }
        return dest;
    }

    /** {@code dest} becomes the indices of the elements of {@code source} that pass (indvwhere). */
    public Vector indices(Vector source, Vector dest) {
        double[] from = source.toArray();
        dest.clear();
        for (int i = 0; i < from.length; i++) {
            if (test(from[i])) {
                dest.append(i);
            }
        }
        return dest;
    }
}
