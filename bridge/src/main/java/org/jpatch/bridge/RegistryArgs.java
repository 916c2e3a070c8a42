package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jpatch.core.hoc.HocArgs;

/**
 * A registry call's JSON arguments as the registry's {@link HocArgs}: numbers as Double, text as
 * String, handles as the objects they name, variable references as VarRefs, lists as Java lists.
 * Decoded lazily, each argument when first asked for.
 */
final class RegistryArgs implements HocArgs {
    private static final JsonNode NONE = Json.MAPPER.createArrayNode();

    private final String call;
    private final JsonNode positional;
    private final JsonNode keywords;
    private final Bridge bridge;

    RegistryArgs(String call, JsonNode positional, JsonNode keywords, Bridge bridge) {
        if (positional != null && !positional.isNull() && !positional.isArray()) {
            throw CommandException.type(call + ": arguments must be a list, got " + Values.describe(positional));
        }
        if (keywords != null && !keywords.isNull() && !keywords.isObject()) {
            throw CommandException.type(call + ": keyword arguments must be an object, got " + Values.describe(keywords));
        }
        this.call = call;
        this.positional = positional == null || positional.isNull() ? NONE : positional;
        this.keywords = keywords == null ? NONE : keywords;
        this.bridge = bridge;
    }

    @Override
    public String call() {
        return call;
    }

    @Override
    public int size() {
        return positional.size();
    }

    @Override
    public Object value(int i) {
        return i < positional.size() ? decode(positional.get(i)) : null;
    }

    @Override
    public Object keyword(String name) {
        JsonNode value = keywords.get(name);
        return value == null ? null : decode(value);
    }

    @Override
    public double number(int i) {
        JsonNode value = i < positional.size() ? positional.get(i) : null;
        return value != null && value.isNumber() ? value.doubleValue() : HocArgs.super.number(i);
    }

    private Object decode(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber() && value.canConvertToInt() ? (Object) value.intValue() : value.doubleValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return null;
        }
        if (Values.isHandle(value)) {
            return bridge.handles.get(Values.handle(value, call));
        }
        if (VarRefs.isRef(value)) {
            return VarRefs.decode(value, bridge, call);
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>(value.size());
            for (JsonNode item : value) {
                items.add(decode(item));
            }
            return items;
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), decode(field.getValue()));
        }
        return fields;
    }
}
