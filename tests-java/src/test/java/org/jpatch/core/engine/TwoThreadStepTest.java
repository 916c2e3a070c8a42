package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Splitting a large model's currents and states over two threads changes no bit. */
class TwoThreadStepTest {
    /** A 6,000-segment hh axon with a passive branch; clamps at both ends, two on one node. */
    private static Simulation axon(int threads) {
        Simulation sim = new Simulation();
        sim.setThreads(threads);
        Section axon = sim.newSection("axon");
        axon.setL(6000);
        axon.setDiam(1);
        axon.setNseg(6000);
        axon.insert("hh");
        Section branch = sim.newSection("branch");
        branch.setNseg(50);
        branch.setDiam(0.5);
        branch.insert("pas");
        branch.connect(axon, 0.7, 0);
        for (double[] clamp : new double[][] {{0.0, 0.5}, {0.95, 0.3}, {0.95, 0.2}}) {
            PointProcess stim = sim.newPointProcess("IClamp", axon, clamp[0]);
            stim.set("del", 0.5);
            stim.set("dur", 100);
            stim.set("amp", clamp[1]);
        }
        sim.finitialize(-65);
        return sim;
    }

    @Test
    void twoThreadsGiveTheSameNodeVoltagesAndStatesAsOne() {
        Simulation one = axon(1);
        Simulation two = axon(2);
        assertNotNull(two.lowered().split, "a 6,000-node hh model is split");
        double peak = Double.NEGATIVE_INFINITY;  // [mV]
        for (int step = 0; step < 400; step++) {
            one.fadvance();
            two.fadvance();
            for (double v : two.lowered().nodes.v) {
                peak = Math.max(peak, v);
            }
        }
        assertArrayEquals(one.lowered().nodes.v, two.lowered().nodes.v);
        for (int k = 0; k < one.lowered().kernels.length; k++) {
            double[][] a = one.lowered().kernels[k].instances().vars;
            double[][] b = two.lowered().kernels[k].instances().vars;
            for (int var = 0; var < a.length; var++) {
                assertArrayEquals(a[var], b[var]);
            }
        }
        assertTrue(peak > 0, "the axon fired (peak " + peak + " mV)");
    }

    @Test
    void twoThreadStepsAllocateNothingOnTheCallingThread() {
        Simulation sim = axon(2);
        for (int i = 0; i < 500; i++) {
            sim.fadvance();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 2000; i++) {
            sim.fadvance();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 4096, "2,000 split steps allocated " + allocated + " bytes");
    }

    @Test
    void oneThreadByDefaultAsNeuron() {
        assertEquals(1, new Simulation().threads());
    }

    @Test
    void threadCountBelowOneIsRejectedAndLargerCountsAreKept() {
        Simulation sim = new Simulation();
        sim.setThreads(8);
        assertEquals(8, sim.threads(), "a count above two computes as two and is reported as set");
        sim.setThreads(2);
        for (int n : new int[] {0, -1}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> sim.setThreads(n));
            assertTrue(e.getMessage().contains(String.valueOf(n)), e.getMessage());
            assertEquals(2, sim.threads(), "a refused count changes nothing");
        }
        sim.setThreads(1);
        assertEquals(1, sim.threads());
    }
}
