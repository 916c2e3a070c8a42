package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.event.EventSystem;
import org.jpatch.core.model.Section;
import org.jpatch.core.parallel.ParallelContext;
import org.jpatch.core.sim.RunInterruptedException;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** A stop requested from another thread ends a run at a step boundary; the model goes on from there. */
class RunInterruptTest {
    private static final double DT = 0.025;  // [ms]

    private static Simulation hhCell() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        sim.finitialize(-65);
        return sim;
    }

    @Test
    void aStopRequestedDuringContinuerunEndsItAtAStepBoundaryAndALaterRunGoesOnFromThere() throws Exception {
        Simulation sim = hhCell();
        Thread stopper = new Thread(() -> {
            sleep(200);
            sim.requestStop();
        });
        stopper.start();
        long started = System.nanoTime();
        RunInterruptedException stopped = assertThrows(RunInterruptedException.class, () -> sim.continuerun(1e9));
        double elapsedS = (System.nanoTime() - started) / 1e9;
        stopper.join();
        assertTrue(elapsedS < 5, "stopped after " + elapsedS + " s");
        double t = sim.t();
        assertEquals(t, stopped.t());
        assertTrue(t > 0 && t < 1e9);
        // t is summed step by step (t += dt, as NEURON): after 10^6 steps it strays ~1e-6 ms
        // from n*dt, far from the dt/2 a stop in mid-step would leave.
        assertEquals(Math.round(t / DT) * DT, t, 1e-9 * t, "t is a whole number of steps");
        // The request was consumed: the next run is whole.
        sim.continuerun(t + 1);
        assertEquals(t + 1, sim.t(), 1e-6);
    }

    @Test
    void aWithdrawnStopRequestStopsNothing() {
        Simulation sim = hhCell();
        sim.requestStop();
        sim.clearStopRequest();
        sim.continuerun(2);
        assertEquals(2, sim.t(), 1e-9);
    }

    @Test
    void aStopRequestEndsPsolveAfterOneStep() {
        Simulation sim = hhCell();
        ParallelContext pc = ParallelContext.singleHost(sim, EventSystem.attach(sim));
        pc.setMaxstep(10);
        sim.requestStop();
        assertThrows(RunInterruptedException.class, () -> pc.psolve(100));
        assertEquals(DT, sim.t(), 1e-12);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
