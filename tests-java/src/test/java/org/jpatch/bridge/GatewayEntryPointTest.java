package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch protocol of bridge/README.md, driven through the entry point as Python drives it. */
class GatewayEntryPointTest {
    @TempDir
    Path shmDir;

    private GatewayEntryPoint entry;

    @BeforeEach
    void startBridge() {
        entry = new GatewayEntryPoint(new CommandDispatcher(new SharedMemoryDir(shmDir)));
    }

    private JsonNode run(String batch) throws IOException {
        return Json.MAPPER.readTree(entry.execute(batch));
    }

    @Test
    void aBatchReturnsOneResultPerCommandInOrder() throws IOException {
        JsonNode reply = run("[[\"new\", 1, \"Section\", \"soma\"], [\"set\", 1, \"L\", 25], [\"get\", 1, \"L\"],"
                + " [\"get\", {\"h\": 1}, \"name\"]]");
        assertFalse(reply.has("errors"));
        assertEquals(4, reply.get("results").size());
        assertTrue(reply.get("results").get(0).isNull());
        assertEquals(25.0, reply.get("results").get(2).doubleValue());
        assertEquals("soma", reply.get("results").get(3).textValue());
    }

    @Test
    void aRefusedCommandChangesNothingAndTheCommandsAfterItStillRun() throws IOException {
        JsonNode reply = run("[[\"new\", 1, \"Section\", null], [\"set\", 1, \"L\", 30],"
                + " [\"set\", 1, \"L\", -5], [\"set\", 1, \"Ra\", 40], [\"get\", 1, \"L\"]]");
        assertEquals(5, reply.get("results").size(), "one result per command, null for the refused one");
        assertTrue(reply.get("results").get(2).isNull());
        JsonNode errors = reply.get("errors");
        assertEquals(1, errors.size());
        JsonNode error = errors.get(0);
        assertEquals(2, error.get("index").intValue());
        assertEquals("ValueError", error.get("type").textValue());
        assertTrue(error.get("message").textValue().contains("-5"), error.toString());
        assertEquals(30.0, reply.get("results").get(4).doubleValue(), "the refused L changed nothing");
        assertEquals(40.0, run("[[\"get\", 1, \"Ra\"]]").get("results").get(0).doubleValue());
    }

    @Test
    void everyRefusalOfABatchIsReportedInOrder() throws IOException {
        JsonNode reply = run("[[\"new\", 1, \"Section\", null], [\"set\", 1, \"L\", -5], [\"gget\", \"nope\"],"
                + " [\"set\", 1, \"L\", 7]]");
        JsonNode errors = reply.get("errors");
        assertEquals(2, errors.size());
        assertEquals(1, errors.get(0).get("index").intValue());
        assertEquals(2, errors.get(1).get("index").intValue());
        assertEquals("NameError", errors.get(1).get("type").textValue());
        assertEquals(7.0, run("[[\"get\", 1, \"L\"]]").get("results").get(0).doubleValue());
    }

    @Test
    void malformedBatchesAndCommandsAreTypeErrors() throws IOException {
        assertEquals("TypeError", run("[[\"new\", 1,").get("errors").get(0).get("type").textValue());
        assertEquals("TypeError", run("{\"op\": 1}").get("errors").get(0).get("type").textValue());
        assertEquals("TypeError", run("[[\"nonsense\", 1]]").get("errors").get(0).get("type").textValue());
        // a Vector method's argument of the wrong type is NEURON's hoc error ("bad stack access"): RuntimeError
        assertEquals("RuntimeError", run("[[\"new\", 1, \"Vector\"], [\"call\", 1, \"resize\", [\"long\"]]]")
                .get("errors").get(0).get("type").textValue());
    }

    @Test
    void unknownNamesMapToAttributeOrNameErrorByScope() throws IOException {
        run("[[\"new\", 1, \"Section\"]]");
        assertEquals("AttributeError", run("[[\"get\", 1, \"no_such_var\"]]").get("errors").get(0).get("type").textValue());
        assertEquals("NameError", run("[[\"gget\", \"no_such_global\"]]").get("errors").get(0).get("type").textValue());
        assertEquals("ValueError", run("[[\"call\", 1, \"insert\", [\"no_such_mech\"]]]").get("errors").get(0).get("type").textValue());
        assertEquals("ReferenceError", run("[[\"get\", 99, \"L\"]]").get("errors").get(0).get("type").textValue());
    }

    @Test
    void aHandleInUseIsRefusedWithoutCreatingAnything() throws IOException {
        run("[[\"new\", 1, \"Section\", \"a\"]]");
        JsonNode reply = run("[[\"new\", 1, \"Section\", \"b\"]]");
        assertEquals("TypeError", reply.get("errors").get(0).get("type").textValue());
        assertEquals(1, run("[[\"sim\", \"sections\", []]]").get("results").get(0).size());
    }

    @Test
    void engineObjectsComeBackWithTheirPythonHandleOrOneNegativeHandle() throws IOException {
        JsonNode reply = run("[[\"new\", 5, \"Section\", \"soma\"], [\"new\", 6, \"Section\", \"dend\"],"
                + " [\"call\", 6, \"connect\", [{\"h\": 5}, 1, 0]], [\"call\", 6, \"parent\", []],"
                + " [\"new\", 7, \"PointProcess\", \"IClamp\", {\"h\": 5}, 0.5],"
                + " [\"call\", 5, \"point_processes\", []], [\"call\", 5, \"point_processes\", []]]");
        JsonNode results = reply.get("results");
        assertEquals(5, results.get(3).get("h").longValue());
        assertEquals("Section", results.get(3).get("kind").textValue());
        assertEquals(7, results.get(5).get(0).get("h").longValue());
        assertEquals("PointProcess", results.get(5).get(0).get("kind").textValue());
        assertEquals(results.get(5), results.get(6));
    }

    @Test
    void freeingAPythonCreatedSectionDeletesIt() throws IOException {
        run("[[\"new\", 1, \"Section\", \"a\"], [\"new\", 2, \"Section\", \"b\"], [\"free\", 1]]");
        JsonNode sections = run("[[\"sim\", \"sections\", []]]").get("results").get(0);
        assertEquals(1, sections.size());
        assertEquals(2, sections.get(0).get("h").longValue());
        assertEquals("ReferenceError", run("[[\"get\", 1, \"L\"]]").get("errors").get(0).get("type").textValue());
    }

    @Test
    void nanAndInfinitiesRoundTrip() throws IOException {
        String reply = entry.execute("[[\"new\", 1, \"Vector\", [NaN, Infinity, -Infinity]], [\"call\", 1, \"to_list\", []]]");
        assertTrue(reply.contains("[NaN,Infinity,-Infinity]"), reply);
    }

    @Test
    void exportWritesAnArrowFileInSharedMemoryThatImportReadsBack() throws IOException {
        JsonNode exported = run("[[\"new\", 1, \"Vector\", [1.5, 2.5, 3.5]], [\"call\", 1, \"export\", []]]")
                .get("results").get(1);
        Path file = Path.of(exported.get("path").textValue());
        assertEquals(shmDir, file.getParent());
        assertEquals(3, exported.get("length").intValue());
        JsonNode reply = run("[[\"new\", 2, \"Vector\"], [\"call\", 2, \"import\", [\"" + file + "\"]],"
                + " [\"call\", 2, \"to_list\", []]]");
        assertEquals("[1.5,2.5,3.5]", reply.get("results").get(2).toString());
        assertFalse(Files.exists(file), "import unlinks the file");
    }

    @Test
    void exportOfManyWritesTheRequestedVectorAndOthersOfItsLengthInOneFile() throws IOException {
        JsonNode exported = run("[[\"new\", 1, \"Vector\", [1, 2]], [\"new\", 2, \"Vector\", [3]],"
                + " [\"new\", 3, \"Vector\", [5, 6]], [\"new\", 4, \"Section\", null],"
                + " [\"export\", [1, 2, 3, 4, 99, 3], 1000]]").get("results").get(4);
        assertEquals("[1,3]", exported.get("handles").toString(), "other lengths, other kinds, unknown and repeated handles stay out");
        assertEquals(2, exported.get("length").intValue());
        Path file = Path.of(exported.get("path").textValue());
        assertEquals(shmDir, file.getParent());
        try (org.apache.arrow.memory.RootAllocator allocator = new org.apache.arrow.memory.RootAllocator();
             java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
             org.apache.arrow.vector.ipc.ArrowFileReader reader = new org.apache.arrow.vector.ipc.ArrowFileReader(channel, allocator)) {
            assertTrue(reader.loadNextBatch());
            org.apache.arrow.vector.VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(2, root.getFieldVectors().size());
            assertEquals("[1.0, 2.0]", java.util.List.of(((org.apache.arrow.vector.Float8Vector) root.getVector(0)).get(0),
                    ((org.apache.arrow.vector.Float8Vector) root.getVector(0)).get(1)).toString());
            assertEquals(6.0, ((org.apache.arrow.vector.Float8Vector) root.getVector(1)).get(1));
        }
    }

    @Test
    void exportOfManyStopsAtTheByteLimitButAlwaysWritesTheRequestedVector() throws IOException {
        JsonNode exported = run("[[\"new\", 1, \"Vector\", [1, 2]], [\"new\", 2, \"Vector\", [3, 4]],"
                + " [\"export\", [1, 2], 8]]").get("results").get(2);
        assertEquals("[1]", exported.get("handles").toString());
        Files.delete(Path.of(exported.get("path").textValue()));
        JsonNode refused = run("[[\"export\", [2, 1], 32], [\"export\", [{\"h\": 4}], 16]]");
        assertEquals("[2,1]", refused.get("results").get(0).get("handles").toString());
        assertEquals("ReferenceError", refused.get("errors").get(0).get("type").textValue());
    }

    @Test
    void importRefusesFilesOutsideTheSessionDirectory(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("x.arrow");
        Files.writeString(outside, "not arrow");
        JsonNode reply = run("[[\"new\", 1, \"Vector\"], [\"call\", 1, \"import\", [\"" + outside + "\"]]]");
        assertEquals("ValueError", reply.get("errors").get(0).get("type").textValue());
        assertTrue(Files.exists(outside), "a file outside the session directory is never deleted");
    }

    @Test
    void vectorIndexOutOfRangeIsAnIndexError() throws IOException {
        JsonNode reply = run("[[\"new\", 1, \"Vector\", 3], [\"hgeti\", 1, \"x\", 3]]");
        assertEquals("IndexError", reply.get("errors").get(0).get("type").textValue());
    }
}
