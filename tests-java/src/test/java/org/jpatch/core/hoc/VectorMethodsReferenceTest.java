package org.jpatch.core.hoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.ModelException;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NEURON's Vector methods through the registry, call for call against what NEURON 9.0.2 returned
 * (tools/reference/record/gen_vector_methods.py wrote vector_methods.json): the result, the
 * receiver afterwards and every argument Vector afterwards, or a hoc error where NEURON refused.
 */
class VectorMethodsReferenceTest {
    /** Relative slack where the arithmetic is the same but libm may round the last bit differently. */
    private static final double LIBM_SLACK = 1e-12;

    private static JsonNode cases;
    private final HocRegistry registry = HocRegistry.standard(new Simulation());
    private final HocClass<?> vectorClass = registry.hocClass("Vector");

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Vector.class.getResourceAsStream("vector_methods.json")) {
            // NEURON's NaN (pow of a negative number) is written as Python's json writes it
            cases = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in).get("cases");
        }
    }

    @Test
    void elementsAndCopiesAreNeurons() {
        checkFamily("elements", 0.0);
    }

    @Test
    void statisticsAreNeurons() {
        checkFamily("statistics", LIBM_SLACK);
    }

    @Test
    void elementWiseFunctionsAndApplyAreNeurons() {
        checkFamily("functions", LIBM_SLACK);
    }

    @Test
    void whereIndwhereAndIndvwhereAreNeuronsWithItsEpsilon() {
        checkFamily("search", 0.0);
    }

    @Test
    void sortReverseAndRotateAreNeurons() {
        checkFamily("reshaping", 0.0);
    }

    @Test
    void derivIntegralAndInterpolateAreNeurons() {
        checkFamily("calculus", LIBM_SLACK);
    }

    @Test
    void histogramsAndSpikebinAreNeurons() {
        // smhist: NEURON convolves by FFT, the engine sums directly (the same circular sum)
        checkFamily("histograms", LIBM_SLACK);
    }

    @Test
    void chainableMethodsReturnTheVectorAndNewVectorsAreNew() {
        Vector v = Vector.of(3, 1, 2);
        assertSame(v, vectorClass.call(v, "sort", HocArgs.of("sort")));
        Object copy = vectorClass.call(v, "c", HocArgs.of("c"));
        assertTrue(copy instanceof Vector c && c != v && c.size() == 3);
        assertEquals(3, vectorClass.call(v, "size", HocArgs.of("size")), "size is an int, as NEURON's");
        assertEquals(Boolean.TRUE, vectorClass.call(v, "contains", HocArgs.of("contains", 2.0)));
    }

    @Test
    void queriesAreMarkedReadOnlyInTheSchemaAndMutatorsAreNot() {
        assertTrue(vectorClass.members().get("sum").readOnly());
        assertTrue(vectorClass.members().get("c").readOnly());
        assertFalse(vectorClass.members().get("add").readOnly());
        assertFalse(vectorClass.members().get("sortindex").readOnly(), "sortindex(dest) fills dest");
        for (HocMember<?> member : vectorClass.members().values()) {
            assertFalse(member.doc().isBlank(), member.name() + " has a doc");
        }
    }

    @Test
    void refusedCallsLeaveTheVectorUnchanged() {
        Vector v = Vector.of(4, 0, 2);
        assertThrows(ModelException.class, () -> vectorClass.call(v, "pow", HocArgs.of("pow", -1.0)));
        assertThrows(ModelException.class, () -> vectorClass.call(v, "append", HocArgs.of("append", 1.0, v)));
        assertThrows(ModelException.class, () -> vectorClass.call(v, "where", HocArgs.of("where", "=<", 1.0)));
        assertEquals(List.of(4.0, 0.0, 2.0), values(v));
    }

    private void checkFamily(String family, double slack) {
        int checked = 0;
        for (JsonNode c : cases) {
            if (c.get("family").textValue().equals(family)) {
                check(c, slack);
                checked++;
            }
        }
        assertTrue(checked > 0, "no reference case for " + family);
    }

    private void check(JsonNode c, double slack) {
        String method = c.get("method").textValue();
        String what = method + c.get("args") + " on " + c.get("receiver");
        Vector receiver = new Vector(numbers(c.get("receiver")));
        List<Object> args = new ArrayList<>();
        for (JsonNode a : c.get("args")) {
            args.add(a.isObject() ? new Vector(numbers(a.get("vector"))) : a.isTextual() ? a.textValue() : a.doubleValue());
        }
        HocArgs hocArgs = HocArgs.of("Vector." + method, args.toArray());
        if (c.has("error")) {
            List<Double> before = values(receiver);
            assertThrows(ModelException.class, () -> vectorClass.call(receiver, method, hocArgs), what);
            assertEquals(before, values(receiver), what + ": a refused call changes nothing");
            return;
        }
        Object result = vectorClass.call(receiver, method, hocArgs);
        JsonNode expected = c.get("result");
        if (expected.isTextual() && expected.textValue().equals("self")) {
            assertSame(receiver, result, what + " returns the vector");
        } else if (expected.isObject()) {
            assertTrue(result instanceof Vector, what + " returns a new Vector, got " + result);
            assertClose(numbers(expected.get("vector")), ((Vector) result).toArray(), slack, what + " result");
        } else if (expected.isBoolean()) {
            assertEquals(expected.booleanValue(), result, what);
        } else if (expected.isTextual()) {
            assertEquals(expected.textValue(), result, what);
        } else {
            assertTrue(result instanceof Number, what + " returns a number, got " + result);
            assertClose(new double[] {expected.doubleValue()}, new double[] {((Number) result).doubleValue()}, slack, what);
        }
        assertClose(numbers(c.get("after")), receiver.toArray(), slack, what + ": the vector afterwards");
        for (int i = 0; i < args.size(); i++) {
            JsonNode after = c.get("args_after").get(i);
            if (!after.isNull()) {
                assertClose(numbers(after), ((Vector) args.get(i)).toArray(), slack, what + ": argument " + (i + 1) + " afterwards");
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, double slack, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = slack * Math.max(1.0, Math.abs(expected[i]));
            boolean same = Double.compare(expected[i], actual[i]) == 0 || Math.abs(expected[i] - actual[i]) <= tolerance;
            assertTrue(same, what + " [" + i + "]: NEURON " + expected[i] + ", engine " + actual[i]);
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    private static List<Double> values(Vector v) {
        List<Double> list = new ArrayList<>();
        for (double x : v.toArray()) {
            list.add(x);
        }
        return list;
    }
}
