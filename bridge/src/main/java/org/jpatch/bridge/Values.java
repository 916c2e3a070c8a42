package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Decoding of single protocol values, each failure naming the value and where it was used. */
final class Values {
    private Values() {}

    static double number(JsonNode value, String what) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1.0 : 0.0;
        }
        throw CommandException.type(what + " must be a number, got " + describe(value));
    }

    /** A double sent as its IEEE-754 bit pattern (a signed 64-bit integer). */
    static double bits(JsonNode value, String what) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Double.longBitsToDouble(value.longValue());
        }
        throw CommandException.type(what + " must be a double's 64-bit pattern, got " + describe(value));
    }

    /** Doubles sent as one base64 string of their little-endian IEEE-754 bytes (sset_packed). */
    static double[] packedDoubles(JsonNode value, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(string(value, what));
        } catch (IllegalArgumentException notBase64) {
            throw CommandException.type(what + " must be base64, got " + describe(value));
        }
        if (bytes.length % Double.BYTES != 0) {
            throw CommandException.type(what + " must hold whole doubles, got " + bytes.length + " bytes");
        }
        double[] doubles = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(doubles);
        return doubles;
    }

    /** An int, or a float with an integral value (Python users write nseg = 5.0 too). */
    static int integer(JsonNode value, String what) {
        double x = number(value, what);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw CommandException.type(what + " must be an integer, got " + describe(value));
        }
        return (int) x;
    }

    static String string(JsonNode value, String what) {
        if (!value.isTextual()) {
            throw CommandException.type(what + " must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    static boolean bool(JsonNode value, String what) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0.0;
        }
        throw CommandException.type(what + " must be a boolean, got " + describe(value));
    }

    static boolean isHandle(JsonNode value) {
        return value.isObject() && value.has("h");
    }

    /** A handle: {@code {"h": n}}, or the bare integer n where the protocol's grammar expects a target. */
    static long handle(JsonNode value, String what) {
        JsonNode id = isHandle(value) ? value.get("h") : value;
        if (!id.isIntegralNumber()) {
            throw CommandException.type(what + " must be an object handle, got " + describe(value));
        }
        return id.longValue();
    }

    static <T> T object(JsonNode value, Class<T> type, HandleTable handles, String what) {
        Object object = handles.get(handle(value, what));
        if (!type.isInstance(object)) {
            throw CommandException.type(what + " must be a " + type.getSimpleName() + ", got a "
                    + object.getClass().getSimpleName());
        }
        return type.cast(object);
    }

    static double[] numbers(JsonNode value, String what) {
        if (!value.isArray()) {
            throw CommandException.type(what + " must be a list of numbers, got " + describe(value));
        }
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode element = value.get(i);
            out[i] = element.isNumber() ? element.doubleValue() : number(element, what + "[" + i + "]");
        }
        return out;
    }

    /** Short text of a value for messages; long lists are cut. */
    static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
