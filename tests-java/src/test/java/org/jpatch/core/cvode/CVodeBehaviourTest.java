package org.jpatch.core.cvode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.solve.cvode.CVode;
import org.junit.jupiter.api.Test;

/** The variable step's own behaviour, without NEURON: accuracy, stop times, settings and refusals. */
class CVodeBehaviourTest {
    /** A passive compartment: v relaxes to e_pas = -70 mV with tau = cm/g = 1 ms. */
    private static Simulation passive() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.setL(20.0);
        soma.setDiam(20.0);
        soma.insert("pas");
        return sim;
    }

    @Test
    void passiveDecayFollowsTheExponentialWithinTheTolerance() {
        Simulation sim = passive();
        Section soma = sim.sections().get(0);
        sim.cvode().setActive(true);
        sim.cvode().setAtol(1e-8);
        sim.finitialize(-65.0);
        double worst = 0;
        int steps = 0;
        while (sim.t() < 5.0) {
            sim.fadvance();
            steps++;
            double exact = -70.0 + 5.0 * Math.exp(-sim.t() / 1.0);
            worst = Math.max(worst, Math.abs(soma.get("v", 0.5) - exact));
        }
        assertTrue(worst < 1e-5, "worst |v - exact| = " + worst + " mV");
        assertTrue(steps > 10 && steps < 2000, steps + " steps");
        assertEquals(steps, sim.cvode().statistics().advanceCalls());
    }

    @Test
    void solveEndsExactlyAtTheRequestedTimeWithTheInterpolatedState() {
        Simulation sim = passive();
        Section soma = sim.sections().get(0);
        sim.cvode().setActive(true);
        sim.cvode().setAtol(1e-8);
        sim.finitialize(-65.0);
        sim.cvode().solve(2.5);
        assertEquals(2.5, sim.t(), 0.0);
        assertEquals(-70.0 + 5.0 * Math.exp(-2.5), soma.get("v", 0.5), 1e-5);
        assertTrue(sim.cvode().statistics().interpolateCalls() >= 1);
    }

    @Test
    void iclampOnsetIsAStopTimeTheIntegratorRestartsJustAfter() {
        Simulation sim = passive();
        PointProcess stim = sim.newPointProcess("IClamp", sim.sections().get(0), 0.5);
        stim.set("del", 1.0);
        stim.set("dur", 1.0);
        stim.set("amp", 0.1);
        sim.cvode().setActive(true);
        sim.finitialize(-65.0);
        boolean sawJustBefore = false, sawJustAfter = false;
        while (sim.t() < 3.0) {
            sim.fadvance();
            double t = sim.t();
            sawJustBefore |= t < 1.0 && 1.0 - t < 1e-12;
            sawJustAfter |= t > 1.0 && t - 1.0 < 1e-12;
        }
        assertTrue(sawJustBefore && sawJustAfter, "steps to 1 - 100ε and restarts at 1 + 150ε");
        assertEquals(2, sim.cvode().statistics().atTimeInits());
    }

    @Test
    void settingsRefuseNegativeOrNonFiniteValuesNamingThem() {
        CVode cv = passive().cvode();
        assertTrue(assertThrows(InvalidValueException.class, () -> cv.setAtol(-1)).getMessage().contains("-1"));
        assertThrows(InvalidValueException.class, () -> cv.setRtol(Double.NaN));
        assertThrows(InvalidValueException.class, () -> cv.setMaxstep(-0.5));
        assertThrows(InvalidValueException.class, () -> cv.setMinstep(Double.POSITIVE_INFINITY));
        assertTrue(assertThrows(InvalidValueException.class, () -> cv.setAtolscale("m_hh", 0)).getMessage()
                .contains("m_hh"));
        assertEquals(1e-3, cv.atol(), 0.0);
        assertEquals(0.0, cv.rtol(), 0.0);
    }

    @Test
    void mechanismWithStatesButNoOdeFormIsRefusedByName() {
        Simulation sim = passive();
        sim.newPointProcess("VClamp", sim.sections().get(0), 0.5);
        sim.cvode().setActive(true);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> sim.finitialize(-65.0));
        assertTrue(e.getMessage().contains("VClamp"), e.getMessage());
    }

    @Test
    void vectorPlayIsRefusedUnderTheVariableStepRatherThanSkipped() {
        Simulation sim = passive();
        PointProcess stim = sim.newPointProcess("IClamp", sim.sections().get(0), 0.5);
        Vector.of(0.1, 0.2).play(sim, sim.ref(stim, "amp"), 0.5);
        sim.cvode().setActive(true);
        assertTrue(assertThrows(InvalidValueException.class, () -> sim.finitialize(-65.0)).getMessage()
                .contains("Vector.play"));
    }

    @Test
    void everyStepRecordSamplesAtEachStepsStartAsNeuronsRecordContinuous() {
        Simulation sim = passive();
        Vector times = new Vector().record(sim, sim.globalRef("t"));
        sim.cvode().setActive(true);
        sim.finitialize(-65.0);
        assertEquals(0, times.size(), "no sample at finitialize under CVode");
        sim.fadvance();
        double afterFirst = sim.t();
        sim.fadvance();
        assertEquals(2, times.size());
        assertEquals(0.0, times.get(0), 0.0);
        assertEquals(afterFirst, times.get(1), 0.0);
    }

    @Test
    void continuerunEndsExactlyAtTstopAndResumesFromThere() {
        Simulation sim = passive();
        Section soma = sim.sections().get(0);
        EventSystem.attach(sim);
        sim.cvode().setActive(true);
        sim.cvode().setAtol(1e-8);
        sim.finitialize(-65.0);
        sim.continuerun(1.5);
        assertEquals(1.5, sim.t(), 0.0);
        assertEquals(-70.0 + 5.0 * Math.exp(-1.5), soma.get("v", 0.5), 1e-5);
        sim.continuerun(3.0);
        assertEquals(3.0, sim.t(), 0.0);
        assertEquals(-70.0 + 5.0 * Math.exp(-3.0), soma.get("v", 0.5), 1e-5);
    }
}
