package org.jpatch.core.mech;

/**
 * The event system as kernels see it: NMODL's {@code net_send}, {@code net_event},
 * {@code net_move}, WATCH and FOR_NETCONS.
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

    /**
     * net_move: the instance's pending self-event sent with flag 1 (the last such
     * net_send) now happens at {@code time} [ms]; an error when there is none.
     */
    void netMove(MechanismType type, int instance, double time);

    /**
     * WATCH: condition {@code condition} of the instance ({@link WatchConditions}) is
     * watched from now on; when it turns true, a self-event with {@code flag} arrives at
     * that step's t. With {@code replace} the instance's conditions watched so far are
     * dropped first (the first WATCH statement a NET_RECEIVE call executes).
     */
    void watch(MechanismType type, int instance, int condition, double flag, boolean replace);

    /**
     * FOR_NETCONS: the weight vectors of the NetCons into the instance, in NEURON's order
     * (by source in creation order, then NetCon creation order); the arrays are the
     * NetCons' own, so NET_RECEIVE's changes show.
     */
    double[][] netConWeights(MechanismType type, int instance);

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
