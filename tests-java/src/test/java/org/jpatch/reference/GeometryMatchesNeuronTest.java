package org.jpatch.reference;

import static org.jpatch.reference.GeometryAgreement.assertEngineGeometryEqualsNeuron;

import org.junit.jupiter.api.Test;

/** L and per-segment area, ri and diam within 1e-12 relative of real NEURON 9.0.2's. */
class GeometryMatchesNeuronTest {

    @Test
    void pointDendriteOfFivePointsHasNeuronsSegmentAreaRiAndDiam() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("pt3d_dendrite"));
    }

    @Test
    void branchedTreeWithPerSegmentTaperHasNeuronsSegmentAreaRiAndDiam() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("branched_tree_table1"));
    }

    @Test
    void hhAxonOf101SegmentsHasNeuronsSegmentAreaAndRi() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("hh_axon_order0_table1"));
    }

    @Test
    void nsegChangedAfterConnectHasNeuronsSegmentAreaAndRi() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("nseg_change_table1"));
    }

    @Test
    void reversedTaperedChildHasNeuronsSegmentAreaRiAndDiam() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("reversed_child_table1"));
    }

    @Test
    void pointSectionsRescaledByLAndRewrittenByDiamHaveNeuronsGeometry() {
        assertEngineGeometryEqualsNeuron(ReferenceScenario.load("pt3d_edits"));
    }
}
