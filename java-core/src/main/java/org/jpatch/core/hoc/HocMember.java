package org.jpatch.core.hoc;

/**
 * One member of a {@link HocClass}: a method, a property (read-only when it has no setter), or an
 * array property such as NetCon's {@code weight[i]} (hoc's {@code nc.weight[0] = 1}).
 */
public record HocMember<T>(String name, Kind kind, String doc, HocMethod<T> method, Getter<T> getter,
        Setter<T> setter, ElementGetter<T> elementGetter, ElementSetter<T> elementSetter, Length<T> length) {

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
        return kind == Kind.PROPERTY ? setter == null : kind == Kind.ARRAY && elementSetter == null;
    }
}
