package org.jpatch.reference;

import static org.jpatch.reference.TraceAgreement.assertEngineReproduces;

import org.junit.jupiter.api.Test;

/** Vector.play into IClamp.amp: the played amp, the clamp current and v as in real NEURON. */
class VectorPlayMatchesNeuronTest {

    @Test
    void stepPlayAtOffGridAndRepeatedTimesDrivesIClampAmpAsNeuron() {
        assertEngineReproduces(ReferenceScenario.load("play_step"));
    }

    @Test
    void continuousPlayInterpolatesIClampAmpAsNeuron() {
        assertEngineReproduces(ReferenceScenario.load("play_continuous"));
    }

    @Test
    void stepPlayWithAFixedIntervalDrivesIClampAmpAsNeuron() {
        assertEngineReproduces(ReferenceScenario.load("play_dt"));
    }
}
