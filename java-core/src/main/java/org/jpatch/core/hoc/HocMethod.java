package org.jpatch.core.hoc;

/** A method of a hoc class: a result (see the package doc) or null for None. */
@FunctionalInterface
public interface HocMethod<T> {
    Object call(T self, HocArgs args);
}
