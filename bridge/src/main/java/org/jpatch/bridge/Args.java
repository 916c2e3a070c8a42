package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The argument list of one command, with typed access whose failures say which argument
 * of which call had the wrong type (Python's TypeError).
 */
final class Args {
    private static final JsonNode NO_ARGUMENTS = Json.MAPPER.createArrayNode();

    private final JsonNode list;
    /** The call is named "kind.method" (or "method" when kind is null) in messages only: formatted on failure. */
    private final String kind;
    private final String method;
    private final HandleTable handles;

    /** {@code list} may be null or JSON null: no arguments. */
    Args(JsonNode list, String kind, String method, HandleTable handles) {
        this.kind = kind;
        this.method = method;
        if (list != null && !list.isNull() && !list.isArray()) {
            throw CommandException.type(call() + ": arguments must be a list, got " + list);
        }
        this.list = list == null || list.isNull() ? NO_ARGUMENTS : list;
        this.handles = handles;
    }

    private String call() {
        return kind == null ? method : kind + "." + method;
    }

    int size() {
        return list.size();
    }

    /** The arguments as sent (for a registry call, RegistryArgs). */
    JsonNode list() {
        return list;
    }

    /** True when argument i is present and not null. */
    boolean has(int i) {
        return i < list.size() && !list.get(i).isNull();
    }

    JsonNode raw(int i) {
        return i < list.size() ? list.get(i) : NullNode.getInstance();
    }

    /** Rejects calls with more than {@code max} or fewer than {@code min} arguments. */
    Args expect(int min, int max) {
        if (list.size() < min || list.size() > max) {
            String wanted = min == max ? String.valueOf(min) : min + " to " + max;
            throw CommandException.type(call() + " takes " + wanted + " arguments, got " + list.size());
        }
        return this;
    }

    // Each accessor takes the common, valid case without formatting a message (a
    // model-building batch decodes ~10^5 arguments); Values words the refusals.

    double number(int i) {
        JsonNode value = raw(i);
        return value.isNumber() ? value.doubleValue() : Values.number(value, what(i));
    }

    int integer(int i) {
        JsonNode value = raw(i);
        return value.isInt() ? value.intValue() : Values.integer(value, what(i));
    }

    String string(int i) {
        JsonNode value = raw(i);
        return value.isTextual() ? value.textValue() : Values.string(value, what(i));
    }

    boolean bool(int i) {
        JsonNode value = raw(i);
        return value.isBoolean() ? value.booleanValue() : Values.bool(value, what(i));
    }

    <T> T object(int i, Class<T> type) {
        JsonNode value = raw(i);
        JsonNode id = Values.isHandle(value) ? value.get("h") : value;
        Object object = id.isIntegralNumber() ? handles.find(id.longValue()) : null;
        return type.isInstance(object) ? type.cast(object) : Values.object(value, type, handles, what(i));
    }

    /** True when argument i is a handle {@code {"h": n}}. */
    boolean isHandle(int i) {
        return Values.isHandle(raw(i));
    }

    double[] numbers(int i) {
        return Values.numbers(raw(i), what(i));
    }

    private String what(int i) {
        return call() + " argument " + (i + 1);
    }
}
