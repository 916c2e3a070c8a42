package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** define_shape and the pt3d functions through the registry, with hoc's values and errors. */
class ShapeFunctionsTest {
    private final Simulation sim = new Simulation();
    private final HocRegistry registry = HocRegistry.standard(sim);

    private Object call(String name, Section sec, Object... values) {
        return registry.call(name, HocArgs.of(name, Map.of("sec", sec), values));
    }

    @Test
    void defineShapeReturnsOneAndPrintsThroughTheRegistry() {
        Section upright = sim.newSection("upright");
        upright.pt3dadd(0, 0, 0, 2);
        upright.pt3dadd(0, 0, 10, 2);
        sim.newSection("child").connect(upright, 1, 0);
        assertEquals(1.0, registry.call("define_shape", HocArgs.of("define_shape")));
        assertTrue(registry.output().takeOut().contains("upright first and last 3-d point at same (x,y)"));
        assertThrows(HocArgumentException.class, () -> registry.call("define_shape", HocArgs.of("define_shape", 1.0)));
    }

    @Test
    void pointEditsActOnTheSectionGivenAndReturnZero() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        s.pt3dadd(0, 0, 4, 1);
        assertEquals(0.0, call("pt3dchange", s, 1, 0.0, 3.0, 4.0, 2.0));
        assertEquals(5.0, s.L());
        assertEquals(0.0, call("pt3dchange", s, 0, 6.0));
        assertEquals(6.0, s.diam3d(0));
        assertEquals(0.0, call("pt3dinsert", s, 2, 0.0, 3.0, 14.0, 1.0));
        assertEquals(15.0, s.L());
        assertEquals(0.0, call("pt3dremove", s, 1));
        assertEquals(Math.sqrt(9 + 196), s.L(), 1e-12);
    }

    @Test
    void pointIndexOutOfRangeIsHocsErrorAndChangesNothing() {
        Section s = sim.newSection("s");
        s.pt3dadd(0, 0, 0, 1);
        HocExecError e = assertThrows(HocExecError.class, () -> call("pt3dchange", s, 1, 0.0, 0.0, 0.0, 1.0));
        assertTrue(e.getMessage().contains("point index 1 out of range 0..0"), e.getMessage());
        assertThrows(HocExecError.class, () -> call("pt3dremove", s, -1));
        assertThrows(HocExecError.class, () -> call("pt3dinsert", s, 2, 0.0, 0.0, 0.0, 1.0));
        assertThrows(HocArgumentException.class, () -> call("pt3dchange", s, 0, 1.0, 2.0));
        assertThrows(HocArgumentException.class, () -> call("pt3dremove", s, 0.5));
        assertEquals(1, s.n3d());
        assertEquals(1.0, s.diam3d(0));
    }

    @Test
    void pt3dconstReturnsThePreviousFlag() {
        assertEquals(0.0, registry.call("pt3dconst", HocArgs.of("pt3dconst")));
        assertEquals(0.0, registry.call("pt3dconst", HocArgs.of("pt3dconst", 1.0)));
        assertEquals(1.0, registry.call("pt3dconst", HocArgs.of("pt3dconst")));
        assertTrue(sim.model().pt3dConst());
        HocExecError e = assertThrows(HocExecError.class, () -> registry.call("pt3dconst", HocArgs.of("pt3dconst", 2.0)));
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
    }

    @Test
    void pt3dstyleSetsAndClearsTheLogicalConnection() {
        Section s = sim.newSection("s");
        assertEquals(0.0, call("pt3dstyle", s));
        assertEquals(1.0, call("pt3dstyle", s, 1, 1.0, 2.0, 3.0));
        assertTrue(s.hasLogicalConnection());
        assertThrows(HocArgumentException.class, () -> call("pt3dstyle", s, 1));
        assertEquals(0.0, call("pt3dstyle", s, 0));
    }
}
