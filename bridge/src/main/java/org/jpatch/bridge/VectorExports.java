package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpatch.core.record.Vector;

/**
 * {@code ["export", [h, c1, c2, …], maxBytes]}: vector h and, riding along, the candidates
 * c_i of h's length, as one Arrow IPC file with one column per vector. After a run, the
 * first view Python asks for brings every recorded trace of that length in one round
 * trip and one mapping. The candidates stop where the file would exceed maxBytes; h is
 * always written.
 */
final class VectorExports {
    private final Bridge bridge;

    VectorExports(Bridge bridge) {
        this.bridge = bridge;
    }

    JsonNode export(JsonNode handles, JsonNode maxBytes) {
        if (!handles.isArray() || handles.isEmpty()) {
            throw CommandException.type("export takes a non-empty list of Vector handles, got " + Values.describe(handles));
        }
        long budget = (long) Values.number(maxBytes, "export byte limit");
        Vector requested = Values.object(handles.get(0), Vector.class, bridge.handles, "export handle");
        int length = requested.size();
        long columnBytes = (long) length * Double.BYTES;
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<Long> written = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long total = 0;
        for (int i = 0; i < handles.size(); i++) {
            long handle = Values.handle(handles.get(i), "export handle");
            // A candidate Python no longer knows, or that is not a Vector, simply does not ride along.
            Object object = i == 0 ? requested : bridge.handles.find(handle);
            if (!(object instanceof Vector vector) || vector.size() != length || !seen.add(handle)) {
                continue;
            }
            if (i > 0 && total + columnBytes > budget) {
                break;
            }
            names.add("h" + handle);
            columns.add(vector.data());
            written.add(handle);
            total += columnBytes;
        }
        ArrowColumnsWriter writer = newWriter(names, length);
        // The room prepared during the run when it is large enough, else a new file.
        ExportSpace.Prepared room = bridge.exportSpace.claim(writer.fileBytes());
        Path file = room != null ? room.file : bridge.shm.newExportFile();
        try {
            if (room == null) {
                writer.write(file, columns);
            } else {
                writer.writeInto(room.mapping, columns);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the session directory is removed at exit anyway
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot write " + file, io) : (RuntimeException) e;
        } finally {
            if (room != null) {
                room.release(writer.fileBytes());
            }
        }
        ObjectNode result = Bridge.NODES.objectNode();
        result.put("path", file.toString());
        result.put("length", length);
        result.put("bytes", writer.fileBytes());
        written.forEach(result.putArray("handles")::add);
        return result;
    }

    private static ArrowColumnsWriter newWriter(List<String> names, int length) {
        try {
            return new ArrowColumnsWriter(names, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot frame an Arrow file of " + names.size() + " columns", e);
        }
    }
}
