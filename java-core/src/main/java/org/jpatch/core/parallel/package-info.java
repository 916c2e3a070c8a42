/**
 * NEURON's ParallelContext for gid-addressed networks ({@code src/nrniv/netpar.cpp}): which
 * rank owns a gid, which spike source ({@link org.jpatch.core.event.SpikeSource}, NEURON's
 * PreSyn) a gid names, NetCons from a gid, spike recording by gid, the parallel solve
 * (psolve, set_maxstep) and the collective operations. It adds no event machinery of its
 * own: sources and NetCons are the event system's.
 *
 * <p>Only one host exists now ({@link org.jpatch.core.parallel.SingleHost}). The API is
 * already the distributed one, and MPI goes in behind it without changing it:
 * <ul>
 *   <li>{@link org.jpatch.core.parallel.Communicator} gets an MPI implementation (rank, size,
 *       barrier, allreduce, allgather, broadcast); {@code set_gid2node} already registers
 *       only the gids of this rank, so each rank owns its own cells.</li>
 *   <li>A gid owned by another rank already gets an input source on gid_connect (NEURON's
 *       gid2in_), and set_maxstep already takes the global minimum of the delays of the
 *       NetCons from such sources.</li>
 *   <li>What remains is the exchange: psolve integrates in intervals of that minimum delay;
 *       at each interval's end the spikes of output cells ({@code cell}/{@code outputcell})
 *       are allgathered as (gid, time) pairs, and each rank fires the input source of every
 *       gid it listens to at the spike's time. That needs two event-system hooks (a listener
 *       on output sources' spikes, and firing a source at a given time) and no change here
 *       beyond psolve's loop.</li>
 * </ul>
 */
package org.jpatch.core.parallel;
