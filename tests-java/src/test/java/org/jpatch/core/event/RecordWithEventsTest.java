package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Record events share NEURON's one queue with NetCon events: a Vector.record(Dt) sample due
 * at the time a synaptic event lands sees the event's effect when the event was sent first
 * (tools/reference/events/gen_events.py, record_dt_with_events).
 */
class RecordWithEventsTest {
    @Test
    void dtRecordSampleAtAnEventTimeFollowsNeuronsQueueOrder() {
        double[] expected = ReferenceData.doubles(
                ReferenceData.load("record_dt_with_events.json").get("g_every_half_ms"));
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        stim.set("start", 5);
        stim.set("interval", 10);
        stim.set("number", 5);
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        syn.set("tau", 2);
        NetCon nc = events.newNetCon(stim, syn);
        nc.setDelay(1);
        nc.setWeight(0, 0.001);
        Vector g = new Vector().record(sim, sim.ref(syn, "g"), 0.5);
        sim.finitialize(-65);
        sim.continuerun(40);
        assertEquals(0.001, g.get(12), 0.0, "the sample at 6.0 ms follows the weight");
        assertArrayEquals(expected, g.toArray(), 1e-15);
    }
}
