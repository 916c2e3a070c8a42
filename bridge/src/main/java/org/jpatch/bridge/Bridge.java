package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.hoc.HocClass;
import org.jpatch.core.hoc.HocRegistry;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;

/**
 * What every kind's commands share: the simulation and its events, the handle table, the shared-memory
 * directory, and the encoding of engine objects as results {@code {"h": n, "kind": k}}.
 */
final class Bridge {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final Simulation sim;
    /** NEURON always has its event system; the bridge attaches it to the simulation it serves. */
    final EventSystem events;
    final HandleTable handles = new HandleTable();
    final SharedMemoryDir shm;
    final ExportSpace exportSpace;
    /** NEURON's classes and functions as the generic protocol reaches them (RegistryCommands). */
    final HocRegistry registry;
    private final Map<Class<?>, KindCommands<?>> kindsByType = new LinkedHashMap<>();

    Bridge(Simulation sim, SharedMemoryDir shm) {
        this.sim = sim;
        this.events = EventSystem.attach(sim);
        this.shm = shm;
        this.exportSpace = new ExportSpace(shm);
        this.registry = HocRegistry.standard(sim);
    }

    /**
     * Runs {@code run}, a run to {@code untilMs}, with room prepared for one export of
     * every recording as it will be then (ExportSpace: its pages are touched as the
     * recordings grow, and no further once the run has ended, also when it fails).
     */
    void runRecording(double untilMs, Runnable run) {
        long bytes = 64 * 1024; // schema, batch metadata and footer
        // the simulation's recordings, not every handle: a script may continuerun in many short pieces
        List<Vector> recordings = Vector.recordedIn(sim);
        for (Vector vector : recordings) {
            long samples = vector.sizeAfterRunTo(untilMs);
            bytes += samples * Double.BYTES + samples / 8 + 16;
        }
        exportSpace.prepare(bytes, recordings.size(), () -> recordedBytes(recordings));
        try {
            run.run();
        } finally {
            exportSpace.runEnded();
        }
    }

    /** What the recordings hold now, as export bytes; read by ExportSpace's thread only to pace itself. */
    private static long recordedBytes(List<Vector> recordings) {
        long samples = 0;
        for (Vector vector : recordings) {
            samples += vector.size();
        }
        return samples * Double.BYTES;
    }

    void addKind(KindCommands<?> kind) {
        kindsByType.put(kind.type(), kind);
    }

    KindCommands<?> kindOf(Object object) {
        KindCommands<?> kind = kindsByType.get(object.getClass());
        if (kind == null) {
            throw new IllegalStateException("the bridge has no kind for " + object.getClass().getName());
        }
        return kind;
    }

    Args args(JsonNode list, String call) {
        return new Args(list, null, call, handles);
    }

    /** The arguments of kind.method (the name is formatted only for a message). */
    Args args(JsonNode list, String kind, String method) {
        return new Args(list, kind, method, handles);
    }

    /** An engine object as a result; a negative handle is allocated the first time Python sees it. */
    JsonNode encode(Object object) {
        if (object == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("h", handles.handleOf(object));
        HocClass<?> hocClass = registry.classOf(object);
        node.put("kind", hocClass != null ? hocClass.name() : kindOf(object).kind());
        return node;
    }

    ArrayNode encodeAll(List<?> objects) {
        ArrayNode array = NODES.arrayNode(objects.size());
        for (Object object : objects) {
            array.add(encode(object));
        }
        return array;
    }

    static ArrayNode numbers(double[] values, int length) {
        ArrayNode array = NODES.arrayNode(length);
        for (int i = 0; i < length; i++) {
            array.add(values[i]);
        }
        return array;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }
}
