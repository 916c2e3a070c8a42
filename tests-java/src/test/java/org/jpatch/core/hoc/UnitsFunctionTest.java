package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** h.units over the catalogue; expected strings are NEURON 9.0.2's. */
class UnitsFunctionTest {
    private final HocRegistry registry = HocRegistry.standard(new Simulation());

    private Object units(Object name) {
        return registry.call("units", HocArgs.of("units", name));
    }

    @Test
    void densityIonPointProcessAndSimulatorSymbolsHaveTheirDeclaredUnits() {
        assertEquals("S/cm2", units("gnabar_hh"));
        assertEquals("", units("m_hh"));
        assertEquals("mV", units("ena"));
        assertEquals("mA/cm2", units("ina"));
        assertEquals("uF/cm2", units("cm"));
        assertEquals("nA", units("IClamp.amp"));
        assertEquals("megohm", units("SEClamp.rs"));
        assertEquals("ms", units("NetStim.interval"));
        assertEquals("degC", units("celsius"));
        assertEquals("", units("usetable_hh"));
    }

    @Test
    void unknownSymbolsAndUnqualifiedPointProcessVariablesAreRefusedAsNeuronDoes() {
        for (String name : new String[] {"tau", "amp", "foo", "tau_ExpSyn", "IClamp.nosuch", "hh.gnabar"}) {
            HocExecError e = assertThrows(HocExecError.class, () -> units(name), name);
            assertEquals("Cannot find the symbol for  " + name, e.getMessage());
        }
        HocArgumentException notAString = assertThrows(HocArgumentException.class, () -> units(1.0));
        assertTrue(notAString.getMessage().contains("units argument 1"), notAString.getMessage());
    }
}
