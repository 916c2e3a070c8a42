package org.jpatch.core.record;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.jpatch.core.ModelException;
import org.jpatch.core.sim.EventDelivery;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.sim.StepObserver;

/**
 * The record and play items of one simulation (NEURON's NetCvode prl_ list and its
 * PlayRecordEvents), hooked into the integrator as a {@link StepObserver}.
 *
 * <p>Order of work, as NEURON's fixed step: at the start of finitialize the plays are
 * initialised and events at t <= 0 delivered; at its end the records are emptied, the
 * every-step records take their first sample and the record events at t = 0 are
 * delivered; each step delivers events <= t + dt/2 first, sets continuous plays after
 * each half step, samples every-step records at its end and then delivers events <= t.
 * Items run in creation order.
 */
final class PlayRecordSet implements StepObserver {
    // The map holds sets weakly: a set lives as long as its simulation (whose observer list
    // holds it), so forgotten simulations are not kept alive by their recorders.
    private static final Map<Simulation, WeakReference<PlayRecordSet>> SETS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static final double MAX_RESERVED_SAMPLES = 1 << 24;

    final PlayRecordQueue queue = new PlayRecordQueue();
    private final List<PlayRecord> items = new ArrayList<>();
    private EveryStepRecord[] everyStep = new EveryStepRecord[0];
    private ContinuousPlay[] continuousPlays = new ContinuousPlay[0];
    private Simulation sim;
    private long structureVersion;

    private PlayRecordSet() {}

    /** The vectors {@code sim}'s record items fill, in creation order (none, without creating a set). */
    static List<Vector> recordings(Simulation sim) {
        WeakReference<PlayRecordSet> existing = SETS.get(sim);
        PlayRecordSet set = existing == null ? null : existing.get();
        List<Vector> vectors = new ArrayList<>();
        if (set != null) {
            for (PlayRecord item : set.items) {
                Vector recording = item.recording();
                if (recording != null) {
                    vectors.add(recording);
                }
            }
        }
        return vectors;
    }

    /** The set of {@code sim}, created and registered as its observer on first use. */
    static PlayRecordSet of(Simulation sim) {
        synchronized (SETS) {
            WeakReference<PlayRecordSet> existing = SETS.get(sim);
            PlayRecordSet set = existing == null ? null : existing.get();
            if (set == null) {
                set = new PlayRecordSet();
                sim.addStepObserver(set);
                SETS.put(sim, new WeakReference<>(set));
            }
            return set;
        }
    }

    /** Checks the item's variable is readable, then adds it after all existing items. */
    void add(PlayRecord item) {
        item.ref.get();
        item.set = this;
        items.add(item);
        item.attachVectors();
        rebuildFixedLists();
    }

    void remove(PlayRecord item) {
        if (items.remove(item)) {
            cancel(item);
            item.detachVectors();
            rebuildFixedLists();
        }
    }

    double t() {
        return sim.t();
    }

    double dt() {
        return sim.dt();
    }

    /**
     * Reserves room for a run to tstop sampled every {@code intervalMs}, so that stdrun's
     * run() never reallocates a recording (capped: 16 Mi samples = 128 MiB).
     */
    void reserveSamples(Vector values, double intervalMs) {
        double expected = Math.floor(sim.getGlobal("tstop") / intervalMs) + 2.0;
        if (expected > 0 && expected <= MAX_RESERVED_SAMPLES) {
            values.ensureCapacity((int) expected);
        }
    }

    // ---- integrator hooks ----------------------------------------------------------

    /**
     * Start of finitialize: t = 0, the event queue is cleared, the plays send their first
     * events and those at t <= 0 are delivered (before v is set and INITIAL blocks run).
     */
    @Override
    public void initializing(Simulation sim) {
        bind(sim);
        queue.clear();
        for (PlayRecord item : items) {
            item.playInit();
        }
        deliverAllUntil(sim.t());
    }

    @Override
    public void initialized(Simulation sim) {
        bind(sim);
        for (PlayRecord item : items) {
            if (item.dropsEventAtRecordInit()) {
                cancel(item);
            }
        }
        for (PlayRecord item : items) {
            item.recordInit();
        }
        if (sim.cvode().active()) {
            requireVariableStepSupport(sim);
        } else {
            sampleEveryStep();  // under CVode the first sample is taken before the first step
        }
        deliverAllUntil(sim.t());
    }

    /** Vector.play does not follow the variable step yet, nor record events without the event system: refused. */
    private void requireVariableStepSupport(Simulation sim) {
        for (PlayRecord item : items) {
            if (item instanceof ContinuousPlay || item instanceof StepPlay) {
                throw new org.jpatch.core.InvalidValueException("CVode: Vector.play is not yet supported with the"
                        + " variable step; use cvode.active(0) (fixed step) for it");
            }
            if (!(item instanceof EveryStepRecord) && sim.eventDelivery() == null) {
                throw new org.jpatch.core.InvalidValueException("CVode: Vector.record at Dt or at a time vector"
                        + " needs the event system (EventSystem.attach) under the variable step");
            }
        }
    }

    @Override
    public void variableStepRecord(Simulation sim) {
        bind(sim);
        sampleEveryStep();
    }

    @Override
    public void beforeStep(Simulation sim) {
        bind(sim);
        queue.deliverUntil(sim.t() + 0.5 * sim.dt());
    }

    @Override
    public void timeAdvanced(Simulation sim) {
        bind(sim);
        double t = sim.t();
        for (ContinuousPlay play : continuousPlays) {
            play.continuous(t);
        }
    }

    @Override
    public void afterStep(Simulation sim) {
        bind(sim);
        sampleEveryStep();
        queue.deliverUntil(sim.t());
    }

    /**
     * Queues an item's event: in the simulation's event queue when it hosts others' events
     * (NEURON has one queue, so record/play and NetCon events interleave), else here.
     */
    void send(PlayRecord item, double time) {
        EventDelivery host = sim == null ? null : sim.eventDelivery();
        if (host == null || !host.schedule(item.hostedEvent, time)) {
            queue.send(item, time);
        }
    }

    private void cancel(PlayRecord item) {
        queue.cancel(item);
        EventDelivery host = sim == null ? null : sim.eventDelivery();
        if (host != null) {
            host.cancel(item.hostedEvent);
        }
    }

    /** finitialize's deliveries at t = 0: this set's queue and, if it hosts them, the simulation's. */
    private void deliverAllUntil(double time) {
        queue.deliverUntil(time);
        EventDelivery host = sim.eventDelivery();
        if (host != null) {
            host.deliverUntil(sim, time);
        }
    }

    private void sampleEveryStep() {
        for (EveryStepRecord record : everyStep) {
            record.sample();
        }
    }

    /**
     * After a structural change (sections deleted, mechanisms uninserted), drops the items
     * whose variable is gone, as NEURON's playrec_setup does: their vectors keep what they
     * recorded.
     */
    private void bind(Simulation sim) {
        this.sim = sim;
        long version = sim.structureVersion();
        if (version == structureVersion) {
            return;
        }
        structureVersion = version;
        for (PlayRecord item : items.toArray(new PlayRecord[0])) {
            try {
                item.ref.get();
            } catch (ModelException gone) {
                remove(item);
            }
        }
    }

    private void rebuildFixedLists() {
        List<EveryStepRecord> records = new ArrayList<>();
        List<ContinuousPlay> plays = new ArrayList<>();
        for (PlayRecord item : items) {
            if (item instanceof EveryStepRecord r) {
                records.add(r);
            } else if (item instanceof ContinuousPlay p) {
                plays.add(p);
            }
        }
        everyStep = records.toArray(new EveryStepRecord[0]);
        continuousPlays = plays.toArray(new ContinuousPlay[0]);
    }
}
