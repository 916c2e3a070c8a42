package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpatch.core.record.Vector;

/**
 * A Vector's transport: its creation, and its values in bulk (export to and import from shared
 * memory, short lists inline). Its NEURON methods are the registry's (org.jpatch.core.hoc
 * VectorClass): every other "call" on a Vector is routed there, so a method exists once. A method
 * that returns the Vector itself (NEURON's chainable ones) answers null here, as "call" always has:
 * the caller holds the Vector already, and no handle is handed out again for it.
 */
final class VectorCommands implements KindCommands<Vector> {
    /** Above this, to_list is refused: bulk data go through export (a Py4J string costs ~100 ms/MB). */
    static final int TO_LIST_LIMIT = 100_000;

    private final Bridge bridge;
    private final RegistryCommands registry;

    VectorCommands(Bridge bridge, RegistryCommands registry) {
        this.bridge = bridge;
        this.registry = registry;
    }

    @Override
    public String kind() {
        return "Vector";
    }

    @Override
    public Class<Vector> type() {
        return Vector.class;
    }

    /** {@code ["new", h, "Vector", arg...]}: h.Vector(arg...) as the registry makes it. */
    @Override
    public Vector create(Args args) {
        return (Vector) registry.construct("Vector", args.list());
    }

    @Override
    public JsonNode get(Vector target, String attribute) {
        throw new CommandException("AttributeError", "Vector has no attribute \"" + attribute + "\"");
    }

    @Override
    public void set(Vector target, String attribute, JsonNode value) {
        throw new CommandException("AttributeError", "Vector has no attribute \"" + attribute + "\"");
    }

    @Override
    public JsonNode call(Vector v, String method, Args args) {
        switch (method) {
            case "to_list":
                args.expect(0, 0);
                if (v.size() > TO_LIST_LIMIT) {
                    throw new CommandException("ValueError", "Vector of size " + v.size()
                            + " is too large for to_list (limit " + TO_LIST_LIMIT + "); use export");
                }
                return Bridge.numbers(v.data(), v.size());
            case "from_list":
                args.expect(1, 1);
                v.fromArray(args.numbers(0));
                return NullNode.getInstance();
            case "export":
                args.expect(0, 0);
                return export(v);
            case "import":
                args.expect(1, 1);
                importFile(v, args.string(0));
                return NullNode.getInstance();
            default:
                return registry.callMethod(v, method, args.list(), null, v);
        }
    }

    @Override
    public void free(Vector target, boolean createdByPython) {
        if (createdByPython) {
            target.playRemove();
        }
    }

    /** Writes the values as an Arrow IPC file in shared memory; Python maps it and unlinks it. */
    private JsonNode export(Vector v) {
        Path file = bridge.shm.newExportFile();
        try {
            ArrowFiles.writeDoubles(file, v.data(), v.size());
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ObjectNode result = Bridge.NODES.objectNode();
        result.put("path", file.toString());
        result.put("length", v.size());
        return result;
    }

    /** Replaces the values by those of an Arrow IPC file Python wrote in shared memory; the file is unlinked. */
    private void importFile(Vector v, String name) {
        Path file = bridge.shm.importFile(name);
        try {
            v.fromArray(ArrowFiles.readDoubles(file));
        } catch (IOException e) {
            throw new CommandException("ValueError", "cannot read Arrow file " + file + ": " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the session directory is removed at exit anyway
        }
    }
}
