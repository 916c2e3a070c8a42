package org.jpatch.core.hoc;

import java.util.Arrays;
import java.util.Map;

/**
 * The arguments of one call, positional and by keyword, with typed access whose refusals name the
 * call and the argument (a {@link HocArgumentException}, Python's TypeError). Each caller implements
 * it over its own values; the accessors take the common, valid case without formatting anything.
 */
public interface HocArgs {
    /** The call as messages name it ("Vector.append", "sin"). */
    String call();

    int size();

    /** Argument i as a Java value: Double, String, Boolean, double[], an engine object, or null. */
    Object value(int i);

    /** The keyword argument {@code name}, or null when absent. */
    Object keyword(String name);

    default boolean has(int i) {
        return i < size() && value(i) != null;
    }

    /** Rejects calls with more than {@code max} or fewer than {@code min} positional arguments. */
    default HocArgs expect(int min, int max) {
        if (size() < min || size() > max) {
            String wanted = min == max ? String.valueOf(min) : min + " to " + max;
            throw new HocArgumentException(call() + " takes " + wanted + " arguments, got " + size());
        }
        return this;
    }

    default double number(int i) {
        Object value = value(i);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new HocArgumentException(call() + " argument " + (i + 1) + " must be a number, got " + describe(value));
    }

    /** A whole number (3.0 counts, 3.5 does not), as hoc's integer arguments. */
    default int integer(int i) {
        double x = number(i);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw new HocArgumentException(call() + " argument " + (i + 1) + " must be an integer, got " + x);
        }
        return (int) x;
    }

    default String string(int i) {
        Object value = value(i);
        if (value instanceof String s) {
            return s;
        }
        throw new HocArgumentException(call() + " argument " + (i + 1) + " must be a str, got " + describe(value));
    }

    default <T> T object(int i, Class<T> type) {
        Object value = value(i);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new HocArgumentException(call() + " argument " + (i + 1) + " must be a " + type.getSimpleName()
                + ", got " + describe(value));
    }

    /** A value as messages show it. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "a " + value.getClass().getSimpleName() + " (" + value + ")";
    }

    /** Arguments given by a Java program. */
    static HocArgs of(String call, Object... values) {
        return of(call, Map.of(), values);
    }

    static HocArgs of(String call, Map<String, Object> keywords, Object... values) {
        return new HocArgs() {
            @Override
            public String call() {
                return call;
            }

            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Object value(int i) {
                return i < values.length ? values[i] : null;
            }

            @Override
            public Object keyword(String name) {
                return keywords.get(name);
            }
        };
    }
}
