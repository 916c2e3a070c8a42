package org.jpatch.core.event;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.ref.VarRef;

/**
 * NEURON's PreSyn: one source of spikes shared by all NetCons from it — a watched
 * variable with a threshold, a point process that calls net_event (an artificial cell),
 * or nothing (NetCons without a source). Threshold and spike record belong here, so
 * setting a NetCon's threshold changes it for every NetCon of the same source, as in NEURON.
 */
public final class SpikeSource {
    static final double DEFAULT_THRESHOLD = 10.0; // [mV]

    final int id;
    /** Watched variable, or null. */
    final VarRef watched;
    /** The point process whose net_event fires this source, or null. */
    final PointProcess owner;
    double threshold = DEFAULT_THRESHOLD;
    /** NEURON's flag_: the watched value was above threshold at the last check. */
    boolean above;
    /** NEURON's dil_: NetCons in creation order. */
    final List<NetCon> netcons = new ArrayList<>();
    /** NEURON's use_min_delay_: more than two NetCons with one delay share one queue entry. */
    boolean useMinDelay;
    double minDelay; // [ms]
    SpikeRecord record;

    SpikeSource(int id, VarRef watched, PointProcess owner) {
        this.id = id;
        this.watched = watched;
        this.owner = owner;
    }

    /** NEURON's init_events for one PreSyn: flag down, record emptied, min-delay decided. */
    void initialize() {
        above = false;
        if (record != null) {
            record.clear();
        }
        useMinDelay = false;
        if (netcons.size() > 2) {
            useMinDelay = true;
            minDelay = netcons.get(0).delay();
            for (NetCon nc : netcons) {
                if (nc.delay() != minDelay) {
                    useMinDelay = false;
                    break;
                }
            }
        }
    }

    /** The artificial cell whose net_event fires it, or null (a watched variable, or no source). */
    public PointProcess owner() {
        return owner;
    }

    /** NEURON's PreSyn::mindelay: the smallest delay of its NetCons, 1e9 ms without any. */
    public double smallestDelay() {
        double smallest = 1e9;
        for (NetCon nc : netcons) {
            smallest = Math.min(smallest, nc.delay());
        }
        return smallest;
    }

    /** NEURON's PreSyn::record: its spikes go to {@code record} (replacing an earlier one); null stops. */
    public void record(SpikeRecord record) {
        this.record = record;
    }

    String describe() {
        if (watched != null) {
            return watched.name();
        }
        return owner != null ? owner.name() : "None";
    }
}
