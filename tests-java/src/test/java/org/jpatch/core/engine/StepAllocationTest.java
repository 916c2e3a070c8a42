package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The time-step loop allocates nothing once the model is lowered. */
class StepAllocationTest {

    @Test
    void tenThousandStepsOfAThousandCompartmentHhCellAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        Simulation sim = new Simulation();
        Section axon = sim.newSection("axon");
        axon.setL(10000);
        axon.setDiam(1);
        axon.setNseg(1000);
        axon.insert("hh");
        PointProcess stim = sim.newPointProcess("IClamp", axon, 0.0);
        stim.set("del", 0.5);
        stim.set("dur", 1e9);
        stim.set("amp", 0.5);
        sim.finitialize(-65);
        for (int n = 0; n < 2000; n++) {  // warm-up: lowering, tables, JIT
            sim.fadvance();
        }

        // Code the JIT has not compiled yet may allocate what compiled code does not (the
        // Vector API's lane objects, when jdk.incubator.vector is present); on a loaded
        // machine that can take more than the warm-up. The claim is about the compiled
        // step: some window of 10,000 steps must allocate nothing.
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 10 && allocated >= 4096; window++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int n = 0; n < 10000; n++) {
                sim.fadvance();
            }
            allocated = threads.getThreadAllocatedBytes(thread) - before;
        }

        // a few hundred bytes of slack for the measurement itself
        assertTrue(allocated < 4096, "every window of 10,000 steps allocated; the last " + allocated + " bytes");
        assertTrue(axon.get("v", 0.5) > -90 && axon.get("v", 0.5) < 60, "the cell was integrated");
    }
}
