package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jpatch.core.model.Section;
import org.jpatch.core.model.SectionList;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The registry as a Java program uses it: by name, with {@link HocArgs#of}. */
class HocRegistryTest {
    private final Simulation sim = new Simulation();
    private final HocRegistry registry = HocRegistry.standard(sim);

    @Test
    void mathFunctionsFollowHocsDomainAndRangeRules() {
        assertEquals(Math.sin(0.5), registry.call("sin", HocArgs.of("sin", 0.5)));
        assertEquals(0.0, registry.call("exp", HocArgs.of("exp", -701.0)));
        assertEquals(Math.exp(700), registry.call("exp", HocArgs.of("exp", 701.0)));
        assertTrue(registry.output().takeErr().contains("exp result out of range"));
        assertEquals(Double.NEGATIVE_INFINITY, registry.call("log", HocArgs.of("log", 0.0)));
        HocExecError domain = assertThrows(HocExecError.class, () -> registry.call("sqrt", HocArgs.of("sqrt", -1.0)));
        assertTrue(domain.getMessage().contains("out of domain"));
        assertEquals(-2.0, registry.call("int", HocArgs.of("int", -2.7)));
    }

    @Test
    void wrongArgumentsNameTheCallAndTheValue() {
        HocArgumentException e = assertThrows(HocArgumentException.class, () -> registry.call("sin", HocArgs.of("sin", "a")));
        assertTrue(e.getMessage().contains("sin argument 1") && e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(HocArgumentException.class, () -> registry.call("atan2", HocArgs.of("atan2", 1.0)));
        assertThrows(HocNameException.class, () -> registry.call("nosuchfunction", HocArgs.of("x")));
    }

    @Test
    void sectionListTreesAreBreadthFirstInSiblingOrder() {
        Section soma = sim.newSection("soma");
        Section a = sim.newSection("a");
        Section b = sim.newSection("b");
        Section a1 = sim.newSection("a1");
        a.connect(soma, 1, 0);
        b.connect(soma, 1, 0);
        a1.connect(a, 1, 0);
        HocClass<?> cls = registry.hocClass("SectionList");
        Object list = cls.create(HocArgs.of("SectionList"));
        cls.call(list, "wholetree", HocArgs.of("SectionList.wholetree", Map.of("sec", a1)));
        // NEURON keeps the last connected child first: [soma, b, a, a1] on NEURON 9.0.2
        assertEquals(List.of(soma, b, a, a1), ((SectionList) list).sections());
        assertEquals(1, cls.call(list, "unique", HocArgs.of("unique")) instanceof Integer i ? i + 1 : -1);
        sim.deleteSection(b);
        assertEquals(3, ((SectionList) list).sections().size(), "a deleted section is not seen");
    }

    @Test
    void sectionTakingCallsDefaultToTheFirstSectionAsNeuron() {
        Section first = sim.newSection("first");
        sim.newSection("second");
        HocClass<?> cls = registry.hocClass("SectionList");
        Object list = cls.create(HocArgs.of("SectionList"));
        cls.call(list, "append", HocArgs.of("append"));
        assertEquals(List.of(first), ((SectionList) list).sections());
    }

    @Test
    void listOutOfRangeIsAHocErrorAndChangesNothing() {
        HocClass<?> cls = registry.hocClass("List");
        Object list = cls.create(HocArgs.of("List"));
        Object item = new Object();
        assertEquals(1.0, cls.call(list, "append", HocArgs.of("append", item)));
        assertThrows(HocExecError.class, () -> cls.call(list, "remove", HocArgs.of("remove", 3.0)));
        assertThrows(HocArgumentException.class, () -> cls.call(list, "append", HocArgs.of("append", 3.0)));
        assertEquals(1, cls.call(list, "count", HocArgs.of("count")));
        assertEquals(item, cls.call(list, "object", HocArgs.of("object", 0.0)));
    }

    @Test
    void everyClassMemberAndFunctionHasADoc() {
        registry.functions().values().forEach(f -> assertTrue(!f.doc().isBlank(), f.name()));
        registry.classes().values().forEach(c -> {
            assertTrue(!c.doc().isBlank(), c.name());
            c.members().values().forEach(m -> assertTrue(!m.doc().isBlank(), c.name() + "." + m.name()));
        });
    }
}
