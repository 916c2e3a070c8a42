package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpatch.core.random.Random;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;

/** NEURON's Vector methods by their NEURON names, plus bulk transfer through shared memory. */
final class VectorCommands implements KindCommands<Vector> {
    /** Above this, to_list is refused: bulk data go through export (a Py4J string costs ~100 ms/MB). */
    static final int TO_LIST_LIMIT = 100_000;

    private final Bridge bridge;

    VectorCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String kind() {
        return "Vector";
    }

    @Override
    public Class<Vector> type() {
        return Vector.class;
    }

    @Override
    public Vector create(Args args) {
        args.expect(0, 2);
        if (!args.has(0)) {
            return new Vector();
        }
        if (args.raw(0).isArray()) {
            return new Vector(args.numbers(0));
        }
        int size = args.integer(0);
        if (size < 0) {
            throw new CommandException("ValueError", "Vector size must be >= 0, got " + size);
        }
        Vector vector = new Vector(size);
        if (args.has(1)) {
            vector.fill(args.number(1));
        }
        return vector;
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
            case "size":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(v.size());
            case "resize":
                args.expect(1, 1);
                v.resize(nonNegative(args.integer(0), "Vector.resize size"));
                return none();
            case "clear":
                args.expect(0, 0);
                v.clear();
                return none();
            case "x":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(v.get(index(v, args.integer(0))));
            case "setx":
                args.expect(2, 2);
                v.set(index(v, args.integer(0)), args.number(1));
                return none();
            case "append":
                append(v, args);
                return none();
            case "fill":
                args.expect(1, 3);
                if (args.size() == 1) {
                    v.fill(args.number(0));
                } else {
                    v.fill(args.number(0), args.integer(1), args.integer(2));
                }
                return none();
            case "indgen":
                indgen(v, args.expect(0, 3));
                return none();
            case "setrand":
                args.expect(1, 3);
                if (args.size() == 1) {
                    v.setrand(args.object(0, Random.class));
                } else {
                    v.setrand(args.object(0, Random.class), args.integer(1), args.integer(2));
                }
                return none();
            case "add":
            case "sub":
            case "mul":
            case "div":
                arithmetic(v, method, args.expect(1, 1));
                return none();
            case "sum":
                return Bridge.NODES.numberNode(args.expect(0, 2).size() == 2 ? v.sum(args.integer(0), args.integer(1)) : v.sum());
            case "mean":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(v.mean());
            case "var":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(v.var());
            case "stdev":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(v.stdev());
            case "min":
                return Bridge.NODES.numberNode(args.expect(0, 2).size() == 2 ? v.min(args.integer(0), args.integer(1)) : v.min());
            case "max":
                return Bridge.NODES.numberNode(args.expect(0, 2).size() == 2 ? v.max(args.integer(0), args.integer(1)) : v.max());
            case "min_ind":
                return Bridge.NODES.numberNode(args.expect(0, 2).size() == 2 ? v.minIndex(args.integer(0), args.integer(1)) : v.minIndex());
            case "max_ind":
                return Bridge.NODES.numberNode(args.expect(0, 2).size() == 2 ? v.maxIndex(args.integer(0), args.integer(1)) : v.maxIndex());
            case "copy":
                args.expect(1, 2);
                if (args.size() == 2) {
                    v.copy(args.object(0, Vector.class), args.integer(1));
                } else {
                    v.copy(args.object(0, Vector.class));
                }
                return none();
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
                return none();
            case "record":
                record(v, args.expect(1, 2));
                return none();
            case "play":
                play(v, args.expect(2, 3));
                return none();
            case "play_remove":
                args.expect(0, 0);
                v.playRemove();
                return none();
            case "export":
                args.expect(0, 0);
                return export(v);
            case "import":
                args.expect(1, 1);
                importFile(v, args.string(0));
                return none();
            default:
                throw new CommandException("AttributeError", "Vector has no method \"" + method + "\"");
        }
    }

    @Override
    public void free(Vector target, boolean createdByPython) {
        if (createdByPython) {
            target.playRemove();
        }
    }

    private void append(Vector v, Args args) {
        // Check every argument before appending any, so a bad one leaves v unchanged.
        for (int i = 0; i < args.size(); i++) {
            if (args.isHandle(i)) {
                if (args.object(i, Vector.class) == v) {
                    throw new CommandException("ValueError", "Vector.append: argument " + (i + 1)
                            + " is the vector itself; copy it first");
                }
            } else {
                args.number(i);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.isHandle(i)) {
                v.append(args.object(i, Vector.class));
            } else {
                v.append(args.number(i));
            }
        }
    }

    private static void indgen(Vector v, Args args) {
        switch (args.size()) {
            case 0 -> v.indgen();
            case 1 -> v.indgen(args.number(0));
            case 2 -> v.indgen(args.number(0), args.number(1));
            default -> v.indgen(args.number(0), args.number(1), args.number(2));
        }
    }

    private static void arithmetic(Vector v, String method, Args args) {
        if (args.isHandle(0)) {
            Vector other = args.object(0, Vector.class);
            switch (method) {
                case "add" -> v.add(other);
                case "sub" -> v.sub(other);
                case "mul" -> v.mul(other);
                default -> v.div(other);
            }
        } else {
            double x = args.number(0);
            switch (method) {
                case "add" -> v.add(x);
                case "sub" -> v.sub(x);
                case "mul" -> v.mul(x);
                default -> v.div(x);
            }
        }
    }

    /** {@code record [ref, (Dt | {"h": tvec})?]}: the target may be a reference or an object with a __record__ ref. */
    private void record(Vector v, Args args) {
        VarRef ref = VarRefs.decode(args.raw(0), bridge, "Vector.record target");
        if (!args.has(1)) {
            v.record(bridge.sim, ref);
        } else if (args.isHandle(1)) {
            v.record(bridge.sim, ref, args.object(1, Vector.class));
        } else {
            v.record(bridge.sim, ref, args.number(1));
        }
    }

    private void play(Vector v, Args args) {
        VarRef ref = VarRefs.decode(args.raw(0), bridge, "Vector.play target");
        if (args.isHandle(1)) {
            Vector tvec = args.object(1, Vector.class);
            boolean continuous = args.has(2) && args.bool(2);
            v.play(bridge.sim, ref, tvec, continuous);
        } else {
            if (args.has(2) && args.bool(2)) {
                throw new CommandException("ValueError", "Vector.play: continuous play needs a time vector, not Dt");
            }
            v.play(bridge.sim, ref, args.number(1));
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

    private static int index(Vector v, int i) {
        if (i < 0 || i >= v.size()) {
            throw new CommandException("IndexError", "Vector index " + i + " out of range for size " + v.size());
        }
        return i;
    }

    private static int nonNegative(int n, String what) {
        if (n < 0) {
            throw new CommandException("ValueError", what + " must be >= 0, got " + n);
        }
        return n;
    }

    private static NullNode none() {
        return NullNode.getInstance();
    }
}
