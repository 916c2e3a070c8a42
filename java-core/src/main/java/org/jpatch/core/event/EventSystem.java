package org.jpatch.core.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.ModelException;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiveInitial;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.UsesNetEvents;
import org.jpatch.core.mech.WatchConditions;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.EventDelivery;
import org.jpatch.core.sim.ScheduledEvent;
import org.jpatch.core.sim.Simulation;

/**
 * NEURON's discrete-event machinery for the fixed step ({@code src/nrncvode/netcvode.cpp}):
 * spike sources with threshold detection, NetCons, self-events, and one event queue
 * delivered at NEURON's points.
 *
 * <p>Per fixed step: threshold check of every watched source on the old v (a crossing
 * sends a spike stamped t + 1e-10), then of the NMODL WATCH conditions (a crossing is an
 * event at t), then delivery of events with time <= t + dt/2; after
 * the step, delivery of events with time <= t_{n+1}. While an event is delivered, t is
 * its time. In finitialize: {@link #initializing} before the INITIAL blocks (queue
 * cleared), {@link #initialize} after them (sources reset, events at t <= 0 delivered).
 */
public final class EventSystem implements EventDelivery, NetEvents {
    /** NEURON stamps a threshold crossing found at the start of a step at t + 1e-10 (check_thresh's teps). */
    static final double THRESHOLD_STAMP_OFFSET = 1e-10; // [ms]
    private Runnable beforeMembraneReceive;  // variable step: set while it delivers

    /** The variable holding id3 of a RANDOM variable's stream; negative until numbered. */
    private static final String RANDOM_ID3 = "ranvar_id3";

    private static final int NETCON_EVENT = 0;
    private static final int SELF_EVENT = 1;
    private static final int SOURCE_EVENT = 2;
    private static final int SCHEDULED_EVENT = 3;
    private static final int WATCH_EVENT = 4;

    private final EventHost host;
    private final GlobalState globals;
    private final EventQueue queue = new EventQueue();
    private final Random123Streams randomStreams = new Random123Streams();

    /** NEURON's psl_: spike sources in creation order (threshold checks run in this order). */
    private final List<SpikeSource> sources = new ArrayList<>();
    /** Watched sources by {@link VarRef#storageKey}: NetCons of one variable share a source. */
    private final Map<Object, SpikeSource> sourceByVariable = new HashMap<>();
    private final Map<PointProcess, SpikeSource> sourceByOwner = new IdentityHashMap<>();
    private SpikeSource noSource;
    /** Watched sources only, as an array for the per-step check. */
    private SpikeSource[] watchedSources = new SpikeSource[0];

    /** NetCons by id; null once deleted. */
    private final List<NetCon> netcons = new ArrayList<>();

    private final SelfEventSlots selfEvents = new SelfEventSlots();
    /** Others' events in this queue (record and play). */
    private final ScheduledEvents scheduled = new ScheduledEvents();

    /** Time records of point processes that report times themselves (APCount.record). */
    private final Map<PointProcess, SpikeRecord> timeRecords = new IdentityHashMap<>();
    /** Vectors played into artificial cells (VecStim.play). */
    private final Map<PointProcess, Vector> playedVectors = new IdentityHashMap<>();

    private final InstanceOwners owners;

    /** NEURON's _tqitem per instance: the slot of its pending flag-1 self-event (net_move's), -1 for none. */
    private final Map<PointProcess, int[]> movableEvent = new IdentityHashMap<>();
    private final WatchList watches = new WatchList();
    /** Removes a dropped WATCH condition's pending event; one object, so activating allocates nothing. */
    private final IntConsumer dropWatchEvent = id -> queue.removeAll(WATCH_EVENT, id);
    /** FOR_NETCONS' weight vectors per target, made at the first use after each finitialize. */
    private final Map<PointProcess, double[][]> netConWeights = new IdentityHashMap<>();

    public EventSystem(EventHost host) {
        this.host = Objects.requireNonNull(host);
        this.globals = host.globals();
        this.owners = new InstanceOwners(host);
    }

    /** A new event system delivering the events of {@code sim} (replacing any other). */
    public static EventSystem attach(Simulation sim) {
        EventSystem events = new EventSystem(new SimulationEventHost(sim));
        sim.setEventDelivery(events);
        return events;
    }

    /** The simulation's Random123 state (global index, default stream numbering). */
    public Random123Streams randomStreams() {
        return randomStreams;
    }

    // ---- building ------------------------------------------------------------------------

    /** A NetCon watching {@code source} (e.g. a segment's v) for upward threshold crossings. */
    public NetCon newNetCon(VarRef source, PointProcess target) {
        Objects.requireNonNull(source, "source");
        source.get(); // a reference to a deleted section or mechanism throws here, before any change
        int weightCount = checkTarget(target);
        Object key = source.storageKey();
        SpikeSource s = sourceByVariable.get(key);
        if (s == null) {
            s = addSource(source, null);
            sourceByVariable.put(key, s);
        }
        return addNetCon(s, target, weightCount);
    }

    /** A NetCon from a point process that fires by net_event (an artificial cell such as NetStim). */
    public NetCon newNetCon(PointProcess source, PointProcess target) {
        Objects.requireNonNull(source, "source");
        source.checkAlive();
        int weightCount = checkTarget(target);
        SpikeSource s = sourceByOwner.get(source);
        if (s == null) {
            s = addSource(null, source);
            sourceByOwner.put(source, s);
        }
        return addNetCon(s, target, weightCount);
    }

    /** A NetCon without source: its events come only from {@link NetCon#event}. */
    public NetCon newNetCon(PointProcess target) {
        int weightCount = checkTarget(target);
        if (noSource == null) {
            noSource = addSource(null, null);
        }
        return addNetCon(noSource, target, weightCount);
    }

    /** A NetCon from an existing spike source (ParallelContext.gid_connect). */
    public NetCon newNetCon(SpikeSource source, PointProcess target) {
        Objects.requireNonNull(source, "source");
        int weightCount = checkTarget(target);
        return addNetCon(source, target, weightCount);
    }

    /**
     * A new spike source that watches nothing and belongs to no cell: NEURON's input PreSyn,
     * made by gid_connect for a gid this process does not own; only spike exchange fires it.
     */
    public SpikeSource newInputSource() {
        return addSource(null, null);
    }

    /**
     * APCount.record(vec): the times the point process reports go to {@code record},
     * emptied at finitialize; null stops recording.
     */
    public void recordTimes(PointProcess pp, SpikeRecord record) {
        pp.checkAlive();
        if (record == null) {
            timeRecords.remove(pp);
        } else {
            timeRecords.put(pp, record);
        }
    }

    /**
     * VecStim.play(vec): the artificial cell reads its event times from {@code times} at
     * each finitialize and as it goes (the vector is not copied); null plays nothing.
     */
    public void play(PointProcess pp, Vector times) {
        pp.checkAlive();
        if (times == null) {
            playedVectors.remove(pp);
        } else {
            playedVectors.put(pp, times);
        }
    }

    /** Live NetCons in creation order. */
    public List<NetCon> netCons() {
        List<NetCon> live = new ArrayList<>();
        for (NetCon nc : netcons) {
            if (nc != null) {
                live.add(nc);
            }
        }
        return live;
    }

    /**
     * The point process is going away: NetCons from or to it are deleted and its
     * pending self-events dropped.
     */
    public void pointProcessDeleted(PointProcess pp) {
        for (NetCon nc : netcons) {
            if (nc != null && (nc.target == pp || nc.source().owner == pp)) {
                nc.delete();
            }
        }
        sourceByOwner.remove(pp); // its SpikeSource stays in sources (ids are indices), with no NetCons
        timeRecords.remove(pp);
        playedVectors.remove(pp);
        movableEvent.remove(pp);
        netConWeights.remove(pp);
        for (int id : watches.remove(pp)) {
            queue.removeAll(WATCH_EVENT, id);
        }
        for (int slot : selfEvents.slotsOf(pp)) {
            queue.removeAll(SELF_EVENT, slot);
            selfEvents.release(slot);
        }
    }

    private int checkTarget(PointProcess target) {
        if (target == null) {
            return 1; // NEURON gives a NetCon without target one weight
        }
        target.checkAlive();
        MechanismKernel kernel = host.kernel(target.type());
        if (!(kernel instanceof NetReceiver receiver)) {
            throw new InvalidValueException(target.name() + " cannot receive events (" + target.type().name()
                    + " has no NET_RECEIVE): not a NetCon target");
        }
        return receiver.weightCount();
    }

    private SpikeSource addSource(VarRef watched, PointProcess owner) {
        SpikeSource s = new SpikeSource(sources.size(), watched, owner);
        sources.add(s);
        if (watched != null) {
            watchedSources = Arrays.copyOf(watchedSources, watchedSources.length + 1);
            watchedSources[watchedSources.length - 1] = s;
        }
        return s;
    }

    private void stopWatching(SpikeSource gone) {
        SpikeSource[] kept = new SpikeSource[watchedSources.length - 1];
        int n = 0;
        for (SpikeSource s : watchedSources) {
            if (s != gone) {
                kept[n++] = s;
            }
        }
        watchedSources = kept;
        sourceByVariable.values().remove(gone);
    }

    private NetCon addNetCon(SpikeSource source, PointProcess target, int weightCount) {
        NetCon nc = new NetCon(netcons.size(), this, source, target, weightCount);
        netcons.add(nc);
        source.netcons.add(nc);
        source.useMinDelay = false;
        return nc;
    }

    void remove(NetCon nc) {
        queue.removeAll(NETCON_EVENT, nc.id);
        nc.detachSource();
        netcons.set(nc.id, null);
    }

    void scheduleNetCon(NetCon nc, double time) {
        if (!nc.active()) {
            return;
        }
        queue.insert(time, NETCON_EVENT, nc.id, 0.0);
    }

    void scheduleSelfEvent(NetCon nc, double time, double flag) {
        if (!nc.active()) {
            return;
        }
        if (nc.target.type().kind() != MechanismKind.ARTIFICIAL) {
            throw new InvalidValueException("NetCon.event(" + time + ", " + flag + "): " + nc.target.name()
                    + " is no artificial cell; only those take fake self-events");
        }
        queue.insert(time, SELF_EVENT, selfEvents.take(nc.target, nc.weights), flag);
    }

    // ---- the simulation's hooks -----------------------------------------------------------

    @Override
    public void initializing(Simulation sim) {
        initializing();
    }

    /**
     * Start of finitialize, before INITIAL blocks (which may net_send): the queue is
     * emptied and every receiving kernel learns where its events go.
     */
    public void initializing() {
        queue.clear();
        scheduled.clearPending();
        selfEvents.clear();
        for (PointProcess pp : host.pointProcesses()) {
            numberDefaultRandomStream(pp);
            if (host.kernel(pp.type()) instanceof UsesNetEvents user) {
                user.bindEvents(this);
            }
        }
        for (SpikeRecord record : timeRecords.values()) {
            record.clear();
        }
        for (int[] slot : movableEvent.values()) {
            slot[0] = -1;
        }
    }

    /**
     * NEURON numbers a RANDOM variable's default stream (1, rank, n) when the instance is
     * made; here at the first finitialize that sees it, in creation order, which gives the
     * same n as long as streams are numbered before later ones are made.
     */
    private void numberDefaultRandomStream(PointProcess pp) {
        int id3 = pp.type().indexOf(RANDOM_ID3);
        if (id3 >= 0 && pp.values().get(id3, 0) < 0.0) {
            pp.values().set(id3, 0, randomStreams.nextDefaultId3());
        }
    }

    @Override
    public void initialize(Simulation sim) {
        for (SpikeSource s : sources) {
            s.initialize();
        }
        // NEURON's init_events: NET_RECEIVE INITIAL blocks, or else weights past the first zeroed
        for (NetCon nc : netcons) {
            if (nc != null && nc.target != null) {
                if (host.kernel(nc.target.type()) instanceof NetReceiveInitial receiver) {
                    receiver.initialWeights(nc.target.values().index(0), nc.weights);
                } else {
                    Arrays.fill(nc.weights, 1, nc.weights.length, 0.0);
                }
            }
        }
        watches.clear();
        netConWeights.clear();
        deliverUntil(globals.t);
    }

    @Override
    public double nextEventTime() {
        return queue.leastTime();
    }

    @Override
    public void deliverUntil(Simulation sim, double time, Runnable beforeMembraneReceive) {
        this.beforeMembraneReceive = beforeMembraneReceive;
        try {
            deliverUntil(time);
        } finally {
            this.beforeMembraneReceive = null;
        }
    }

    @Override
    public void checkConditions(Simulation sim) {
        checkThresholds(globals.t, 0.0);
        checkWatches(globals.t);
    }

    @Override
    public void beforeStep(Simulation sim) {
        double t = globals.t;
        checkThresholds(t, THRESHOLD_STAMP_OFFSET);
        checkWatches(t);
        deliverUntil(t + 0.5 * globals.dt);
    }

    /** PreSyn::check of every watched source at t: a new crossing sends at t + {@code offset} [ms]. */
    private void checkThresholds(double t, double offset) {
        for (SpikeSource s : watchedSources) {
            double value;
            try {
                value = s.watched.get();
            } catch (ModelException gone) {
                // the watched variable's section or mechanism was deleted: as NEURON drops
                // the PreSyn, the source stops firing and its NetCons stay silent
                stopWatching(s);
                continue;
            }
            if (value - s.threshold > 0.0) {
                if (!s.above) {
                    s.above = true;
                    send(s, t + offset);
                }
            } else {
                s.above = false;
            }
        }
    }

    /** After the thresholds, NEURON's check_thresh runs the WATCH conditions: a new crossing is an event at t. */
    private void checkWatches(double t) {
        List<WatchList.Condition> watched = watches.watched();
        for (int i = 0; i < watched.size(); i++) { // indexed: no iterator per step
            WatchList.Condition c = watched.get(i);
            WatchConditions kernel = (WatchConditions) host.kernel(c.owner.type());
            if (kernel.watchValue(c.owner.values().index(0), c.condition) > 0.0) {
                if (!c.above) {
                    c.above = true;
                    queue.insert(t, WATCH_EVENT, c.id, 0.0);
                }
            } else {
                c.above = false;
            }
        }
    }

    @Override
    public void afterStep(Simulation sim) {
        deliverUntil(globals.t);
    }

    @Override
    public boolean schedule(ScheduledEvent event, double time) {
        int id = scheduled.idOf(event);
        if (scheduled.isPending(id)) {
            queue.removeAll(SCHEDULED_EVENT, id);
        }
        scheduled.setPending(id, true);
        queue.insert(time, SCHEDULED_EVENT, id, 0.0);
        return true;
    }

    @Override
    public void cancel(ScheduledEvent event) {
        int id = scheduled.knownId(event);
        if (id >= 0 && scheduled.isPending(id)) {
            queue.removeAll(SCHEDULED_EVENT, id);
            scheduled.setPending(id, false);
        }
    }

    @Override
    public void deliverUntil(Simulation sim, double time) {
        deliverUntil(time);
    }

    // ---- NetEvents: calls from kernels ------------------------------------------------------

    @Override
    public void netSend(MechanismType type, int instance, double time, double flag, double[] weights) {
        if (time < globals.t) {
            throw new IllegalStateException("net_send to the past: time " + time + " < t " + globals.t);
        }
        PointProcess owner = owners.at(type, instance);
        int slot = selfEvents.take(owner, weights);
        queue.insert(time, SELF_EVENT, slot, flag);
        if (flag == 1.0) {
            movableEvent.computeIfAbsent(owner, pp -> new int[] {-1})[0] = slot;
        }
    }

    @Override
    public void netMove(MechanismType type, int instance, double time) {
        PointProcess owner = owners.at(type, instance);
        int[] slot = movableEvent.get(owner);
        if (slot == null || slot[0] < 0) {
            throw new ModelException("No event with flag=1 for net_move in " + owner.name());
        }
        if (time < globals.t) {
            throw new IllegalStateException("net_move to the past in " + owner.name() + ": time " + time + " < t "
                    + globals.t);
        }
        if (!queue.move(SELF_EVENT, slot[0], time)) {
            throw new IllegalStateException("net_move in " + owner.name() + ": its flag=1 event is not queued");
        }
    }

    @Override
    public void watch(MechanismType type, int instance, int condition, double flag, boolean replace) {
        PointProcess owner = owners.at(type, instance);
        WatchConditions kernel = (WatchConditions) host.kernel(type);
        watches.activate(owner, kernel, condition, flag, replace, dropWatchEvent);
    }

    @Override
    public double[][] netConWeights(MechanismType type, int instance) {
        PointProcess target = owners.at(type, instance);
        double[][] weights = netConWeights.get(target);
        if (weights == null) {
            weights = weightsInto(target);
            netConWeights.put(target, weights);
        }
        return weights;
    }

    /** fornetcon_prepare's order: sources in creation order, each source's NetCons in creation order. */
    private double[][] weightsInto(PointProcess target) {
        List<double[]> weights = new ArrayList<>();
        for (SpikeSource s : sources) {
            for (NetCon nc : s.netcons) {
                if (nc.target == target) {
                    weights.add(nc.weights);
                }
            }
        }
        return weights.toArray(new double[0][]);
    }

    @Override
    public void netEvent(MechanismType type, int instance, double time) {
        SpikeSource s = sourceByOwner.get(owners.at(type, instance));
        if (s != null) {
            send(s, time);
        }
    }

    @Override
    public void recordTime(MechanismType type, int instance, double time) {
        SpikeRecord record = timeRecords.get(owners.at(type, instance));
        if (record != null) {
            record.add(time);
        }
    }

    @Override
    public int random123GlobalIndex() {
        return (int) randomStreams.globalIndex();
    }

    @Override
    public double playedTime(MechanismType type, int instance, int index) {
        Vector times = playedVectors.get(owners.at(type, instance));
        if (times == null || index < 0 || index >= times.size()) {
            return Double.NaN;
        }
        return times.get(index);
    }

    // ---- sending and delivering -------------------------------------------------------------

    /** NEURON's PreSyn::send: record, then one queue entry per active NetCon (or one for all). */
    private void send(SpikeSource s, double time) {
        if (s.record != null) {
            s.record.add(time);
        }
        if (s.useMinDelay) {
            queue.insert(time + s.minDelay, SOURCE_EVENT, s.id, 0.0);
            return;
        }
        List<NetCon> targets = s.netcons;
        for (int k = 0; k < targets.size(); k++) { // indexed: no iterator per spike
            NetCon nc = targets.get(k);
            if (nc.active()) {
                queue.insert(time + nc.delay(), NETCON_EVENT, nc.id, 0.0);
            }
        }
    }

    private void deliverUntil(double until) {
        double savedT = globals.t;
        while (queue.pollUntil(until)) {
            double time = queue.polledTime();
            int index = queue.polledIndex();
            switch (queue.polledKind()) {
                case NETCON_EVENT -> {
                    NetCon nc = netcons.get(index);
                    deliver(nc.target, nc.weights, 0.0, time);
                }
                case SELF_EVENT -> {
                    PointProcess target = selfEvents.target(index);
                    double[] weights = selfEvents.weights(index);
                    selfEvents.release(index);
                    deliver(target, weights, queue.polledValue(), time);
                }
                case SOURCE_EVENT -> deliverToAllNetCons(sources.get(index), time);
                case WATCH_EVENT -> { // WatchCondition::deliver: no weights, the flag of its activation
                    WatchList.Condition c = watches.get(index);
                    deliver(c.owner, null, c.flag, time);
                }
                case SCHEDULED_EVENT -> { // NEURON's PlayRecordEvent leaves t as it is
                    scheduled.setPending(index, false);
                    scheduled.event(index).deliver(time);
                }
                default -> throw new IllegalStateException("unknown event kind " + queue.polledKind());
            }
        }
        globals.t = savedT;
    }

    /** NEURON's PreSyn::deliver for a shared (min-delay) entry: every NetCon in creation order. */
    private void deliverToAllNetCons(SpikeSource s, double time) {
        List<NetCon> targets = s.netcons;
        for (int k = 0; k < targets.size(); k++) {
            NetCon nc = targets.get(k);
            if (nc.active()) {
                double extraDelay = nc.delay() - s.minDelay;
                if (extraDelay == 0.0) {
                    deliver(nc.target, nc.weights, 0.0, time);
                } else {
                    queue.insert(time + extraDelay, NETCON_EVENT, nc.id, 0.0);
                }
            }
        }
    }

    private void deliver(PointProcess target, double[] weights, double flag, double time) {
        if (target.isDeleted()) {
            return; // deleted after the event was queued
        }
        globals.t = time;
        if (beforeMembraneReceive != null && target.section() != null) {
            beforeMembraneReceive.run();
        }
        if (flag == 1.0) { // nocmodl's NET_RECEIVE: if (_lflag == 1.) *(_tqitem) = nullptr
            int[] movable = movableEvent.get(target);
            if (movable != null) {
                movable[0] = -1;
            }
        }
        NetReceiver receiver = (NetReceiver) host.kernel(target.type());
        receiver.netReceive(target.values().index(0), weights, flag, time);
    }
}
