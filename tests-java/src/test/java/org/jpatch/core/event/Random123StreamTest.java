package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.builtin.Philox4x32;
import org.jpatch.core.mech.builtin.Random123Stream;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.junit.jupiter.api.Test;

class Random123StreamTest {
    private static final JsonNode RANDOM = ReferenceData.load("random123.json").get("random");

    /** Random123's own known-answer vectors (tests/kat_vectors, "philox4x32 10"). */
    @Test
    void philoxBlockMatchesRandom123KnownAnswers() {
        assertBlock(new int[] {0, 0, 0, 0}, 0, 0, new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
        assertBlock(new int[] {-1, -1, -1, -1}, -1, -1, new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
        assertBlock(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0,
                new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
    }

    private static void assertBlock(int[] counter, int key0, int key1, int[] expected) {
        int[] out = new int[4];
        int[] before = counter.clone();
        Philox4x32.block(counter, key0, key1, out);
        assertArrayEquals(expected, out);
        assertArrayEquals(before, counter);
    }

    @Test
    void uniformDrawsEqualNeuronsBitForBit() {
        for (String name : new String[] {"uniform_1_2_3", "uniform_0_0_0", "uniform_big_ids"}) {
            JsonNode c = RANDOM.get(name);
            Random123Stream s = new Random123Streams().newStream(id(c, 0), id(c, 1), id(c, 2));
            assertDraws(ReferenceData.hexDoubles(c.get("draws")), s, false, name);
        }
    }

    @Test
    void sequencePositionSelectsCounterWordAndPick() {
        JsonNode c = RANDOM.get("uniform_1_2_3_seq_4098");
        Random123Stream s = new Random123Streams().newStream(1, 2, 3);
        s.setSequence(c.get("sequence").asDouble());
        assertEquals(4098.0, s.sequence());
        assertDraws(ReferenceData.hexDoubles(c.get("draws")), s, false, "seq 4098");
    }

    @Test
    void globalIndexKeysEveryStreamFromItsNextBlockOn() {
        JsonNode c = RANDOM.get("uniform_1_2_3_globalindex_7");
        Random123Streams streams = new Random123Streams();
        Random123Stream s = streams.newStream(1, 2, 3);
        streams.setGlobalIndex(7);
        // as in NEURON, the first block was computed with key 0 when the stream was made:
        // draws 0..3 are key 0's, draws 4.. key 7's
        assertDraws(ReferenceData.hexDoubles(c.get("draws")), s, false, "globalindex 7");
    }

    @Test
    void negexpDrawsEqualNeurons() {
        JsonNode c = RANDOM.get("negexp_5_6_7");
        Random123Stream s = new Random123Streams().newStream(5, 6, 7);
        assertDraws(ReferenceData.hexDoubles(c.get("draws")), s, true, "negexp");
    }

    @Test
    void defaultStreamsAreNumberedInCreationOrder() {
        Random123Streams streams = new Random123Streams();
        Random123Stream first = streams.newDefaultStream(0);
        Random123Stream second = streams.newDefaultStream(0);
        assertEquals(1, first.id1());
        assertEquals(0, first.id2());
        assertEquals(1, first.id3());
        assertEquals(2, second.id3());
    }

    @Test
    void idOutsideUnsigned32BitsIsRejectedWithItsValue() {
        Random123Streams streams = new Random123Streams();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> streams.newStream(1, -5, 3));
        assertEquals(true, e.getMessage().contains("-5"));
        Random123Stream s = streams.newStream(1, 2, 3);
        assertThrows(InvalidValueException.class, () -> s.setIds(1L << 32, 0, 0));
        assertEquals(1, s.id1());
    }

    private static long id(JsonNode c, int i) {
        return c.get("ids").get(i).asLong();
    }

    private static void assertDraws(double[] expected, Random123Stream s, boolean negexp, String what) {
        for (int i = 0; i < expected.length; i++) {
            double actual = negexp ? s.negexp() : s.uniform();
            assertEquals(expected[i], actual, 0.0, what + " draw " + i);
        }
    }
}
