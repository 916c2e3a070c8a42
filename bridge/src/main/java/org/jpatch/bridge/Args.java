package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The argument list of one command, with typed access whose failures say which argument
 * of which call had the wrong type (Python's TypeError).
 */
final class Args {
    private final JsonNode list;
    private final String call;
    private final HandleTable handles;

    /** {@code list} may be null or JSON null: no arguments. */
    Args(JsonNode list, String call, HandleTable handles) {
        if (list != null && !list.isNull() && !list.isArray()) {
            throw CommandException.type(call + ": arguments must be a list, got " + list);
        }
        this.list = list == null || list.isNull() ? Json.MAPPER.createArrayNode() : list;
        this.call = call;
        this.handles = handles;
    }

    int size() {
        return list.size();
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
            throw CommandException.type(call + " takes " + wanted + " arguments, got " + list.size());
        }
        return this;
    }

    double number(int i) {
        return Values.number(raw(i), what(i));
    }

    int integer(int i) {
        return Values.integer(raw(i), what(i));
    }

    String string(int i) {
        return Values.string(raw(i), what(i));
    }

    boolean bool(int i) {
        return Values.bool(raw(i), what(i));
    }

    <T> T object(int i, Class<T> type) {
        return Values.object(raw(i), type, handles, what(i));
    }

    /** True when argument i is a handle {@code {"h": n}}. */
    boolean isHandle(int i) {
        return Values.isHandle(raw(i));
    }

    double[] numbers(int i) {
        return Values.numbers(raw(i), what(i));
    }

    private String what(int i) {
        return call + " argument " + (i + 1);
    }
}
