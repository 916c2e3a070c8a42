package org.jpatch.core.hoc;

/**
 * One member of a {@link HocClass}: a method, a property (read-only when it has no setter), or an
 * array property such as NetCon's {@code weight[i]} (hoc's {@code nc.weight[0] = 1}). A method is
 * read-only when it leaves its object as it was (a query such as Vector.sum): callers that keep
 * copies of an object's state (Python's Vector views) need not drop them after it.
 */
public record HocMember<T>(String name, Kind kind, String doc, HocMethod<T> method, Getter<T> getter,
        Setter<T> setter, ElementGetter<T> elementGetter, ElementSetter<T> elementSetter, Length<T> length,
        boolean query) {

    public enum Kind { METHOD, PROPERTY, ARRAY }

    @FunctionalInterface
    public interface Getter<T> {
        Object get(T self);
    }

    @FunctionalInterface
    public interface Setter<T> {
        void set(T self, double value);
    }

    @FunctionalInterface
    public interface ElementGetter<T> {
        double get(T self, int index);
    }

    @FunctionalInterface
    public interface ElementSetter<T> {
        void set(T self, int index, double value);
    }

    @FunctionalInterface
    public interface Length<T> {
        int of(T self);
    }

    public boolean readOnly() {
        return switch (kind) {
            case METHOD -> query;
            case PROPERTY -> setter == null;
            case ARRAY -> elementSetter == null;
        };
    }
}
