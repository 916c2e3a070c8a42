package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.TopologyException;
import org.jpatch.core.model.PathDistance;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** NEURON's distance(): node to node along the tree (values worked out by hand from solve.cpp's rules). */
class PathDistanceTest {

    private static Section section(Simulation sim, String name, double length, int nseg) {
        Section s = sim.newSection(name);
        s.setL(length);
        s.setNseg(nseg);
        return s;
    }

    @Test
    void withinASectionDistancesStepFromSegmentCentreToSegmentCentre() {
        Simulation sim = new Simulation();
        Section s = section(sim, "s", 100, 4);
        assertEquals(12.5, PathDistance.between(s, 0, s, 0.1));   // x=0.1 lies on the first centre, 12.5 µm
        assertEquals(12.5, PathDistance.between(s, 0, s, 0.2));
        assertEquals(37.5, PathDistance.between(s, 0, s, 0.25));  // a boundary belongs to the next segment
        assertEquals(100.0, PathDistance.between(s, 0, s, 1));
        assertEquals(50.0, PathDistance.between(s, 0.3, s, 0.9));
    }

    @Test
    void aPathClimbsToTheCommonSectionThroughTheNodesChildrenHangFrom() {
        Simulation sim = new Simulation();
        Section soma = section(sim, "soma", 20, 1);
        Section dend = section(sim, "dend", 100, 5);
        Section side = section(sim, "side", 50, 2);
        dend.connect(soma, 1, 0);
        side.connect(dend, 0.3, 0);  // hangs from dend's second centre, 30 µm along dend
        assertEquals(20 + 30 + 37.5, PathDistance.between(soma, 0, side, 0.9));
        assertEquals(Math.abs(30 - 90) + 12.5, PathDistance.between(dend, 0.9, side, 0.1));
    }

    @Test
    void aSectionConnectedByItsOneEndCountsFromThatEnd() {
        Simulation sim = new Simulation();
        Section root = section(sim, "root", 10, 1);
        Section back = section(sim, "back", 60, 4);
        back.connect(root, 1, 1);
        assertEquals(10.0, PathDistance.between(root, 0, back, 1));
        assertEquals(10 + 60.0, PathDistance.between(root, 0, back, 0));
        assertEquals(10 + 7.5, PathDistance.between(root, 0, back, 0.9));  // x=0.9: the centre next to the 1 end
    }

    @Test
    void differentTreesAreNeuronsOneE20Apart() {
        Simulation sim = new Simulation();
        assertEquals(PathDistance.UNCONNECTED, PathDistance.between(section(sim, "a", 10, 1), 0.5, section(sim, "b", 10, 1), 0.5));
    }

    @Test
    void theOriginIsNeededAndKept() {
        Simulation sim = new Simulation();
        PathDistance distances = sim.pathDistance();
        Section s = section(sim, "s", 100, 2);
        assertThrows(TopologyException.class, () -> distances.fromOrigin(s, 0.5));
        assertThrows(InvalidValueException.class, () -> distances.setOrigin(s, 1.5));
        distances.setOrigin(s, 1);
        assertEquals(75.0, distances.fromOrigin(s, 0.1));
        sim.deleteSection(s);
        Section other = section(sim, "other", 10, 1);
        TopologyException gone = assertThrows(TopologyException.class, () -> distances.fromOrigin(other, 0.5));
        assertEquals(true, gone.getMessage().contains("s was deleted"), gone.getMessage());
    }
}
