package org.jpatch.core.mech;

/**
 * The event system as kernels see it: NMODL's {@code net_send} and {@code net_event}.
 * Calls happen inside INITIAL or NET_RECEIVE, so they may allocate nothing per call
 * beyond the queue's amortised growth.
 */
public interface NetEvents {
    /**
     * net_send: a self-event for instance {@code instance} of {@code type} at absolute time
     * {@code time} [ms] with {@code flag}; {@code weights} are those of the event being
     * handled (NEURON passes them back to NET_RECEIVE), or null from INITIAL.
     */
    void netSend(MechanismType type, int instance, double time, double flag, double[] weights);

    /** net_event: instance {@code instance} of {@code type} fires at {@code time} [ms] (its NetCons' source). */
    void netEvent(MechanismType type, int instance, double time);

    /** A time [ms] the instance reports for its record vector, if it has one (APCount.record). */
    void recordTime(MechanismType type, int instance, double time);

    /**
     * Element {@code index} of the vector played into the instance (VecStim.play), or NaN
     * when no vector is played or {@code index} is past its end.
     */
    double playedTime(MechanismType type, int instance, int index);

    /** Key word 0 of every Random123 stream: NEURON's Random123_globalindex (default 0). */
    int random123GlobalIndex();
}
