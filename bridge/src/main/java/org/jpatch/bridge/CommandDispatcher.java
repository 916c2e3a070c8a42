package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/** Routes one command (op, handle, kind, …) to the commands of the object's kind. */
final class CommandDispatcher {
    private final Bridge bridge;
    private final Map<String, KindCommands<?>> kindsByName = new HashMap<>();
    private final SectionCommands sections;
    private final SimCommands simCommands;
    private final VectorExports exports;
    private final RegistryCommands registry;

    CommandDispatcher(SharedMemoryDir shm) {
        bridge = new Bridge(new Simulation(), shm);
        sections = new SectionCommands(bridge);
        simCommands = new SimCommands(bridge);
        exports = new VectorExports(bridge);
        registry = new RegistryCommands(bridge);
        register(sections);
        register(new PointProcessCommands(bridge));
        register(new VectorCommands(bridge, registry));
        register(new NetConCommands(bridge));
        register(new ParallelContextCommands(bridge));
    }

    /** The session's shared-memory directory, where Python may leave a large batch (GatewayEntryPoint.executeFile). */
    SharedMemoryDir sharedMemory() {
        return bridge.shm;
    }

    /** The engine the commands act on (GatewayEntryPoint: stop requests from another thread). */
    Simulation simulation() {
        return bridge.sim;
    }

    private void register(KindCommands<?> kind) {
        kindsByName.put(kind.kind(), kind);
        bridge.addKind(kind);
    }

    JsonNode execute(JsonNode command) {
        if (!command.isArray() || command.isEmpty() || !command.get(0).isTextual()) {
            throw CommandException.type("a command is a list whose first element is the op, got " + Values.describe(command));
        }
        String op = command.get(0).textValue();
        switch (op) {
            case "new":
                return create(command);
            case "set": {
                expectLength(command, 4);
                Object target = target(command);
                setAttribute(bridge.kindOf(target), target, attribute(command), command.get(3));
                return NullNode.getInstance();
            }
            case "get": {
                expectLength(command, 3);
                Object target = target(command);
                return getAttribute(bridge.kindOf(target), target, attribute(command));
            }
            case "sset": {
                expectLength(command, 5);
                Section section = Values.object(command.get(1), Section.class, bridge.handles, "sset target");
                sections.setSegment(section, Values.number(command.get(2), "sset x"),
                        Values.string(command.get(3), "sset variable"), command.get(4));
                return NullNode.getInstance();
            }
            case "ssetbits": {
                // sset with x and the value as IEEE-754 bit patterns: no decimal text to
                // format in Python or to parse here (17-digit doubles take the slow path).
                expectLength(command, 5);
                Section section = Values.object(command.get(1), Section.class, bridge.handles, "ssetbits target");
                sections.setSegment(section, Values.bits(command.get(2), "ssetbits x"),
                        Values.string(command.get(3), "ssetbits variable"), Values.bits(command.get(4), "ssetbits value"));
                return NullNode.getInstance();
            }
            case "sset_packed":
                setPackedSegments(command);
                return NullNode.getInstance();
            case "sget": {
                expectLength(command, 4);
                Section section = Values.object(command.get(1), Section.class, bridge.handles, "sget target");
                return sections.getSegment(section, Values.number(command.get(2), "sget x"),
                        Values.string(command.get(3), "sget variable"));
            }
            case "call": {
                if (command.size() < 3 || command.size() > 4) {
                    throw CommandException.type("call takes [\"call\", h, method, [args]], got " + Values.describe(command));
                }
                Object target = target(command);
                KindCommands<?> kind = bridge.kindOf(target);
                String method = Values.string(command.get(2), "call method");
                return callMethod(kind, target, method, bridge.args(command.get(3), kind.kind(), method));
            }
            case "gset": {
                expectLength(command, 3);
                String name = Values.string(command.get(1), "gset name");
                double value = Values.number(command.get(2), "value of global " + name);
                return asNameError(() -> {
                    bridge.sim.setGlobal(name, value);
                    return NullNode.getInstance();
                });
            }
            case "gget": {
                expectLength(command, 2);
                String name = Values.string(command.get(1), "gget name");
                return asNameError(() -> {
                    double value = bridge.sim.getGlobal(name);
                    return bridge.sim.isIntegerGlobal(name)
                            ? Bridge.NODES.numberNode((int) value)
                            : Bridge.NODES.numberNode(value);
                });
            }
            case "sim": {
                if (command.size() < 2 || command.size() > 3) {
                    throw CommandException.type("sim takes [\"sim\", method, [args]], got " + Values.describe(command));
                }
                String method = Values.string(command.get(1), "sim method");
                return simCommands.call(method, bridge.args(command.get(2), method));
            }
            case "export": {
                expectLength(command, 3);
                return exports.export(command.get(1), command.get(2));
            }
            case "hnew":
                return registry.create(command);
            case "hcall":
                return registry.call(command);
            case "hget":
                return registry.get(command);
            case "hset":
                return registry.set(command);
            case "hgeti":
                return registry.getElement(command);
            case "hseti":
                return registry.setElement(command);
            case "hlen":
                return registry.length(command);
            case "schema":
                return registry.schema();
            case "free": {
                expectLength(command, 2);
                long handle = Values.handle(command.get(1), "free target");
                Object target = bridge.handles.remove(handle);
                // a registry object ends when its last handle goes, as a hoc object with no reference;
                // an object with its own kind (a Vector: its recordings stop) ends as that kind says
                KindCommands<?> kind = target == null ? null : bridge.kindOrNull(target);
                if (kind != null) {
                    free(kind, target, handle > 0);
                }
                return NullNode.getInstance();
            }
            default:
                throw CommandException.type("unknown op \"" + op + "\" in " + Values.describe(command));
        }
    }

    /**
     * ["sset_packed", h, var, pairs]: consecutive ssetbits of one section and variable, as
     * Python coalesces them; pairs holds (x, value) doubles (Values.packedDoubles). Every
     * part runs, in order, as separate commands would: refused parts are reported together
     * as a PartFailure, the others stay applied.
     */
    private void setPackedSegments(JsonNode command) {
        expectLength(command, 4);
        Section section = Values.object(command.get(1), Section.class, bridge.handles, "sset_packed target");
        String variable = Values.string(command.get(2), "sset_packed variable");
        double[] pairs = Values.packedDoubles(command.get(3), "sset_packed pairs");
        if (pairs.length % 2 != 0) {
            throw CommandException.type("sset_packed pairs must hold (x, value) pairs, got " + pairs.length + " doubles");
        }
        List<PartFailure.Part> refused = null;
        for (int part = 0; part < pairs.length / 2; part++) {
            try {
                sections.setSegment(section, pairs[2 * part], variable, pairs[2 * part + 1]);
            } catch (RuntimeException e) {
                if (refused == null) {
                    refused = new ArrayList<>();
                }
                refused.add(new PartFailure.Part(part, e));
            }
        }
        if (refused != null) {
            throw new PartFailure(refused);
        }
    }

    private JsonNode create(JsonNode command) {
        if (command.size() < 3) {
            throw CommandException.type("new takes [\"new\", h, kind, ...args], got " + Values.describe(command));
        }
        long handle = Values.handle(command.get(1), "new handle");
        String kindName = Values.string(command.get(2), "new kind");
        KindCommands<?> kind = kindsByName.get(kindName);
        if (kind == null) {
            throw CommandException.type("unknown kind \"" + kindName + "\"; kinds: " + kindsByName.keySet());
        }
        // Check the handle before creating, so a bad handle leaves the model unchanged.
        if (handle <= 0 || bridge.handles.isBound(handle)) {
            throw CommandException.type("new: handle " + handle + " must be positive and unused");
        }
        com.fasterxml.jackson.databind.node.ArrayNode rest = Bridge.NODES.arrayNode();
        for (int i = 3; i < command.size(); i++) {
            rest.add(command.get(i));
        }
        Object object = kind.create(bridge.args(rest, kindName));
        bridge.handles.bind(handle, object);
        return NullNode.getInstance();
    }

    // target and attribute word their refusals only when there is one: they run for
    // nearly every command.
    private Object target(JsonNode command) {
        JsonNode operand = command.get(1);
        JsonNode id = Values.isHandle(operand) ? operand.get("h") : operand;
        if (id.isIntegralNumber()) {
            return bridge.handles.get(id.longValue());
        }
        return bridge.handles.get(Values.handle(operand, command.get(0).textValue() + " target"));
    }

    private static String attribute(JsonNode command) {
        JsonNode name = command.get(2);
        return name.isTextual() ? name.textValue() : Values.string(name, command.get(0).textValue() + " attribute");
    }

    /** A command of exactly {@code length} elements (the op and its operands), else TypeError. */
    static void expectLength(JsonNode command, int length) {
        if (command.size() != length) {
            throw CommandException.type("\"" + command.get(0).textValue() + "\" takes " + (length - 1)
                    + " operands, got " + Values.describe(command));
        }
    }

    /** A global name the simulator lacks is Python's NameError, not AttributeError. */
    private static JsonNode asNameError(java.util.function.Supplier<JsonNode> action) {
        try {
            return action.get();
        } catch (UnknownVariableException e) {
            throw new CommandException("NameError", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonNode getAttribute(KindCommands<T> kind, Object target, String attribute) {
        return kind.get((T) target, attribute);
    }

    @SuppressWarnings("unchecked")
    private static <T> void setAttribute(KindCommands<T> kind, Object target, String attribute, JsonNode value) {
        kind.set((T) target, attribute, value);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonNode callMethod(KindCommands<T> kind, Object target, String method, Args args) {
        return kind.call((T) target, method, args);
    }

    @SuppressWarnings("unchecked")
    private static <T> void free(KindCommands<T> kind, Object target, boolean createdByPython) {
        kind.free((T) target, createdByPython);
    }
}
