package org.jpatch.core.ref;

import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Model;

/** A variable of one point process, e.g. {@code IClamp[0].amp}. */
public final class PointProcessVarRef implements VarRef {
    private final Model model;
    private final PointProcess pp;
    private final int variable;
    private final String var;
    private double[] array;
    private int index;
    private long epoch = -1;

    public PointProcessVarRef(Model model, PointProcess pp, String var) {
        this.model = model;
        this.pp = pp;
        this.var = var;
        this.variable = pp.indexOf(var);
        resolve();
    }

    private void resolve() {
        pp.checkAlive();
        array = pp.values().array(variable);
        index = pp.values().index(0);
        epoch = model.storageEpoch();
    }

    private record StorageKey(PointProcess pp, int variable) {}

    @Override
    public Object storageKey() {
        return new StorageKey(pp, variable);
    }

    @Override
    public double get() {
        if (epoch != model.storageEpoch()) {
            resolve();
        }
        return array[index];
    }

    @Override
    public void set(double value) {
        if (epoch != model.storageEpoch()) {
            resolve();
        }
        array[index] = value;
    }

    @Override
    public String name() {
        return pp.name() + "." + var;
    }
}
