package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.units.Unit;
import org.jpatch.core.nmodl.units.UnitConstants;
import org.jpatch.core.nmodl.units.UnitsDatabase;
import org.jpatch.core.nmodl.units.UnitsException;
import org.junit.jupiter.api.Test;

class UnitsDatabaseTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(UnitsDatabaseTest.class.getResource("/nmodl/" + name).toURI());
    }

    /** units-factors.expected holds what nocmodl of NEURON 9.0.2 wrote, as C hex floats. */
    @Test
    void unitsBlockFactorsEqualNocmodlsToTheLastBit() throws IOException, URISyntaxException {
        Map<String, Double> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(resource("units-factors.expected"))) {
            if (!line.startsWith("#")) {
                String[] parts = line.split("\t");
                expected.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        Map<String, Double> computed = UnitConstants.evaluate(new NmodlParser().parseFile(resource("units-factors.mod")));
        assertEquals(expected.keySet(), computed.keySet());
        for (var entry : expected.entrySet()) {
            assertEquals(Double.doubleToLongBits(entry.getValue()), Double.doubleToLongBits(computed.get(entry.getKey())),
                    entry.getKey() + ": nocmodl " + Double.toHexString(entry.getValue()) + ", jpatch "
                            + Double.toHexString(computed.get(entry.getKey())));
        }
    }

    @Test
    void faradayAndGasConstantAreCodata2018Products() {
        UnitsDatabase units = UnitsDatabase.neuron();
        // exact CODATA 2018 e·N_A and k·N_A, multiplied in double as NEURON's nrnunits.h does
        assertEquals(1.602176634e-19 * 6.02214076e+23, units.factor("faraday", "coulomb"));
        assertEquals(1.380649e-23 * 6.02214076e+23, units.factor("k-mole", "joule/degC"));
    }

    @Test
    void prefixesPluralsExponentsAndDenominatorsCombineDimensions() {
        UnitsDatabase units = UnitsDatabase.neuron();
        Unit currentDensity = units.convert("milliamps/cm2");
        assertEquals(1e-3 / (1e-2 * 1e-2), currentDensity.factor(), 1e-12);
        // m, kg, sec, coul: ampere per square metre
        assertEquals(-2, currentDensity.dimensions()[0]);
        assertEquals(-1, currentDensity.dimensions()[2]);
        assertEquals(1, currentDensity.dimensions()[3]);
    }

    @Test
    void unknownUnitIsRefusedAsNocmodlDoes() {
        UnitsException e = assertThrows(UnitsException.class, () -> UnitsDatabase.neuron().convert("avogadro"));
        assertTrue(e.getMessage().contains("avogadro"), e.getMessage());
    }

    @Test
    void unitsBlockAliasServesLaterLinesOfTheSameFileOnly() {
        var file = new NmodlParser().parse("a.mod", "UNITS { (mM) = (milli/liter) X = (mM) (1/liter) }", null);
        assertEquals(1e-3, UnitConstants.evaluate(file).get("X"));
        assertFalse(UnitsDatabase.neuron().defines("mM"));
    }

    @Test
    void redefiningAUnitIsAnErrorAtItsLine() {
        var file = new NmodlParser().parse("a.mod", "UNITS {\n (mV) = (millivolt)\n (mV) = (volt)\n}", null);
        var e = assertThrows(NmodlSyntaxException.class, () -> UnitConstants.evaluate(file));
        assertEquals(new SourcePosition("a.mod", 3, 2), e.position());
    }

    @Test
    void unknownUnitInAFactorIsAnErrorAtItsLine() {
        var file = new NmodlParser().parse("a.mod", "UNITS {\n  AVO = (avogadro) (1)\n}", null);
        var e = assertThrows(NmodlSyntaxException.class, () -> UnitConstants.evaluate(file));
        assertEquals(new SourcePosition("a.mod", 2, 3), e.position());
        assertTrue(e.getMessage().contains("cannot recognize the units: avogadro"), e.getMessage());
    }
}
