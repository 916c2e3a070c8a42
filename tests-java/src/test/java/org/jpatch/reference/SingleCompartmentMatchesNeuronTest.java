package org.jpatch.reference;

import static org.jpatch.reference.TraceAgreement.assertEngineReproduces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single-compartment cells: every recorded trace within 1e-9 of real NEURON 9.0.2's. */
class SingleCompartmentMatchesNeuronTest {

    @Test
    void passiveCompartmentChargedByAnIClampStepMatchesNeuron() {
        assertEngineReproduces(ReferenceScenario.load("passive_iclamp"));
    }

    @ParameterizedTest(name = "usetable_hh {0}")
    @ValueSource(ints = {1, 0})
    void hhSomaFiresTheSameTrainAsNeuron(int usetable) {
        assertEngineReproduces(ReferenceScenario.load("hh_soma_train_table" + usetable));
    }

    @ParameterizedTest(name = "usetable_hh {0}")
    @ValueSource(ints = {1, 0})
    void hhRatesFollowACelsiusChangeBetweenContinuerunsAsInNeuron(int usetable) {
        assertEngineReproduces(ReferenceScenario.load("celsius_change_table" + usetable));
    }

    @Test
    void neuronsOwnNrntestFastT13ThreeHhCellsAreReproduced() {
        assertEngineReproduces(ReferenceScenario.load("nrntest_fast_t13"));
    }

    @Test
    void runAdjustsDtToStepsPerMsAsStdrunsSetdt() {
        assertEngineReproduces(ReferenceScenario.load("stdrun_setdt"));
    }

    @Test
    void hhSomaAtPatchsDefault32DegreesMatchesNeuron() {
        assertEngineReproduces(ReferenceScenario.load("hh_soma_32C_table1"));
    }
}
