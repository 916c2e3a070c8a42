package org.jpatch.core.event;

/**
 * Where a spike source writes its spike times (NetCon.record): times, and optionally
 * ids. The record package's Vector is adapted to this by the facade; tests may use
 * {@link SpikeTimes}.
 */
public interface SpikeRecord {
    /** Emptied at finitialize. */
    void clear();

    /** One spike at {@code time} [ms]. */
    void add(double time);
}
