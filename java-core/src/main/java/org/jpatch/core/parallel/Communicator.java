package org.jpatch.core.parallel;

/**
 * The collective operations of the processes (ranks) that share one network: what
 * {@link ParallelContext} needs from MPI. {@link SingleHost} is the one-process case; an MPI
 * implementation slots in here without changing {@link ParallelContext}'s API.
 */
public interface Communicator {
    /** This process's rank, 0 .. size()-1 (NEURON's pc.id()). */
    int rank();

    /** Number of ranks (NEURON's pc.nhost()). */
    int size();

    /** Waits until every rank arrived; returns the seconds spent waiting. */
    double barrier();

    /** NEURON's allreduce types: 1 sum, 2 max, 3 min over all ranks. */
    double allreduce(double value, int type);

    /** Element-wise {@link #allreduce(double, int)} of equally long arrays, in place. */
    void allreduce(double[] values, int type);

    /** Every rank's value, indexed by rank. */
    double[] allgather(double value);

    /** The root rank's values on every rank ({@code values} is ignored off the root). */
    double[] broadcast(double[] values, int root);
}
