package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jpatch.core.hoc.HocClass;
import org.jpatch.core.hoc.HocFunction;
import org.jpatch.core.hoc.HocMember;
import org.jpatch.core.hoc.HocOutput;
import org.jpatch.core.hoc.HocRegistry;

/**
 * The generic protocol over the registry of NEURON's classes and functions (bridge/README.md,
 * "The registry"): one way to create, call, read and write whatever the registry holds, and its
 * schema for Python. Results that printed something come back as {@code {"value": v, "printed":
 * text, "warned": text}} so that Python shows the text where its own output goes.
 */
final class RegistryCommands {
    private final Bridge bridge;
    private final HocRegistry registry;

    RegistryCommands(Bridge bridge) {
        this.bridge = bridge;
        this.registry = bridge.registry;
    }

    /** ["hnew", handle, class, args, kwargs] */
    JsonNode create(JsonNode command) {
        CommandDispatcher.expectLength(command, 5);
        long handle = Values.handle(command.get(1), "hnew handle");
        if (handle <= 0 || bridge.handles.isBound(handle)) {
            throw CommandException.type("hnew: handle " + handle + " must be positive and unused");
        }
        String className = Values.string(command.get(2), "hnew class");
        HocClass<?> hocClass = registry.hocClass(className);
        Object object = hocClass.create(new RegistryArgs(className, command.get(3), command.get(4), bridge));
        bridge.handles.bind(handle, object);
        return withOutput(NullNode.getInstance());
    }

    /** ["hcall", target or null, name, args, kwargs]: a method of the target, or a top-level function. */
    JsonNode call(JsonNode command) {
        CommandDispatcher.expectLength(command, 5);
        String name = Values.string(command.get(2), "hcall name");
        if (command.get(1).isNull()) {
            HocFunction function = registry.function(name);
            return withOutput(encode(function.call(new RegistryArgs(name, command.get(3), command.get(4), bridge))));
        }
        return callMethod(target(command), name, command.get(3), command.get(4), null);
    }

    /**
     * A method of a registry object, its result encoded, {@code silent} (when not null) as None
     * (VectorCommands routes the "call" op here, where a Vector's own result is None).
     */
    JsonNode callMethod(Object target, String name, JsonNode args, JsonNode kwargs, Object silent) {
        HocClass<?> hocClass = classOf(target);
        Object result = hocClass.call(target, name, new RegistryArgs(hocClass.name() + "." + name, args, kwargs, bridge));
        return withOutput(encode(result == silent ? null : result));
    }

    /** {@code h.Name(args)} for a caller with its own create command (VectorCommands' "new"). */
    Object construct(String className, JsonNode args) {
        return registry.hocClass(className).create(new RegistryArgs(className, args, null, bridge));
    }

    /** ["hget", target, name] */
    JsonNode get(JsonNode command) {
        CommandDispatcher.expectLength(command, 3);
        Object target = target(command);
        return encode(classOf(target).get(target, Values.string(command.get(2), "hget name")));
    }

    /** ["hset", target, name, value] */
    JsonNode set(JsonNode command) {
        CommandDispatcher.expectLength(command, 4);
        Object target = target(command);
        String name = Values.string(command.get(2), "hset name");
        classOf(target).set(target, name, Values.number(command.get(3), "value of " + name));
        return NullNode.getInstance();
    }

    /** ["hgeti", target, array, index] */
    JsonNode getElement(JsonNode command) {
        CommandDispatcher.expectLength(command, 4);
        Object target = target(command);
        return Bridge.NODES.numberNode(classOf(target).getElement(target, Values.string(command.get(2), "hgeti name"),
                Values.integer(command.get(3), "hgeti index")));
    }

    /** ["hseti", target, array, index, value] */
    JsonNode setElement(JsonNode command) {
        CommandDispatcher.expectLength(command, 5);
        Object target = target(command);
        String name = Values.string(command.get(2), "hseti name");
        classOf(target).setElement(target, name, Values.integer(command.get(3), "hseti index"),
                Values.number(command.get(4), "value of " + name));
        return NullNode.getInstance();
    }

    /** ["hlen", target, array] */
    JsonNode length(JsonNode command) {
        CommandDispatcher.expectLength(command, 3);
        Object target = target(command);
        return Bridge.NODES.numberNode(classOf(target).length(target, Values.string(command.get(2), "hlen name")));
    }

    /**
     * ["schema"]: every class (with its members' kinds, read-only flags and docs), every function, and
     * every name NEURON has that jpatch does not provide, with the reason — what Python's h is made of.
     */
    JsonNode schema() {
        ObjectNode schema = Bridge.NODES.objectNode();
        ObjectNode classes = schema.putObject("classes");
        for (Map.Entry<String, HocClass<?>> entry : registry.classes().entrySet()) {
            HocClass<?> hocClass = entry.getValue();
            ObjectNode node = classes.putObject(entry.getKey());
            node.put("doc", hocClass.doc());
            node.put("constructible", hocClass.constructible());
            ObjectNode members = node.putObject("members");
            for (HocMember<?> member : hocClass.members().values()) {
                ObjectNode m = members.putObject(member.name());
                m.put("kind", member.kind().name().toLowerCase());
                m.put("readonly", member.readOnly());
                m.put("doc", member.doc());
            }
        }
        ObjectNode functions = schema.putObject("functions");
        for (HocFunction function : registry.functions().values()) {
            functions.put(function.name(), function.doc());
        }
        ObjectNode notProvided = schema.putObject("not_provided");
        registry.notProvided().forEach(notProvided::put);
        return schema;
    }

    private Object target(JsonNode command) {
        return bridge.handles.get(Values.handle(command.get(1), command.get(0).textValue() + " target"));
    }

    private HocClass<?> classOf(Object target) {
        HocClass<?> hocClass = registry.classOf(target);
        if (hocClass == null) {
            throw CommandException.type("a " + bridge.kindOf(target).kind() + " is not a registry object yet");
        }
        return hocClass;
    }

    /** A registry result as JSON: engine objects become handles. */
    JsonNode encode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof Double d) {
            return Bridge.NODES.numberNode(d);
        }
        if (value instanceof Integer i) {
            return Bridge.NODES.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return Bridge.NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return Bridge.NODES.textNode(s);
        }
        if (value instanceof double[] a) {
            return Bridge.numbers(a, a.length);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Bridge.NODES.arrayNode(list.size());
            for (Object item : list) {
                array.add(encode(item));
            }
            return array;
        }
        return bridge.encode(value);
    }

    private JsonNode withOutput(JsonNode value) {
        HocOutput output = registry.output();
        if (output.isEmpty()) {
            return value;
        }
        ObjectNode node = Bridge.NODES.objectNode();
        node.set("value", value);
        node.put("printed", output.takeOut());
        node.put("warned", output.takeErr());
        return node;
    }
}
