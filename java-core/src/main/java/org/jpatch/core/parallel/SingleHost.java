package org.jpatch.core.parallel;

/** One process: rank 0 of 1; every collective operation returns this rank's own data. */
public final class SingleHost implements Communicator {
    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public double barrier() {
        return 0.0; // nobody to wait for
    }

    /** NEURON checks the type only with more than one host; so does this. */
    @Override
    public double allreduce(double value, int type) {
        return value;
    }

    @Override
    public void allreduce(double[] values, int type) {
        // the sum, max and min over one rank are its own values
    }

    @Override
    public double[] allgather(double value) {
        return new double[] {value};
    }

    @Override
    public double[] broadcast(double[] values, int root) {
        return values;
    }
}
