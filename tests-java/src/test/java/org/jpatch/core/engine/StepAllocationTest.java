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

        long before = threads.getThreadAllocatedBytes(thread);
        for (int n = 0; n < 10000; n++) {
            sim.fadvance();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // a few hundred bytes of slack for the measurement itself
        assertTrue(allocated < 4096, "10,000 steps allocated " + allocated + " bytes");
        assertTrue(axon.get("v", 0.5) > -90 && axon.get("v", 0.5) < 60, "the cell was integrated");
    }
}
