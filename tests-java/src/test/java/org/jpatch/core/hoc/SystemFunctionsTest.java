package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** strcmp, printf, nrnversion, neuronhome, unix_mac_pc, startsw, stopsw; figures as NEURON 9.0.2's. */
class SystemFunctionsTest {
    private final HocRegistry registry = HocRegistry.standard(new Simulation());

    private Object call(String name, Object... values) {
        return registry.call(name, HocArgs.of(name, values));
    }

    @Test
    void strcmpIsCsByteDifference() {
        assertEquals(-2.0, call("strcmp", "a", "c"));
        assertEquals(-97.0, call("strcmp", "", "abc"));
        assertEquals(1.0, call("strcmp", "abd", "abc"));
        assertEquals(0.0, call("strcmp", "abc", "abc"));
        assertThrows(HocArgumentException.class, () -> call("strcmp", "a"));
        assertThrows(HocArgumentException.class, () -> call("strcmp", "a", 1.0));
    }

    @Test
    void printfFormatsEachConversionAsCAndReturnsTheLength() {
        Object length = call("printf", "%d %g %f %s %e %c %%|%5.2f|%-4d|%x|%o|%05.1f|%+d|%3s|%.2s|%ld\n",
                3.7, 1.5, 2.25, "str", 12345.678, 65.0, 3.14159, 7.0, 255.0, 8.0, -2.5, 4.0, "ab", "xyz", 1e10);
        assertEquals("3 1.5 2.250000 str 1.234568e+04 A %| 3.14|7   |ff|10|-02.5|+4| ab|xy|10000000000\n",
                registry.output().takeOut());
        assertEquals(81.0, length);
        call("printf", "%d|%d|%c\n", -3.9, 2147483653.0, 97.9);
        assertEquals("-3|-2147483648|a\n", registry.output().takeOut());
        assertEquals(6.0, call("printf", "tail %"));
        assertEquals("tail %", registry.output().takeOut());
        call("printf", "%5%|%.3d|%x\n", 7.0, -1.0);
        assertEquals("%5|007|ffffffff\n", registry.output().takeOut());
    }

    @Test
    void printfRefusesMissingAndWrongArguments() {
        HocArgumentException missing = assertThrows(HocArgumentException.class, () -> call("printf", "%d %d\n", 1.0));
        assertTrue(missing.getMessage().contains("not enough arguments"), missing.getMessage());
        assertThrows(HocArgumentException.class, () -> call("printf", "%d\n", "x"));
        assertThrows(HocArgumentException.class, () -> call("printf", "%s\n", 3.0));
        HocExecError unsupported = assertThrows(HocExecError.class, () -> call("printf", "%#x\n", 3.0));
        assertTrue(unsupported.getMessage().contains("%#x"), unsupported.getMessage());
        assertTrue(registry.output().takeOut().isEmpty(), "nothing printed by a refused call");
    }

    @Test
    void nrnversionNamesJpatchInNeuronsLayout() {
        String version = (String) call("nrnversion", 0.0);
        assertFalse(version.isEmpty());
        assertTrue(version.matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), version);
        assertEquals(version, call("nrnversion", 5.0));
        assertEquals("jpatch -- VERSION " + version + " (NEURON 9.0.2's API)", call("nrnversion"));
        assertEquals(call("nrnversion"), call("nrnversion", 20.0));
        assertEquals("jpatch", call("nrnversion", 7.0));
        assertThrows(HocExecError.class, () -> call("nrnversion", 21.0));
    }

    @Test
    void neuronhomeIsTheEnginesDirectory() {
        assertTrue(Files.isDirectory(Path.of((String) call("neuronhome"))));
    }

    @Test
    void clockFunctionsAsNeuron9() {
        assertEquals(1.0, call("unix_mac_pc"));
        double before = System.currentTimeMillis() / 1000.0;
        double started = (double) call("startsw");
        assertTrue(started >= before - 1e-3 && started <= System.currentTimeMillis() / 1000.0 + 1e-3);
        assertEquals(0.0, call("stopsw"));
    }
}
