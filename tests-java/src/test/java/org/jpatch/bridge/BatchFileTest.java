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

/** executeFile (bridge/README.md): a batch Python left in the session's shared-memory directory. */
class BatchFileTest {
    @TempDir
    Path shmDir;

    private GatewayEntryPoint entry;

    @BeforeEach
    void startBridge() {
        entry = new GatewayEntryPoint(new CommandDispatcher(new SharedMemoryDir(shmDir)));
    }

    private JsonNode runFile(String name) throws IOException {
        return Json.MAPPER.readTree(entry.executeFile(name));
    }

    @Test
    void aBatchFileRunsAsTheSameBatchSentInline() throws IOException {
        Files.writeString(shmDir.resolve("batch-1.json"),
                "[[\"new\", 1, \"Section\", \"s\u00f6ma\"], [\"set\", 1, \"L\", 25], [\"get\", 1, \"L\"], [\"get\", 1, \"name\"]]");
        JsonNode reply = runFile("batch-1.json");
        assertFalse(reply.has("errors"), reply.toString());
        assertEquals(25.0, reply.get("results").get(2).doubleValue());
        assertEquals("s\u00f6ma", reply.get("results").get(3).textValue(), "the file is read as UTF-8");
        assertTrue(Files.exists(shmDir.resolve("batch-1.json")), "Python removes the file, not the JVM");
    }

    @Test
    void aFailureInAFileBatchIsReportedAsInline() throws IOException {
        Files.writeString(shmDir.resolve("batch-2.json"), "[[\"new\", 1, \"Section\"], [\"set\", 1, \"L\", -5]]");
        JsonNode error = runFile("batch-2.json").get("errors").get(0);
        assertEquals(1, error.get("index").intValue());
        assertEquals("ValueError", error.get("type").textValue());
    }

    @Test
    void aFileOutsideTheSessionDirectoryIsRefusedUnread(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("batch.json");
        Files.writeString(outside, "[[\"new\", 1, \"Section\"]]");
        JsonNode reply = runFile(outside.toString());
        assertEquals("ValueError", reply.get("errors").get(0).get("type").textValue());
        assertEquals(0, reply.get("results").size());
        assertEquals("ValueError", runFile("../" + elsewhere.getFileName() + "/batch.json").get("errors").get(0).get("type").textValue());
    }

    @Test
    void aMissingFileIsARuntimeErrorNamingIt() throws IOException {
        JsonNode error = runFile("batch-none.json").get("errors").get(0);
        assertEquals("RuntimeError", error.get("type").textValue());
        assertTrue(error.get("message").textValue().contains("batch-none.json"), error.toString());
    }
}
