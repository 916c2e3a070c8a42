package org.jpatch.core.parallel;

import java.util.Map;
import java.util.Objects;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.event.SpikeSource;
import org.jpatch.core.event.VectorSpikeRecord;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;

/**
 * NEURON's ParallelContext for networks addressed by gid ({@code src/nrniv/netpar.cpp},
 * {@code src/parallel/ocbbs.cpp}): gids owned by ranks, a cell's spike source registered
 * under its gid, NetCons from a gid, spike recording by gid, the parallel solve and the
 * collective operations. One per simulation: every ParallelContext object of NEURON shares
 * this state. Errors are NEURON's ({@link ParallelContextException}); nothing changes when
 * one is thrown.
 */
public final class ParallelContext {
    /** NEURON's upper bound on tstop and maxstep ({@code chkarg(1, t, 1e9)}). */
    private static final double LARGEST_TIME = 1e9; // [ms]
    /** set_maxstep's lower bound ({@code chkarg(1, 1e-6, 1e9)}). */
    private static final double SMALLEST_MAXSTEP = 1e-6; // [ms]
    /** nthread's upper bound on the count ({@code chkarg(1, 1, 1e5)}). */
    private static final double MOST_THREADS = 1e5;

    private final Simulation sim;
    private final EventSystem events;
    private final Communicator comm;
    private final GidRegistry gids = new GidRegistry();
    /** NEURON's mindelay_: set by set_maxstep, 0 before (psolve refuses to run then). */
    private double minDelay; // [ms]
    /**
     * n of the last nthread(n, 0), 0 otherwise: NEURON then runs its n threads' work one after
     * another on the calling thread, which is one thread's work here, so the simulation runs
     * on one thread while nthread() reports n.
     */
    private int serialThreads;

    public ParallelContext(Simulation sim, EventSystem events, Communicator comm) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.events = Objects.requireNonNull(events, "events");
        this.comm = Objects.requireNonNull(comm, "comm");
    }

    /** The ParallelContext of a simulation that runs in this process alone. */
    public static ParallelContext singleHost(Simulation sim, EventSystem events) {
        return new ParallelContext(sim, events, new SingleHost());
    }

    public int id() {
        return comm.rank();
    }

    public int nhost() {
        return comm.size();
    }

    // ---- gids ------------------------------------------------------------------------------

    /** The gid lives on {@code rank}; this rank registers the gids it owns (others are ignored, as NEURON). */
    public void setGid2node(int gid, int rank) {
        checkGid(gid, "set_gid2node");
        if (rank < 0) {
            throw new ParallelContextException("set_gid2node(" + gid + ", " + rank + "): rank must be >= 0");
        }
        if (rank == comm.rank()) {
            gids.own(gid);
        }
    }

    /** cell(gid, nc): nc's source becomes the gid's spike source, an output cell. */
    public void cell(int gid, NetCon nc) {
        cell(gid, nc, true);
    }

    /** cell(gid, nc, output): with output false the gid's spikes stay on this rank. */
    public void cell(int gid, NetCon nc, boolean output) {
        checkGid(gid, "cell");
        Objects.requireNonNull(nc, "nc");
        gids.associate(gid, nc.source(), output, comm.rank());
    }

    /** The gid's spikes are output: recorded by spike_record(-1) (and sent to other ranks). */
    public void outputcell(int gid) {
        checkGid(gid, "outputcell");
        gids.markOutput(gid, comm.rank());
    }

    /** 0: not on this rank; 1: set here without a cell; 2: a cell; 3: an output cell. */
    public int gidExists(int gid) {
        checkGid(gid, "gid_exists");
        return gids.exists(gid);
    }

    /**
     * NEURON's gid2obj/gid2cell: the artificial cell that fires the gid, or null when its source
     * is a watched variable (NEURON returns the section's cell template object, and sections here
     * belong to none).
     */
    public PointProcess gid2obj(int gid) {
        checkGid(gid, "gid2obj");
        return gids.cellSource(gid, comm.rank(), "gid2obj").owner();
    }

    /**
     * A NetCon from the gid's spike source to {@code target}. A gid this rank does not own gets a
     * source that only spike exchange fires: with one host, one that was never set anywhere
     * never fires (NEURON raises no error either).
     */
    public NetCon gidConnect(int gid, PointProcess target) {
        checkGid(gid, "gid_connect");
        Objects.requireNonNull(target, "target");
        target.checkAlive();
        // checked here too, so a refused target leaves no input source behind
        if (!(sim.kernel(target.type()) instanceof NetReceiver)) {
            throw new InvalidValueException("gid_connect(" + gid + ", " + target.name() + "): " + target.type().name()
                    + " has no NET_RECEIVE: not a NetCon target");
        }
        SpikeSource source = gids.connectionSource(gid, comm.rank(), events::newInputSource);
        return events.newNetCon(source, target);
    }

    /** gid_clear: every gid forgotten; sources, NetCons and spike records stay, as in NEURON. */
    public void gidClear() {
        gids.clear();
    }

    // ---- spike recording --------------------------------------------------------------------

    /**
     * spike_record(gid, tvec, idvec): the gid's spike times into {@code times}, the gid beside
     * each into {@code ids}; gid -1: every output cell's spikes, in the order they fire.
     * Replaces the sources' earlier records (NetCon.record included), as NEURON's PreSyn::record.
     */
    public void spikeRecord(int gid, Vector times, Vector ids) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(ids, "ids");
        if (gid == -1) {
            for (Map.Entry<Integer, SpikeSource> e : gids.outputCells(comm.rank(), "spike_record(-1)").entrySet()) {
                e.getValue().record(new VectorSpikeRecord(times, ids, e.getKey()));
            }
            return;
        }
        if (gid < -1) {
            throw new ParallelContextException("spike_record(" + gid + "): gid must be >= -1 (-1: all output cells)");
        }
        gids.cellSource(gid, comm.rank(), "spike_record").record(new VectorSpikeRecord(times, ids, gid));
    }

    /** spike_record(gidvec, tvec, idvec): the spikes of each listed gid; all gids checked first. */
    public void spikeRecord(int[] gidList, Vector times, Vector ids) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(ids, "ids");
        SpikeSource[] sources = new SpikeSource[gidList.length];
        for (int i = 0; i < gidList.length; i++) {
            sources[i] = gids.cellSource(gidList[i], comm.rank(), "spike_record");
        }
        for (int i = 0; i < gidList.length; i++) {
            sources[i].record(new VectorSpikeRecord(times, ids, gidList[i]));
        }
    }

    // ---- the parallel solve -----------------------------------------------------------------

    /**
     * set_maxstep(maxstep): the minimum delay between ranks becomes the smaller of maxstep and
     * every delay from a gid another rank owns (over all ranks); returned. psolve integrates
     * in intervals of it between spike exchanges; with one host it only gates psolve.
     */
    public double setMaxstep(double maxstep) {
        if (!(maxstep >= SMALLEST_MAXSTEP && maxstep <= LARGEST_TIME)) {
            throw new ParallelContextException("set_maxstep(" + maxstep + "): maxstep must lie in ["
                    + SMALLEST_MAXSTEP + ", " + LARGEST_TIME + "] ms");
        }
        double local = maxstep;
        for (SpikeSource input : gids.inputSources()) {
            local = Math.min(local, input.smallestDelay());
        }
        minDelay = comm.allreduce(local, 3);
        return minDelay;
    }

    /**
     * psolve(tstop): integrates to tstop (absolute, NEURON's fixed-step rule: n whole steps when
     * more than 3 fit, else steps while t <= tstop - dt). Refused before set_maxstep or when the
     * minimum delay is below dt, as NEURON ("mindelay is 0").
     */
    public void psolve(double tstop) {
        double t = sim.t();
        if (!(tstop >= t && tstop <= LARGEST_TIME)) {
            throw new ParallelContextException("psolve(" + tstop + "): tstop must lie in [t = " + t + ", "
                    + LARGEST_TIME + "] ms");
        }
        double dt = sim.dt();
        if (minDelay - 1e-10 < dt) {
            throw new ParallelContextException("psolve(" + tstop + "): mindelay is " + minDelay
                    + " ms, less than dt = " + dt + " ms (NEURON: mindelay is 0 (or less than dt for fixed step"
                    + " method)); call set_maxstep first, and keep delays from gids of other ranks >= dt");
        }
        // NEURON's ncs2nrn_integrate(tstop * (1 + 1e-11)) on the fixed step
        double stop = tstop * (1.0 + 1e-11);
        int n = (int) ((stop - t) / dt + 1e-9);
        if (n > 3) {
            for (int i = 0; i < n; i++) {
                sim.fadvance();
                sim.checkStop();
            }
        } else {
            double lastStart = stop - dt;
            while (sim.t() <= lastStart) {
                sim.fadvance();
                sim.checkStop();
            }
        }
    }

    // ---- threads ----------------------------------------------------------------------------

    /**
     * nthread(n, parallel): the threads a step uses from now on; returned. As NEURON's
     * ({@code chkarg(1, 1, 1e5)}, {@code chkarg(2, 0, 1)}, then truncated), n outside [1, 1e5]
     * or parallel outside [0, 1] is refused (ParallelContextException); 1.5 means 1.
     * parallel 0 asks for NEURON's serial threads, one thread's work here, so any n is run.
     * With parallel, a step computes on two threads for any n of 2 or more (the split is into
     * two node ranges; {@link Simulation#setThreads}), and nthread() reports n. Nothing
     * changes when refused.
     */
    public int nthread(double n, double parallel) {
        if (!(n >= 1 && n <= MOST_THREADS)) {
            throw new ParallelContextException("nthread(" + n + "): Arg out of range in user function"
                    + " (the thread count must lie in [1, " + (int) MOST_THREADS + "])");
        }
        if (!(parallel >= 0 && parallel <= 1)) {
            throw new ParallelContextException("nthread(" + n + ", " + parallel + "): Arg out of range in user function"
                    + " (parallel must lie in [0, 1])");
        }
        int count = (int) n;
        if ((int) parallel != 0) {
            sim.setThreads(count);
            serialThreads = 0;
        } else {
            sim.setThreads(1);
            serialThreads = count;
        }
        return nthread();
    }

    /** nthread(): the thread count, as last set (1 by default, NEURON's). */
    public int nthread() {
        return serialThreads > 0 ? serialThreads : sim.threads();
    }

    // ---- collective operations --------------------------------------------------------------

    /** Waits for every rank; returns the seconds spent waiting (0 with one host). */
    public double barrier() {
        return comm.barrier();
    }

    /** Type 1 sum, 2 max, 3 min of {@code value} over all ranks. */
    public double allreduce(double value, int type) {
        return comm.allreduce(value, type);
    }

    /** Element-wise allreduce of a Vector, in place (an empty one is left alone). */
    public void allreduce(Vector values, int type) {
        if (values.size() == 0) {
            return;
        }
        double[] reduced = values.toArray();
        comm.allreduce(reduced, type);
        values.fromArray(reduced);
    }

    /** {@code into} becomes every rank's value, indexed by rank. */
    public void allgather(double value, Vector into) {
        into.fromArray(comm.allgather(value));
    }

    /** {@code values} becomes the root rank's Vector on every rank; returns its size. */
    public int broadcast(Vector values, int root) {
        if (root < 0 || root >= comm.size()) {
            throw new ParallelContextException("broadcast(..., " + root + "): root must be a rank in [0, "
                    + (comm.size() - 1) + "]");
        }
        double[] received = comm.broadcast(values.toArray(), root);
        if (comm.rank() != root) {
            values.fromArray(received);
        }
        return received.length;
    }

    private static void checkGid(int gid, String call) {
        if (gid < 0) {
            throw new ParallelContextException(call + "(" + gid + "): gid must be >= 0");
        }
    }
}
