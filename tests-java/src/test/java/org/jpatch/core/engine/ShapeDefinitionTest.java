package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** define_shape and the 3-D point edits on the model, against NEURON's algorithm worked by hand. */
class ShapeDefinitionTest {
    private final Simulation sim = new Simulation();
    private final List<String> printed = new ArrayList<>();

    private Section section(String name, double length, double diam) {
        Section s = sim.newSection(name);
        s.setL(length);
        s.setDiam(diam);
        return s;
    }

    private void defineShape() {
        sim.model().defineShape(printed::add);
    }

    @Test
    void rootIsDrawnAlongXThroughItsSegmentCentresAndTreesAreStackedInZ() {
        Section root = section("root", 10, 2);
        root.setNseg(2);
        Section child = section("child", 4, 1);
        child.connect(root, 1, 0);
        Section second = section("second", 3, 1);
        defineShape();
        assertEquals(4, root.n3d());
        double[] xs = {0, 2.5, 7.5, 10};
        for (int i = 0; i < 4; i++) {
            assertEquals(xs[i], root.x3d(i));
            assertEquals(0.0, root.y3d(i));
            assertEquals(0.0, root.z3d(i));
            assertEquals(2.0, root.diam3d(i));
        }
        // tree after tree: root, child, then the second root, third in the order
        assertEquals(200.0, second.z3d(0));
        assertEquals(10.0, child.x3d(0));
        assertEquals(14.0, child.x3d(2));
        assertEquals(4.0, child.L(), "the last arc is the length exactly");
        assertTrue(printed.isEmpty());
    }

    @Test
    void branchInsideItsParentTurnsNinetyDegreesAndSiblingsFanOut() {
        Section root = section("root", 100, 2);
        Section mid = section("mid", 10, 1);
        mid.connect(root, 0.5, 0);
        List<Section> tips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Section tip = section("tip" + i, 10, 1);
            tip.connect(root, 1, 0);
            tips.add(tip);
        }
        defineShape();
        assertEquals(50.0, mid.x3d(0));
        assertEquals(50.0, mid.x3d(2), 1e-5);
        assertEquals(10.0, mid.y3d(2), 1e-5);
        // three siblings at one point spread over -0.4, 0, +0.4 rad in sibling order
        List<Section> order = root.children().subList(1, 4);
        double[] angles = {-0.4, 0.0, 0.4};
        for (int i = 0; i < 3; i++) {
            Section tip = order.get(i);
            assertEquals(angles[i], Math.atan2(tip.y3d(2) - tip.y3d(0), tip.x3d(2) - tip.x3d(0)), 1e-6, tip.name());
        }
    }

    @Test
    void branchFromTheFirstHalfPointsBackwardsAndAReversedParentCountsFromItsConnectingEnd() {
        Section root = section("root", 100, 2);
        Section basal = section("basal", 10, 1);
        basal.connect(root, 0, 0);
        defineShape();
        assertEquals(-10.0, basal.x3d(2), 1e-5);
        Section reversed = section("reversed", 20, 1);
        reversed.connect(root, 1, 1);
        Section onReversed = section("onReversed", 5, 1);
        onReversed.connect(reversed, 0, 0);
        defineShape();
        // reversed is drawn from its x=1 end (at root's end) outwards, so its x=0 end is 20 µm on
        assertEquals(120.0, onReversed.x3d(0), 1e-5);
    }

    @Test
    void sectionWithPointsIsMovedOntoItsParentUnlessPt3dconst() {
        Section root = section("root", 10, 2);
        Section child = sim.newSection("child");
        child.pt3dadd(0, 0, 5, 1);
        child.pt3dadd(0, 3, 9, 1);
        child.connect(root, 1, 0);
        sim.model().setPt3dConst(true);
        defineShape();
        assertEquals(5.0, child.z3d(0));
        sim.model().setPt3dConst(false);
        defineShape();
        assertEquals(10.0, child.x3d(0));
        assertEquals(0.0, child.z3d(0));
        assertEquals(10.0, child.x3d(1));
        assertEquals(3.0, child.y3d(1));
        assertEquals(4.0, child.z3d(1));
        assertEquals(5.0, child.arc3d(1), "a translation keeps the arcs");
    }

    @Test
    void logicalConnectionMovesTheSectionByAsMuchAsItsParentMoves() {
        Section root = section("root", 10, 2);
        Section child = sim.newSection("child");
        child.pt3dadd(20, 20, 0, 1);
        child.pt3dadd(25, 20, 0, 1);
        child.connect(root, 1, 0);
        child.setLogicalConnection(10, 0, 0);
        defineShape();
        assertEquals(20.0, child.x3d(0), "already at the logical point: it stays");
        root.pt3dchange(2, 15, 1, 0, 2);
        defineShape();
        assertEquals(25.0, child.x3d(0));
        assertEquals(21.0, child.y3d(0));
        child.clearLogicalConnection();
        assertFalse(child.hasLogicalConnection());
        defineShape();
        assertEquals(15.0, child.x3d(0));
    }

    @Test
    void parentDrawnAlongZIsReportedAsNeuronDoes() {
        Section upright = sim.newSection("upright");
        upright.pt3dadd(0, 0, 0, 2);
        upright.pt3dadd(0, 0, 10, 2);
        Section child = section("child", 5, 1);
        child.connect(upright, 1, 0);
        defineShape();
        assertEquals(List.of("nrn_define_shape: upright first and last 3-d point at same (x,y)\n"), printed);
        assertEquals(5.0, child.x3d(2));
        assertEquals(10.0, child.z3d(2));
    }

    @Test
    void editsRecomputeTheArcsOfTheLaterPoints() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        s.pt3dadd(3, 4, 0, 1);
        s.pt3dadd(3, 4, 12, 1);
        s.pt3dchange(1, 0, 0, 5, 2);
        assertEquals(5.0, s.arc3d(1));
        assertEquals(5.0 + Math.sqrt(9 + 16 + 49), s.arc3d(2), 1e-12);
        s.pt3dinsert(0, 0, 0, -1, 1);
        assertEquals(4, s.n3d());
        assertEquals(1.0, s.arc3d(1));
        assertEquals(6.0, s.arc3d(2));
        s.pt3dremove(0);
        assertEquals(5.0, s.arc3d(1));
        assertEquals(s.arc3d(2), s.L());
        s.pt3dchange(0, 7);
        assertEquals(7.0, s.diam3d(0));
        assertEquals(0.0, s.arc3d(0));
        s.pt3dchange(0, -3);
        assertEquals(3.0, s.diam3d(0), "a negative diameter marks a spine: diam3d is its magnitude");
    }

    @Test
    void removingDownToOnePointKeepsTheLength() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        s.pt3dadd(0, 0, 8, 1);
        s.pt3dremove(1);
        assertEquals(1, s.n3d());
        assertEquals(8.0, s.L());
    }

    @Test
    void pt3dconstKeepsLengthAndPointsWhenLAndDiamAreAssigned() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        s.pt3dadd(0, 0, 8, 1);
        sim.model().setPt3dConst(true);
        s.setL(20);
        s.setDiam(5);
        assertEquals(8.0, s.L());
        assertEquals(1.0, s.diam3d(1));
        assertThrows(InvalidValueException.class, () -> s.setL(-1), "a bad value is still refused");
        sim.model().setPt3dConst(false);
        s.setL(20);
        assertEquals(20.0, s.z3d(1));
    }

    @Test
    void badIndexOrCoordinateIsRefusedBeforeAnythingChanges() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        assertThrows(InvalidValueException.class, () -> s.pt3dchange(1, 0, 0, 0, 1));
        assertThrows(InvalidValueException.class, () -> s.pt3dinsert(2, 0, 0, 0, 1));
        assertThrows(InvalidValueException.class, () -> s.pt3dremove(-1));
        assertThrows(InvalidValueException.class, () -> s.pt3dchange(0, Double.NaN, 0, 0, 1));
        assertEquals(1, s.n3d());
        assertEquals(0.0, s.x3d(0));
    }
}
