package org.jpatch.core.mech;

/**
 * The values of a fixed set of variables for {@code count} consecutive instances (a
 * section's segments, or one point process). While the model is being edited they
 * live here; once lowered they live in rows {@code row0 .. row0+count-1} of the
 * simulation's arrays and this block only points there, so that the integrator's
 * arrays are the single copy. {@link #detach} copies them back before re-lowering.
 */
public final class ValueBlock {
    private int count;
    private double[][] own;      // [variable][instance] while detached
    private double[][] live;     // the lowered arrays, [variable][row]
    private int row0;

    public ValueBlock(double[] defaults, int count) {
        this.count = count;
        this.own = new double[defaults.length][count];
        for (int k = 0; k < defaults.length; k++) {
            java.util.Arrays.fill(own[k], defaults[k]);
        }
    }

    public int count() {
        return count;
    }

    public double get(int variable, int instance) {
        return live != null ? live[variable][row0 + instance] : own[variable][instance];
    }

    public void set(int variable, int instance, double value) {
        if (live != null) {
            live[variable][row0 + instance] = value;
        } else {
            own[variable][instance] = value;
        }
    }

    /** The array that holds {@code variable} now (valid until the next detach/attach). */
    public double[] array(int variable) {
        return live != null ? live[variable] : own[variable];
    }

    /** Index of {@code instance} in {@link #array}. */
    public int index(int instance) {
        return live != null ? row0 + instance : instance;
    }

    public boolean isAttached() {
        return live != null;
    }

    /** Moves the values into rows {@code row0..} of {@code arrays} (one array per variable). */
    public void attach(double[][] arrays, int row0) {
        detach();
        for (int k = 0; k < own.length; k++) {
            System.arraycopy(own[k], 0, arrays[k], row0, count);
        }
        this.live = arrays;
        this.row0 = row0;
        this.own = null;
    }

    /** Copies the values back from the lowered arrays; afterwards the block stands alone. */
    public void detach() {
        if (live == null) {
            return;
        }
        double[][] copy = new double[live.length][count];
        for (int k = 0; k < live.length; k++) {
            System.arraycopy(live[k], row0, copy[k], 0, count);
        }
        own = copy;
        live = null;
    }

    /**
     * Resizes to {@code newCount} instances; new instance i takes the old values of
     * instance {@code source[i]}.
     */
    public void remap(int[] source) {
        detach();
        double[][] next = new double[own.length][source.length];
        for (int k = 0; k < own.length; k++) {
            for (int i = 0; i < source.length; i++) {
                next[k][i] = own[k][source[i]];
            }
        }
        own = next;
        count = source.length;
    }
}
