package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Section geometry and topology against closed forms and NEURON 9.0.2's behaviour. */
class SectionGeometryTopologyTest {

    private static double relative(double expected, double actual) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    @Test
    void cylinderAreaAndAxialResistanceAreNeuronsFormulas() {
        Simulation sim = new Simulation();
        Section s = sim.newSection("s");
        s.setL(100);
        s.setDiam(2);
        s.setNseg(3);
        s.setRa(100);
        double dx = 100.0 / 3;                                              // [µm]
        double halfRi = 1e-2 * 100 * (dx / 2) / (Math.PI * 2 * 2 / 4.);    // [MΩ]
        assertEquals(Math.PI * 2 * dx, s.area(0.5), 1e-12);
        assertEquals(0.0, s.area(0.0));
        assertEquals(0.0, s.area(1.0));
        assertEquals(1e30, s.ri(0.0));                 // a root node has no parent
        assertEquals(halfRi, s.ri(0.2), 1e-12);        // first segment: half a segment from the root
        assertEquals(2 * halfRi, s.ri(0.5), 1e-12);
        assertEquals(halfRi, s.ri(1.0), 1e-12);        // far end node: the last half segment
        assertEquals(5.305164769729845, s.ri(0.2), 1e-12);  // NEURON 9.0.2's value
    }

    @Test
    void theConnectingEndIsTheParentsNode() {
        Simulation sim = new Simulation();
        Section s = sim.newSection("s");
        s.setL(100);
        s.setDiam(2);
        s.setNseg(3);
        s.setRa(100);
        Section c = sim.newSection("c");
        c.connect(s, 1.0, 0.0);
        Section r = sim.newSection("r");
        r.connect(s, 0.5, 1.0);  // reversed: r's x=1 end touches s(0.5)
        assertEquals(s.ri(1.0), c.ri(0.0));
        assertEquals(s.ri(0.5), r.ri(1.0));
        s.set("v", 1.0, -12.5);
        assertEquals(-12.5, c.get("v", 0.0));
        s.set("v", 0.5, -33.0);
        assertEquals(-33.0, r.get("v", 1.0));
        r.set("v", 0.0, 7.0);  // r's far end
        assertEquals(-33.0, s.get("v", 0.5));
        assertEquals(List.of(r, c), s.children());  // increasing connection position
        assertSame(s, c.parent());
        assertSame(s, r.root());
        assertEquals(List.of(s, r, c), c.wholetree());
    }

    @Test
    void settingVOfASectionSetsEveryNodeIncludingTheConnectingOneAsNeuron() {
        Simulation sim = new Simulation();
        Section a = sim.newSection("a");
        a.setNseg(3);
        Section b = sim.newSection("b");
        b.connect(a, 1.0, 0.0);
        a.setAll("v", -20);
        assertEquals(List.of(-20.0, -20.0, -20.0, -20.0), List.of(a.get("v", 0), a.get("v", 0.5), a.get("v", 1), b.get("v", 0)));
        assertEquals(-65.0, b.get("v", 0.5));
        b.setAll("v", -30);
        assertEquals(-30.0, a.get("v", 1.0));  // NEURON 9.0.2: b.v = -30 also sets a(1)
        assertEquals(-20.0, a.get("v", 0.5));
        assertEquals(-30.0, b.get("v", 1.0));
    }

    @Test
    void wholetreeIsDepthFirstInSiblingOrderAsNeuronsPythonSection() {
        Simulation sim = new Simulation();
        Section a = sim.newSection("a"), b = sim.newSection("b"), c = sim.newSection("c");
        Section d = sim.newSection("d"), e = sim.newSection("e");
        b.connect(a, 0.3, 0);
        c.connect(a, 1, 0);
        d.connect(b, 1, 0);
        e.connect(c, 1, 0);
        assertEquals(List.of(a, b, d, c, e), d.wholetree());  // NEURON 9.0.2: d.wholetree()
    }

    @Test
    void reversingASectionKeepsItsPointProcessesOnTheirNodesAsNeuron() {
        Simulation sim = new Simulation();
        Section a = sim.newSection("a");
        Section b = sim.newSection("b");
        b.setNseg(3);
        b.connect(a, 1.0, 0.0);
        org.jpatch.core.mech.PointProcess atStart = sim.newPointProcess("IClamp", b, 0.0);
        org.jpatch.core.mech.PointProcess atEnd = sim.newPointProcess("IClamp", b, 1.0);
        org.jpatch.core.mech.PointProcess inside = sim.newPointProcess("IClamp", b, 0.2);
        b.connect(a, 0.5, 1.0);
        // NEURON 9.0.2: b(1) b(0) b(0.166667) — the connecting-end clamp follows the
        // connecting end, the far-end one stays on the far end node, segments keep x
        assertEquals(1.0, atStart.x());
        assertEquals(0.0, atEnd.x());
        assertEquals(1.0 / 6, inside.x(), 1e-15);
    }

    @Test
    void siblingsAtTheSamePositionListTheNewestFirst() {
        Simulation sim = new Simulation();
        Section p = sim.newSection("p");
        Section a = sim.newSection("a"), b = sim.newSection("b"), c = sim.newSection("c");
        a.connect(p, 1.0, 0.0);
        b.connect(p, 0.3, 0.0);
        c.connect(p, 1.0, 0.0);
        assertEquals(List.of(b, c, a), p.children());
        c.disconnect();
        assertNull(c.parent());
        assertEquals(List.of(b, a), p.children());
    }

    @Test
    void aDisconnectedSectionGetsAFreshRootNodeAtRest() {
        Simulation sim = new Simulation();
        Section a = sim.newSection("a"), b = sim.newSection("b"), c = sim.newSection("c");
        b.connect(a, 1.0, 0.0);
        c.connect(b, 1.0, 0.0);
        sim.finitialize(-20);
        b.disconnect();
        // NEURON 9.0.2: b(0) is a new node at -65 mV; b's other nodes keep their v
        assertEquals(-65.0, b.get("v", 0.0));
        assertEquals(-20.0, b.get("v", 0.5));
        assertEquals(-20.0, a.get("v", 1.0));
        assertEquals(-20.0, c.get("v", 0.0));
        sim.deleteSection(b);
        assertNull(c.parent());
        assertEquals(-65.0, c.get("v", 0.0));
        assertEquals(-20.0, c.get("v", 0.5));
    }

    @Test
    void changingNsegKeepsValuesByPositionAsNeuron() {
        Simulation sim = new Simulation();
        Section s = sim.newSection("s");
        s.setNseg(3);
        for (int i = 0; i < 3; i++) {
            s.setCm((i + 0.5) / 3, i + 1);
        }
        s.setNseg(7);
        double[] seven = new double[7];
        for (int i = 0; i < 7; i++) {
            seven[i] = s.cm((i + 0.5) / 7);
        }
        assertEquals(List.of(1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0), boxed(seven));  // NEURON 9.0.2
        s.setNseg(2);
        assertEquals(1.0, s.cm(0.25));
        assertEquals(3.0, s.cm(0.75));
    }

    @Test
    void aReferenceStaysOnItsNodeWhenNsegChangesAsNeuronsDataHandles() {
        Simulation sim = new Simulation();
        Section d = sim.newSection("d");
        d.setNseg(3);
        d.insert("pas");
        org.jpatch.core.ref.VarRef v03 = sim.ref(d, 0.3, "v");        // node 0, centre 1/6
        org.jpatch.core.ref.VarRef g09 = sim.ref(d, 0.9, "g_pas");    // node 2, centre 5/6
        org.jpatch.core.ref.VarRef end = sim.ref(d, 1.0, "v");        // the far end node
        d.setNseg(5);  // node_realloc: old node i goes to int(5·(i+½)/3): 0 -> 0, 2 -> 4
        d.set("v", 0.1, -11);
        d.set("g_pas", 0.9, 0.004);
        d.set("v", 1.0, -22);
        assertEquals(-11.0, v03.get());
        assertEquals(0.004, g09.get());
        assertEquals(-22.0, end.get());
        v03.set(-33);
        assertEquals(-33.0, d.get("v", 0.1));
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void threeDPointsGiveFrustumAreaAndLength() {
        Simulation sim = new Simulation();
        Section p = sim.newSection("p");
        p.pt3dadd(0, 0, 0, 2);
        p.pt3dadd(3, 4, 0, 4);
        p.pt3dadd(3, 4, 12, 1);
        assertEquals(17.0, p.L());
        assertEquals(5.0, p.arc3d(1));
        // one segment, split at its middle (arc 8.5, where d = 4 - 3·3.5/12)
        double dMid = 4 + (1 - 4) * (3.5 / 12);
        double area = frustum(2, 4, 5) + frustum(4, dMid, 3.5) + frustum(dMid, 1, 8.5);
        assertEquals(area, p.area(0.5), 1e-12 * area);
        assertEquals(143.0383631585002, p.area(0.5), 1e-12 * area);  // NEURON 9.0.2
        // the left half segment's resistance, Ra·0.04/π·Σ Δ/(d1·d2) over its pieces [MΩ]
        double halfRi = 0.04 * 35.4 / Math.PI * (5 / (2.0 * 4) + 3.5 / (4 * dMid));
        assertEquals(halfRi, p.ri(0.5), 1e-12 * halfRi);
        assertEquals(0.4079077529468041, p.ri(0.5), 1e-12);           // NEURON 9.0.2
        assertEquals(2.6470588235294117, p.diam(0.5), 1e-12);
    }

    private static double frustum(double d1, double d2, double length) {
        return Math.PI * (d1 + d2) / 2 * Math.sqrt(length * length + Math.pow((d2 - d1) / 2, 2));
    }

    @Test
    void settingLengthWithPointsRescalesThemFromTheFirst() {
        Simulation sim = new Simulation();
        Section p = sim.newSection("p");
        p.pt3dadd(0, 0, 0, 2);
        p.pt3dadd(3, 4, 0, 4);
        p.pt3dadd(3, 4, 12, 1);
        p.setL(26);
        assertEquals(26.0, p.L());
        // float32 storage, as NEURON's Pt3d
        assertEquals(4.588235378265381, p.x3d(1));
        assertEquals(6.117647171020508, p.y3d(1));
        assertEquals(18.352941513061523, p.z3d(2));
        assertEquals(7.647058823529411, p.arc3d(1), 1e-15);
        assertEquals(217.30975032568787, p.area(0.5), 1e-12 * 217.3);  // NEURON 9.0.2
    }

    @Test
    void settingOneSegmentsDiameterWithPointsRewritesThePointsFromTheSegmentsAsNeuron() {
        Simulation sim = new Simulation();
        Section t = sim.newSection("t");
        t.pt3dadd(0, 0, 0, 2);
        t.pt3dadd(10, 0, 0, 4);
        t.pt3dadd(20, 0, 0, 4);
        t.setNseg(2);
        assertEquals(3.0, t.diam(0.25));  // integrated from the points
        assertEquals(4.0, t.diam(0.75));
        t.setDiam(0.75, 1);
        // NEURON 9.0.2: points at arc 0, 10, 20 (x = 0, 0.5, 1) take segments 0, 1, 1
        assertEquals(List.of(3.0, 1.0, 1.0), List.of(t.diam3d(0), t.diam3d(1), t.diam3d(2)));
        assertEquals(2.0, t.diam(0.25));
        assertEquals(1.0, t.diam(0.75));
        assertEquals(63.14523084160909, t.area(0.25), 1e-12 * 63);
        assertEquals(31.41592653589793, t.area(0.75), 1e-12 * 31);
    }

    @Test
    void settingDiameterWithPointsRewritesTheirDiameters() {
        Simulation sim = new Simulation();
        Section p = sim.newSection("p");
        p.pt3dadd(0, 0, 0, 2);
        p.pt3dadd(3, 4, 0, 4);
        p.pt3dadd(3, 4, 12, 1);
        p.setDiam(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(3.0, p.diam3d(i));
        }
        assertEquals(3.0, p.diam(0.5));
        assertEquals(Math.PI * 3 * 17, p.area(0.5), 1e-12 * 160);
        p.setL(26);
        assertEquals(245.04422698000386, p.area(0.5), 1e-12 * 245);  // NEURON 9.0.2: L = 26 then diam = 3
    }
}
