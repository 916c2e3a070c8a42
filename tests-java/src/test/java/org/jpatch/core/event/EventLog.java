package org.jpatch.core.event;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;

/**
 * A test point process that logs what its NET_RECEIVE sees: event time, the simulation's
 * t during the call, weight, flag. With weight < 0 it net_sends a self-event -weight ms later.
 */
final class EventLog extends MechanismKernel implements NetReceiver {
    record Delivery(int instance, double time, double globalT, double weight, double flag) {}

    final List<Delivery> deliveries = new ArrayList<>();

    static final MechanismType TYPE = MechanismType.builder("EventLog", MechanismKind.ARTIFICIAL, 50)
            .kernel(EventLog::new)
            .build();

    private NetEvents events;

    @Override
    public int weightCount() {
        return 2;
    }

    @Override
    public void bindEvents(NetEvents netEvents) {
        events = netEvents;
    }

    @Override
    public void netReceive(int instance, double[] weights, double flag, double tEvent) {
        deliveries.add(new Delivery(instance, tEvent, globals.t, weights == null ? Double.NaN : weights[0], flag));
        if (flag == 0.0 && weights[0] < 0.0) {
            events.netSend(TYPE, instance, tEvent - weights[0], 7.0, weights);
        }
    }
}
