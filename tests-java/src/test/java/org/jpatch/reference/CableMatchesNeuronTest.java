package org.jpatch.reference;

import static org.jpatch.reference.TraceAgreement.assertEngineReproduces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Multi-compartment cells: every recorded trace within 1e-9 of real NEURON 9.0.2's. */
class CableMatchesNeuronTest {

    @ParameterizedTest(name = "secondorder {0}, usetable_hh {1}")
    @CsvSource({"0, 1", "0, 0", "1, 1", "1, 0", "2, 1", "2, 0"})
    void hhAxonOf4mmPropagatesASpikeAsInNeuron(int secondorder, int usetable) {
        assertEngineReproduces(ReferenceScenario.load("hh_axon_order" + secondorder + "_table" + usetable));
    }

    @ParameterizedTest(name = "usetable_hh {0}")
    @ValueSource(ints = {1, 0})
    void branchedTreeDrivenAtATaperedGrandchildTipMatchesNeuron(int usetable) {
        assertEngineReproduces(ReferenceScenario.load("branched_tree_table" + usetable));
    }

    @ParameterizedTest(name = "usetable_hh {0}")
    @ValueSource(ints = {1, 0})
    void nsegChangedAfterInsertionKeepsRangeValuesByPositionAsNeuron(int usetable) {
        assertEngineReproduces(ReferenceScenario.load("nseg_change_table" + usetable));
    }

    @Test
    void pointDendriteDrivenAtItsStartMatchesNeuron() {
        assertEngineReproduces(ReferenceScenario.load("pt3d_dendrite"));
    }

    @Test
    void dendriteConnectedByItsEndOneIsReversedAsInNeuron() {
        assertEngineReproduces(ReferenceScenario.load("reversed_child_table1"));
    }

    @Test
    void pointSectionsEditedAfterTheirPointsExistMatchNeuron() {
        assertEngineReproduces(ReferenceScenario.load("pt3d_edits"));
    }

    @Test
    void clampsOnZeroAreaAndSharedNodesWithPerSegmentCmMatchNeuron() {
        assertEngineReproduces(ReferenceScenario.load("assorted_edges"));
    }

    @Test
    void recordsMadeBeforeAnNsegChangeFollowTheirNodesAsInNeuron() {
        assertEngineReproduces(ReferenceScenario.load("record_before_nseg_change"));
    }

    @Test
    void pointProcessesPlacedBeforeAnNsegChangeMoveWithTheirNodesAsInNeuron() {
        assertEngineReproduces(ReferenceScenario.load("point_process_before_nseg_change"));
    }

    @Test
    void recordsFollowTheModelEditedBetweenTwoRunsAsInNeuron() {
        assertEngineReproduces(ReferenceScenario.load("rerun_after_structure_change"));
    }
}
