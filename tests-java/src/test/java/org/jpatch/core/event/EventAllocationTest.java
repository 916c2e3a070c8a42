package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Spikes, queueing and NET_RECEIVE allocate nothing per step once the queue has its working size. */
class EventAllocationTest {
    @Test
    void aSpikingRingStepsWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        List<BallStickCell> cells = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cells.add(new BallStickCell(sim));
        }
        for (int i = 0; i < 20; i++) {
            NetCon nc = events.newNetCon(sim.ref(cells.get(i).soma, 1, "v"), cells.get((i + 1) % 20).excitatory);
            nc.setDelay(1);
            nc.setWeight(0, 0.01);
        }
        PointProcess stim = sim.newPointProcess("IClamp", cells.get(0).soma, 0.5);
        stim.set("dur", 1);
        stim.set("amp", 1);
        SpikeTimes counted = new SpikeTimes();
        events.newNetCon(sim.ref(cells.get(0).soma, 1, "v"), null).record(counted);
        sim.finitialize(-65);
        sim.continuerun(200); // warm-up: lowering, JIT, queue and record capacity
        int spikesBefore = counted.size();

        long before = threads.getThreadAllocatedBytes(thread);
        for (int n = 0; n < 4000; n++) { // 100 ms: the ring goes round about 1.6 times
            sim.fadvance();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(counted.size() > spikesBefore, "the ring kept spiking");
        assertTrue(allocated < 4096, "4,000 spiking steps allocated " + allocated + " bytes");
    }
}
