package org.jpatch.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.event.EventSystem;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** ParallelContext.nthread with NEURON's argument checks (ocbbs.cpp's nthrd) and defaults. */
class NthreadTest {
    private final Simulation sim = new Simulation();
    private final ParallelContext pc = ParallelContext.singleHost(sim, EventSystem.attach(sim));

    @Test
    void oneThreadUntilAskedForMore() {
        assertEquals(1, pc.nthread());
        assertEquals(2, pc.nthread(2, 1));
        assertEquals(2, sim.threads());
        assertEquals(1, pc.nthread(1, 1));
        assertEquals(1, sim.threads());
    }

    @Test
    void countIsTruncatedAsNeuronDoes() {
        assertEquals(2, pc.nthread(2.9, 1));
        assertEquals(1, pc.nthread(1.5, 0.7), "parallel 0.7 is 0: serial");
    }

    @Test
    void serialThreadsRunOnOneThreadAndReportTheirCount() {
        assertEquals(4, pc.nthread(4, 0));
        assertEquals(1, sim.threads());
        assertEquals(2, pc.nthread(2, 1), "parallel again");
        assertEquals(2, sim.threads());
    }

    @Test
    void countOrParallelOutOfRangeIsNeuronsError() {
        pc.nthread(2, 1);
        for (double n : new double[] {0, 0.5, -1, 1e6, Double.NaN}) {
            ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.nthread(n, 1));
            assertTrue(e.getMessage().contains("Arg out of range"), e.getMessage());
        }
        assertThrows(ParallelContextException.class, () -> pc.nthread(1, 2));
        assertThrows(ParallelContextException.class, () -> pc.nthread(1, -1));
        assertEquals(2, pc.nthread(), "nothing changed");
    }

    @Test
    void parallelCountsAboveTwoAreKeptAndReported() {
        assertEquals(3, pc.nthread(3, 1));
        assertEquals(3, pc.nthread());
    }
}
