package org.jpatch.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.ModelException;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.jpatch.core.record.Vector;
import org.junit.jupiter.api.Test;

/** The arguments NEURON's Random refuses (chkarg's ranges), each refusal naming the value. */
class RandomArgumentsTest {
    private final Random123Streams streams = new Random123Streams();
    private final MCellRan4Globals globals = new MCellRan4Globals();

    private static void assertRefused(String message, Runnable call) {
        InvalidValueException e = assertThrows(InvalidValueException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void sizeOutside7To98IsRefused() {
        assertRefused("Random size = 6.0 is outside [7.0, 98.0]", () -> new Random(streams, globals, 1, 6));
        assertRefused("Random size = 99.0 is outside [7.0, 98.0]", () -> new Random(streams, globals, 1, 99));
        assertRefused("Random seed = NaN is not a number", () -> new Random(streams, globals, Double.NaN));
    }

    @Test
    void generatorIdsMustBeUnsigned32BitIntegers() {
        Random r = new Random(streams, globals);
        assertRefused("MCellRan4 seed = -1.0 is outside [0.0, 4.294967295E9]", () -> r.mcellRan4(-1));
        assertRefused("MCellRan4 lowindex = 4.294967296E9 is outside [0.0, 4.294967295E9]",
                () -> r.mcellRan4(1, 4294967296.0));
        assertRefused("Random123 id3 = NaN is outside [0.0, 4.294967295E9]", () -> r.random123(1, 2, Double.NaN));
        assertRefused("Random123_globalindex = -2.0 is outside [0.0, 4.294967295E9]", () -> r.random123GlobalIndex(-2));
    }

    @Test
    void distributionParametersOutsideTheirRangeAreRefused() {
        Random r = new Random(streams, globals);
        assertRefused("binomial p = 1.5 is outside [0.0, 1.0]", () -> r.binomial(10, 1.5));
        assertRefused("binomial n = -1.0 is outside [0.0, 1.0E99]", () -> r.binomial(-1, 0.5));
        assertRefused("geometric mean = 2.0 is outside [0.0, 1.0]", () -> r.geometric(2));
    }

    @Test
    void random123PositionIsRefusedOutside34Bits() {
        Random r = new Random(streams, globals);
        assertRefused("seq = -1.0 is outside [0.0, 1.7179869183E10]", () -> r.seq(-1));
        assertEquals(17179869183.0, r.seq(17179869183.0));
    }

    @Test
    void mcellRan4SeqWrapsModulo2To32AsCsConversion() {
        Random r = new Random(streams, globals);
        r.mcellRan4(1);
        assertEquals(4294967295.0, r.seq(-1));
        assertEquals(5.0, r.seq(4294967301.0));
    }

    @Test
    void seedZeroGeneratorsTakeSuccessiveSeeds() {
        Random r = new Random(streams, globals);
        double first = r.mcellRan4();
        double second = r.mcellRan4();
        assertNotEquals(first, second);
        assertEquals((double) (MCellRan4.hash(2, 0) & 0xFFFFFFFFL), second);
    }

    @Test
    void theRandom123StreamOfAnMCellRan4RandomIsRefused() {
        Random r = new Random(streams, globals);
        r.mcellRan4(3);
        assertRefused("this Random uses MCellRan4, not Random123", r::random123Stream);
    }

    @Test
    void setrandOutsideTheVectorIsRefused() {
        Random r = new Random(streams, globals);
        Vector v = new Vector(5);
        // a Vector's refusals are NEURON's hoc errors (ModelException: RuntimeError in Python)
        assertEquals("Vector end index 2 out of range [3, 4]",
                assertThrows(ModelException.class, () -> v.setrand(r, 3, 2)).getMessage());
        assertEquals("Vector end index 5 out of range [0, 4]",
                assertThrows(ModelException.class, () -> v.setrand(r, 0, 5)).getMessage());
        assertEquals(0, new Vector().setrand(r).size());
    }
}
