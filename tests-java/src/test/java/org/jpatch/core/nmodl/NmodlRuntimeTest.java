package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NEURON's built-in functions as generated kernels call them. */
class NmodlRuntimeTest {
    @Test
    void atTimeIsTrueInTheOneFixedStepEndingAtOrJustAfterTheTime() {
        double dt = 0.025, t = 1.0;
        assertEquals(1.0, NmodlRuntime.atTime(t, dt, 1.0));
        assertEquals(1.0, NmodlRuntime.atTime(t, dt, 0.99));
        assertEquals(0.0, NmodlRuntime.atTime(t, dt, 0.975), "te - 1e-11 is in the step before");
        assertEquals(1.0, NmodlRuntime.atTime(t, dt, 0.975 + 2e-11));
        assertEquals(0.0, NmodlRuntime.atTime(t, dt, 1.0 + 2e-11), "not yet");
    }

    @Test
    void expIsHocExp() {
        assertEquals(0.0, NmodlRuntime.exp(-701));
        assertEquals(Math.exp(700), NmodlRuntime.exp(800));
        assertEquals(Math.exp(1.5), NmodlRuntime.exp(1.5));
    }
}
