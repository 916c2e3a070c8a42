package org.jpatch.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * What Python calls over Py4J: one method that runs a batch of commands and returns
 * their results (bridge/README.md). Synchronized because Py4J serves each Python thread
 * on its own connection thread, and the model is not thread-safe. The control methods
 * (ping, interrupt, clearInterrupt) are not: Python calls them on another connection
 * while a batch runs.
 */
public final class GatewayEntryPoint {
    private final CommandDispatcher dispatcher;

    GatewayEntryPoint(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Answers at once, from the calling connection's thread, whatever a batch is doing:
     * Python's watchdog tells a busy JVM (answers) from a frozen one (does not).
     */
    public String ping() {
        return "pong";
    }

    /**
     * Ctrl-C in Python: the run in progress (or the next, until clearInterrupt) ends at
     * its next step boundary, and its command fails as KeyboardInterrupt.
     */
    public void interrupt() {
        dispatcher.simulation().requestStop();
    }

    /** Withdraws an interrupt that came after the batch it was meant for had ended. */
    public void clearInterrupt() {
        dispatcher.simulation().clearStopRequest();
    }

    /**
     * Runs the batch Python wrote to a file of the session's shared-memory directory
     * (UTF-8 JSON, as for execute). Large batches come this way: the text sent over Py4J
     * is decoded, read as a line and unescaped char by char in three passes, each of
     * which a fresh JVM runs before the JIT has compiled it; a file is one bulk copy.
     * Python removes the file.
     */
    public synchronized String executeFile(String name) {
        String batchJson;
        try {
            batchJson = Files.readString(dispatcher.sharedMemory().batchFile(name));
        } catch (CommandException | IOException | UncheckedIOException unreadable) {
            ObjectNode reply = Json.MAPPER.createObjectNode();
            reply.putArray("results");
            putError(reply, 0, unreadable instanceof CommandException ? unreadable
                    : new CommandException("RuntimeError", "cannot read the batch file " + name + ": " + unreadable));
            return write(reply);
        }
        return execute(batchJson);
    }

    /**
     * Runs every command in order; a refused command changes nothing and the ones after it
     * still run (each user call's outcome is its own). The reply has one result per command
     * (null for a refused one) and, if any was refused, "errors": one entry per refusal.
     */
    public synchronized String execute(String batchJson) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        ArrayNode results = reply.putArray("results");
        JsonNode batch;
        try {
            batch = BatchParser.parse(batchJson);
        } catch (CommandException notJson) {
            putError(reply, 0, notJson);
            return write(reply);
        }
        if (batch == null || !batch.isArray()) {
            putError(reply, 0, CommandException.type("a batch must be a JSON array of commands"));
            return write(reply);
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                results.add(dispatcher.execute(batch.get(i)));
            } catch (PartFailure e) {
                results.addNull();
                for (PartFailure.Part part : e.parts()) {
                    putError(reply, i, part.failure()).put("part", part.index());
                }
            } catch (RuntimeException | Error e) {
                // Errors too (a class that fails to load, a stack overflow): Python gets a
                // reply naming them instead of a broken call.
                results.addNull();
                putError(reply, i, e);
            }
        }
        return write(reply);
    }

    private static ObjectNode putError(ObjectNode reply, int index, Throwable failure) {
        JsonNode errors = reply.get("errors");
        ObjectNode error = (errors == null ? reply.putArray("errors") : (ArrayNode) errors).addObject();
        error.put("index", index);
        error.put("type", ExceptionMapping.pythonType(failure));
        error.put("message", ExceptionMapping.message(failure));
        return error;
    }

    private static String write(ObjectNode reply) {
        try {
            return Json.MAPPER.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a reply", e);
        }
    }
}
