package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.event.EventSystem;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.jpatch.core.model.Section;
import org.jpatch.core.random.MCellRan4Globals;
import org.jpatch.core.random.Random;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** h.Random and h.mcell_ran4_init through the registry, as Python's h reaches them. */
class RandomClassTest {
    private final Simulation sim = new Simulation();
    private final EventSystem events = EventSystem.attach(sim);
    private final HocRegistry registry = HocRegistry.standard(sim);
    private final HocClass<?> cls = registry.hocClass("Random");

    private Object call(Object r, String method, Object... args) {
        return cls.call(r, method, HocArgs.of("Random." + method, args));
    }

    @Test
    void drawsAreTheEngineRandomsOfTheSameStream() {
        Object r = cls.create(HocArgs.of("Random", 7.0));
        Random same = new Random(new Random123Streams(), new MCellRan4Globals(), 7.0);
        assertEquals(same.uniform(0, 2), call(r, "uniform", 0.0, 2.0));
        assertEquals(same.repick(), call(r, "repick"));
        assertEquals(0.0, call(r, "Random123", 1.0, 2.0));
        same.random123(1, 2, 0);
        assertEquals(same.repick(), call(r, "repick"));
        assertEquals(123.0, call(r, "MCellRan4", 123.0));
        assertEquals(123.0, call(r, "seq"));
    }

    @Test
    void globalIndexIsTheEventSystemsKey() {
        Object r = cls.create(HocArgs.of("Random"));
        assertEquals(9.0, call(r, "Random123_globalindex", 9.0));
        assertEquals(9L, events.randomStreams().globalIndex());
    }

    @Test
    void outOfRangeArgumentsAreHocErrorsNamingTheValue() {
        HocExecError size = assertThrows(HocExecError.class, () -> cls.create(HocArgs.of("Random", 1.0, 5.0)));
        assertTrue(size.getMessage().startsWith("Random size = 5.0"), size.getMessage());
        Object r = cls.create(HocArgs.of("Random"));
        HocExecError p = assertThrows(HocExecError.class, () -> call(r, "binomial", 3.0, 2.0));
        assertTrue(p.getMessage().startsWith("binomial p = 2.0"), p.getMessage());
        assertThrows(HocArgumentException.class, () -> call(r, "uniform", 1.0));
        assertThrows(HocExecError.class, () -> registry.call("mcell_ran4_init", HocArgs.of("mcell_ran4_init", -1.0)));
    }

    @Test
    void mcellRan4InitSetsTheLowIndexOfGeneratorsWithoutTheirOwn() {
        assertEquals(0.0, registry.call("mcell_ran4_init", HocArgs.of("mcell_ran4_init", 31.0)));
        assertEquals(31.0, registry.call("mcell_ran4_init", HocArgs.of("mcell_ran4_init")));
        Object global = cls.create(HocArgs.of("Random"));
        Object own = cls.create(HocArgs.of("Random"));
        call(global, "MCellRan4", 5.0);
        call(own, "MCellRan4", 5.0, 31.0);
        assertEquals(call(own, "uniform", 0.0, 1.0), call(global, "uniform", 0.0, 1.0));
    }

    @Test
    void playDrawsIntoTheVariableAtInitAndEachStep() {
        Section soma = sim.newSection("soma");
        PointProcess clamp = sim.newPointProcess("IClamp", soma, 0.5);
        Object r = cls.create(HocArgs.of("Random"));
        call(r, "uniform", 0.0, 1.0);
        call(r, "play", sim.ref(clamp, "amp"));
        Random same = new Random(new Random123Streams(), new MCellRan4Globals());
        same.uniform(0, 1);
        sim.finitialize(-65);
        assertEquals(same.repick(), clamp.get("amp"));
        sim.fadvance();
        assertEquals(same.repick(), clamp.get("amp"));
    }
}
