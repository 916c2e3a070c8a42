package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sset_packed (bridge/README.md): consecutive segment assignments of one section and variable in one command. */
class SegmentRunCommandTest {
    @TempDir
    Path shmDir;

    private GatewayEntryPoint entry;

    @BeforeEach
    void startBridgeWithAFiveSegmentPasSection() throws IOException {
        entry = new GatewayEntryPoint(new CommandDispatcher(new SharedMemoryDir(shmDir)));
        JsonNode reply = run("[[\"new\", 1, \"Section\", \"dend\"], [\"set\", 1, \"nseg\", 5],"
                + " [\"call\", 1, \"insert\", [\"pas\"]]]");
        assertFalse(reply.has("errors"), reply.toString());
    }

    private JsonNode run(String batch) throws IOException {
        return Json.MAPPER.readTree(entry.execute(batch));
    }

    /** The (x, value) pairs as sset_packed carries them. */
    private static String packed(double... pairs) {
        ByteBuffer bytes = ByteBuffer.allocate(pairs.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : pairs) {
            bytes.putDouble(d);
        }
        return "\"" + Base64.getEncoder().encodeToString(bytes.array()) + "\"";
    }

    private double segmentValue(double x, String variable) throws IOException {
        return run("[[\"sget\", 1, " + x + ", \"" + variable + "\"]]").get("results").get(0).doubleValue();
    }

    @Test
    void eachPartSetsItsSegmentToTheExactValue() throws IOException {
        double[] xs = {0.1, 0.3, 0.5, 0.7, 0.9};
        double[] values = {1e-4, 0.1 + 0.2, 5e-324, -0.0, 3e-4};
        double[] pairs = new double[2 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            pairs[2 * i] = xs[i];
            pairs[2 * i + 1] = values[i];
        }
        JsonNode reply = run("[[\"sset_packed\", 1, \"g_pas\", " + packed(pairs) + "]]");
        assertFalse(reply.has("errors"), reply.toString());
        assertEquals(1, reply.get("results").size());
        assertTrue(reply.get("results").get(0).isNull());
        for (int i = 0; i < xs.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(segmentValue(xs[i], "g_pas")),
                    "segment " + xs[i]);
        }
    }

    @Test
    void everyRefusedPartIsNamedAndTheOtherPartsApply() throws IOException {
        JsonNode reply = run("[[\"set\", 1, \"L\", 10], [\"sset_packed\", 1, \"diam\", "
                + packed(0.1, 2.0, 0.3, -1.0, 0.5, 3.0, 0.7, -2.0) + "], [\"set\", 1, \"L\", 20]]");
        JsonNode errors = reply.get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(1, errors.get(0).get("index").intValue());
        assertEquals(1, errors.get(0).get("part").intValue());
        assertEquals(3, errors.get(1).get("part").intValue());
        assertEquals("RuntimeError", errors.get(0).get("type").textValue());
        assertEquals(3, reply.get("results").size());
        assertEquals(2.0, segmentValue(0.1, "diam"));
        assertEquals(500.0, segmentValue(0.3, "diam"), "a refused part changes nothing");
        assertEquals(3.0, segmentValue(0.5, "diam"), "a part after a refused one runs");
        assertEquals(20.0, run("[[\"get\", 1, \"L\"]]").get("results").get(0).doubleValue());
    }

    @Test
    void anErrorOfAnOrdinaryCommandHasNoPart() throws IOException {
        JsonNode error = run("[[\"set\", 1, \"L\", -5]]").get("errors").get(0);
        assertFalse(error.has("part"), error.toString());
    }

    @Test
    void pairsThatAreNotBase64WholeDoublesOrPairsAreTypeErrors() throws IOException {
        assertEquals("TypeError", run("[[\"sset_packed\", 1, \"g_pas\", \"not base64!\"]]")
                .get("errors").get(0).get("type").textValue());
        assertEquals("TypeError", run("[[\"sset_packed\", 1, \"g_pas\", \"AAAA\"]]")
                .get("errors").get(0).get("type").textValue());
        assertEquals("TypeError", run("[[\"sset_packed\", 1, \"g_pas\", " + packed(0.5) + "]]")
                .get("errors").get(0).get("type").textValue());
        assertEquals("TypeError", run("[[\"sset_packed\", 1, \"g_pas\", [1, 2]]]")
                .get("errors").get(0).get("type").textValue());
    }
}
