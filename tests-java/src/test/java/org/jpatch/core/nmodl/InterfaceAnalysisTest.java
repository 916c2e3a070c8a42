package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.mech.builtin.Builtins;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InterfaceAnalysisTest {
    private static MechanismInterface analyze(String text) {
        return InterfaceAnalysis.analyze(new NmodlParser().parse("m.mod", text, null));
    }

    /** Name, role and default of each variable, in order: what users and kernels index by. */
    private static List<String> variables(MechanismType type) {
        return type.variables().stream().map(v -> v.name() + ":" + v.role() + "=" + v.defaultValue()).toList();
    }

    private static Map<String, Double> globals(MechanismType type) {
        return type.globals().stream().collect(Collectors.toMap(GlobalVariable::name, GlobalVariable::defaultValue,
                (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hh", "pas", "ExpSyn", "Exp2Syn"})
    void builtinWrittenAsModFileHasTheBuiltinsMetadata(String name) throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/nmodl/builtins/" + name + ".mod").toURI());
        MechanismType builtin = Builtins.catalogue().get(name);
        MechanismInterface analysed = InterfaceAnalysis.analyze(new NmodlParser().parseFile(file));
        MechanismType compiled = analysed.mechanismType(builtin.order(), null);
        assertEquals(builtin.kind(), compiled.kind());
        // the variables hoc sees keep NEURON's order; where a built-in puts a hidden one
        // (Exp2Syn's factor) is its own business
        assertEquals(new TreeSet<>(variables(builtin)), new TreeSet<>(variables(compiled)));
        List<String> visible = Stream.of(analysed.rangeParameters(), analysed.rangeAssigned(), analysed.states())
                .flatMap(List::stream).map(MechanismInterface.Variable::name).toList();
        assertEquals(visible, builtin.variables().stream().map(RangeVariable::name).filter(visible::contains).toList());
        assertEquals(globals(builtin), globals(compiled));
        assertEquals(builtin.ions(), compiled.ions());
        assertEquals(builtin.electrodeCurrent(), compiled.electrodeCurrent());
        for (int k = 0; k < compiled.variables().size(); k++) {
            String rangeName = compiled.rangeName(k);
            assertEquals(compiled.variables().get(k).name(), builtin.variables().get(builtin.indexOf(rangeName)).name());
        }
    }

    @Test
    void unlistedParameterIsGlobalAndUnlistedAssignedIsHiddenPerInstance() {
        MechanismInterface m = analyze("""
                NEURON { SUFFIX k RANGE g }
                PARAMETER { g = 1 tau = 5 (ms) v (mV) celsius }
                ASSIGNED { x }
                STATE { s }
                """);
        assertEquals(List.of("g"), m.rangeParameters().stream().map(MechanismInterface.Variable::name).toList());
        assertEquals(List.of(new MechanismInterface.Variable("tau", "ms", 5.0, 0)), m.globals());
        assertEquals(List.of("x"), m.hiddenAssigned().stream().map(MechanismInterface.Variable::name).toList());
        assertEquals(List.of("s"), m.states().stream().map(MechanismInterface.Variable::name).toList());
    }

    @Test
    void ionCurrentListedRangeIsTheMechanismsOwnButReversalPotentialStaysTheIons() {
        MechanismInterface m = analyze("""
                NEURON { SUFFIX kd USEION k READ ek WRITE ik RANGE ik, ek, g }
                ASSIGNED { ik (mA/cm2) ek (mV) g }
                """);
        assertEquals(List.of("ik", "g"), m.rangeAssigned().stream().map(MechanismInterface.Variable::name).toList());
    }

    @Test
    void stateInitialValueListedGlobalIsAGlobalWithItsStartValue() {
        MechanismInterface m = analyze("NEURON { SUFFIX b GLOBAL B0 } STATE { B START 3 }");
        assertEquals(List.of(new MechanismInterface.Variable("B0", "", 3.0, 0)), m.globals());
    }

    @Test
    void parameterDefaultsAreWhatNocmodlsPrintfGLeaves() {
        // nocmodl writes defaults with %g: NEURON's tEf_... of a file saying 2.302585092 is 2.30259
        MechanismInterface m = analyze("""
                NEURON { SUFFIX d RANGE r }
                PARAMETER { tEf = 2.302585092 r = 123456789 }
                STATE { s START 0.1234567 }
                NEURON { GLOBAL s0 }
                """);
        assertEquals(2.30259, m.globals().get(0).defaultValue());
        assertEquals(123457000.0, m.rangeParameters().get(0).defaultValue());
        assertEquals(0.123457, m.globals().get(1).defaultValue());
    }

    @Test
    void tableAddsUsetableGlobalOnByDefault() {
        MechanismInterface m = analyze("""
                NEURON { SUFFIX t }
                PROCEDURE f(x) { TABLE DEPEND celsius FROM 0 TO 1 WITH 2 }
                """);
        assertEquals(List.of(new MechanismInterface.Variable("usetable", "", 1.0, 0)), m.globals());
    }

    @Test
    void nameUsedAsVariableAndFunctionIsRefusedAsNocmodlDoes() {
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class,
                () -> analyze("NEURON { SUFFIX h RANGE r }\nFUNCTION r(x) { r = x }"));
        assertEquals(new SourcePosition("m.mod", 2, 1), e.position());
        assertTrue(e.getMessage().contains("r used as both variable and function"), e.getMessage());
    }

    @Test
    void ionVariableRedeclaredConstantIsRefusedAsNocmodlDoes() {
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class,
                () -> analyze("NEURON { SUFFIX c USEION ca READ cao }\nCONSTANT {\n  cao = 2 (mM)\n}"));
        assertEquals(new SourcePosition("m.mod", 3, 3), e.position());
    }

    @Test
    void variableDeclaredTwiceIsRefused() {
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class,
                () -> analyze("PARAMETER { a = 1 }\nASSIGNED { a }"));
        assertEquals(new SourcePosition("m.mod", 2, 12), e.position());
        assertTrue(e.getMessage().contains("Multiple declaration of a"), e.getMessage());
    }

    @Test
    void verbatimIsRefusedNamingItsFileAndLine() {
        var file = new NmodlParser().parse("v.mod", """
                NEURON { SUFFIX v }
                PROCEDURE p() {
                    if (1) {
                VERBATIM
                    return 0;
                ENDVERBATIM
                    }
                }
                """, null);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> VerbatimCheck.requireNone(file));
        assertEquals(new SourcePosition("v.mod", 4, 1), e.position());
        assertTrue(e.getMessage().startsWith("v.mod:4:1: VERBATIM"), e.getMessage());
    }

    @Test
    void fileWithoutVerbatimPassesTheCheck() {
        VerbatimCheck.requireNone(new NmodlParser().parse("ok.mod", "NEURON { SUFFIX ok }", null));
    }

    @Test
    void pointProcessRangeNamesCarryNoSuffix() {
        MechanismType type = analyze("NEURON { POINT_PROCESS P RANGE a } PARAMETER { a = 2 }").mechanismType(50, null);
        assertEquals("a", type.rangeName(0));
        assertEquals(List.of(new RangeVariable("a", "", 2.0, org.jpatch.core.mech.VariableRole.PARAMETER)),
                type.variables());
    }
}
