package org.jpatch.core.ref;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/** A global scalar (t, dt, celsius, usetable_hh ...), read and written through its owner. */
public final class GlobalVarRef implements VarRef {
    private final String name;
    private final DoubleSupplier getter;
    private final DoubleConsumer setter;

    public GlobalVarRef(String name, DoubleSupplier getter, DoubleConsumer setter) {
        this.name = name;
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public double get() {
        return getter.getAsDouble();
    }

    @Override
    public void set(double value) {
        setter.accept(value);
    }

    @Override
    public String name() {
        return name;
    }
}
