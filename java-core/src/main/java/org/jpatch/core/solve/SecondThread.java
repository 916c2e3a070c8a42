package org.jpatch.core.solve;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.ThreadGlobals;

/**
 * One JVM-wide helper thread that computes the upper node range of a split sweep
 * (every kernel's currents, or every kernel's states) while the caller computes the
 * lower range. Each node is handled by one thread only and its kernels run in sweep
 * order there, so the results are bit for bit those of one thread (twins with GLOBALs
 * of their own take the shared values before and give them back after,
 * {@link ThreadGlobals}). Handing over costs no allocation: a volatile sequence number
 * publishes the request, the helper spins briefly between requests and parks after that.
 */
final class SecondThread implements Runnable {
    private static final long SPIN_NANOS = 50_000;  // [ns] about the length of a Hines solve
    // When other processes keep the helper off the processors, waiting for it costs more
    // than it saves: after this many sweeps in a row whose wait exceeded the caller's own
    // half, the next PAUSE_SWEEPS sweeps run on the caller's thread alone.
    private static final int LATE_LIMIT = 8;
    private static final int PAUSE_SWEEPS = 2000;
    // A sweep whose half takes less than this gains less than handing it over costs (a
    // wake-up, two cache-line round trips): e.g. the states of a network of passive
    // dendrites and a few hh somas. Such a kind of sweep runs on the caller's thread
    // alone for the next PAUSE_SWEEPS sweeps of that kind, then is tried again.
    private static final long WORTHWHILE_HALF_NANOS = 10_000;
    private static final boolean AVAILABLE = Runtime.getRuntime().availableProcessors() >= 2;
    private static SecondThread shared;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread thread;
    private volatile long requested;
    private volatile long completed;
    private LoweredModel model;  // written before, read after the volatile `requested`
    private boolean states;
    private Throwable failure;
    private int lateInARow;   // guarded by busy
    private final int[] pausedSweeps = new int[2]; // per kind (currents, states); guarded by busy

    private SecondThread() {
        thread = new Thread(this, "jpatch-second-thread");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs the currents ({@code states} false) or the states of every kernel of {@code m}
     * on both threads. False when the helper is unavailable (one processor, or busy with
     * another simulation): then the caller does the sweep alone.
     */
    static boolean sweep(LoweredModel m, boolean states) {
        SecondThread helper = acquire();
        if (helper == null) {
            return false;
        }
        int kind = states ? 1 : 0;
        if (helper.pausedSweeps[kind] > 0) {
            helper.pausedSweeps[kind]--;
            helper.busy.set(false);
            return false;
        }
        takeGlobals(m);
        helper.model = m;
        helper.states = states;
        long ticket = helper.requested + 1;
        helper.requested = ticket;
        LockSupport.unpark(helper.thread);
        Throwable helperFailure;
        long start = System.nanoTime();
        long ownDone = start;
        try {
            run(m, states, false);
            ownDone = System.nanoTime();
        } finally {
            // even when the lower half failed: the helper must be done before anyone reuses it
            helperFailure = helper.awaitCompletion(ticket);
            helper.noteWait(System.nanoTime() - ownDone, ownDone - start, kind);
            helper.model = null;
            helper.busy.set(false);
        }
        if (helperFailure != null) {
            throw new IllegalStateException("a kernel failed on the second thread", helperFailure);
        }
        giveGlobals(m, states);
        return true;
    }

    private static void takeGlobals(LoweredModel m) {
        for (ThreadGlobals g : m.threadGlobals) {
            if (g != null) {
                g.takeGlobals();
            }
        }
    }

    /** The twins' GLOBALs where one thread would have left them: only twins that computed an instance. */
    private static void giveGlobals(LoweredModel m, boolean states) {
        ThreadGlobals[] globals = m.threadGlobals;
        for (int k = 0; k < globals.length; k++) {
            if (globals[k] != null && m.split[k] < m.instanceCount[k]) {
                globals[k].giveGlobals(states);
            }
        }
    }

    private static synchronized SecondThread acquire() {
        if (!AVAILABLE) {
            return null;
        }
        if (shared == null) {
            shared = new SecondThread();
        }
        return shared.busy.compareAndSet(false, true) ? shared : null;
    }

    private void noteWait(long waited, long ownHalf, int kind) {
        if (ownHalf < WORTHWHILE_HALF_NANOS) {
            pausedSweeps[kind] = PAUSE_SWEEPS;
        }
        if (waited <= ownHalf) {
            lateInARow = 0;
        } else if (++lateInARow >= LATE_LIMIT) {
            lateInARow = 0;
            pausedSweeps[0] = PAUSE_SWEEPS;
            pausedSweeps[1] = PAUSE_SWEEPS;
        }
    }

    /** Waits for request {@code ticket}; returns what the helper threw, if anything. */
    private Throwable awaitCompletion(long ticket) {
        int spins = 0;
        while (completed != ticket) {
            if (++spins % 1024 == 0) {
                Thread.yield();  // the helper may be waiting for a processor
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable f = failure;
        failure = null;
        return f;
    }

    @Override
    public void run() {
        long seen = 0;
        for (;;) {
            long spinStart = System.nanoTime();
            long r;
            while ((r = requested) == seen) {
                if (System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = r;
            try {
                run(model, states, true);
            } catch (Throwable t) {
                failure = t;
            }
            completed = seen;
        }
    }

    private static void run(LoweredModel m, boolean states, boolean upper) {
        RangeKernel[] kernels = upper ? m.upperKernels : m.rangeKernels;
        int[] split = m.split;
        int[] count = m.instanceCount;
        for (int k = 0; k < kernels.length; k++) {
            int from = upper ? split[k] : 0;
            int to = upper ? count[k] : split[k];
            if (states) {
                kernels[k].state(from, to);
            } else {
                kernels[k].current(from, to);
            }
        }
    }
}
