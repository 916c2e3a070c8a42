package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Reads a batch (the JSON Python's json module writes: NaN, Infinity and -Infinity
 * allowed) into the nodes Jackson's tree model builds: IntNode, LongNode or
 * BigIntegerNode for integers, DoubleNode for the other numbers. Jackson's databind
 * does the same through general machinery that a fresh JVM runs interpreted, then
 * spends C2 compilations on; a model-building script sends ~10^5 commands from a fresh
 * JVM, and this one small loop costs a third of the CPU there (bench B3).
 */
final class BatchParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Decimal digits that always fit a long. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Decimal digits whose value is always below 2^53, an exact double. */
    private static final int EXACT_DOUBLE_DIGITS = 15;
    /** 10^0 … 10^15, each an exact double (fraction digits beyond EXACT_DOUBLE_DIGITS take the slow path). */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    private final String text;
    private int pos;

    private BatchParser(String text) {
        this.text = text;
    }

    /** The value the whole text holds; CommandException (TypeError) if it is not one JSON value. */
    static JsonNode parse(String text) {
        BatchParser parser = new BatchParser(text);
        JsonNode value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private JsonNode value() {
        skipSpace();
        char c = peek();
        switch (c) {
            case '[':
                return array();
            case '{':
                return object();
            case '"':
                return NODES.textNode(string());
            case 't':
                literal("true");
                return NODES.booleanNode(true);
            case 'f':
                literal("false");
                return NODES.booleanNode(false);
            case 'n':
                literal("null");
                return NODES.nullNode();
            case 'N':
                literal("NaN");
                return NODES.numberNode(Double.NaN);
            case 'I':
                literal("Infinity");
                return NODES.numberNode(Double.POSITIVE_INFINITY);
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private ArrayNode array() {
        pos++;  // [
        ArrayNode array = NODES.arrayNode();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            array.add(value());
            skipSpace();
            char c = next();
            if (c == ']') {
                return array;
            }
            if (c != ',') {
                throw error("expected ',' or ']' in a list");
            }
        }
    }

    private ObjectNode object() {
        pos++;  // {
        ObjectNode object = NODES.objectNode();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipSpace();
            if (next() != ':') {
                throw error("expected ':' after a key");
            }
            object.set(key, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private String string() {
        int start = ++pos;  // after the opening quote
        // The common case, no escapes: one substring.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            pos++;
        }
        StringBuilder out = new StringBuilder(text.substring(start, pos));
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    } catch (NumberFormatException e) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + escaped);
            }
        }
    }

    private JsonNode number() {
        int start = pos;
        boolean negative = text.charAt(pos) == '-';
        if (negative) {
            pos++;
            if (pos < text.length() && text.charAt(pos) == 'I') {
                literal("Infinity");
                return NODES.numberNode(Double.NEGATIVE_INFINITY);
            }
        }
        // The digits' value is accumulated as they are scanned (while it fits a long), so
        // that the common numbers need no second pass through Long.parseLong or
        // Double.parseDouble: both are general code a fresh JVM first interprets, then
        // spends C2 compilations on.
        long mantissa = 0;
        int digits = 0;
        for (char c; pos < text.length() && isDigit(c = text.charAt(pos)); pos++) {
            mantissa = digits < MAX_LONG_DIGITS ? mantissa * 10 + (c - '0') : mantissa;
            digits++;
        }
        if (digits == 0) {
            throw error("a number needs digits");
        }
        int fractionDigits = 0;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            for (char c; pos < text.length() && isDigit(c = text.charAt(pos)); pos++) {
                mantissa = digits < MAX_LONG_DIGITS ? mantissa * 10 + (c - '0') : mantissa;
                digits++;
                fractionDigits++;
            }
            if (fractionDigits == 0) {
                throw error("a fraction needs digits");
            }
        }
        boolean exponent = false;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            exponent = true;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (skipDigits() == 0) {
                throw error("an exponent needs digits");
            }
        }
        if (exponent || fractionDigits > 0) {
            if (!exponent && digits <= EXACT_DOUBLE_DIGITS) {
                // Both operands are exact doubles (mantissa < 2^53, a power of ten up to
                // 10^22), so the one division is rounded once: the double parseDouble gives.
                double value = mantissa / POWERS_OF_TEN[fractionDigits];
                return NODES.numberNode(negative ? -value : value);
            }
            return NODES.numberNode(Double.parseDouble(text.substring(start, pos)));
        }
        if (digits <= MAX_LONG_DIGITS) {
            long value = negative ? -mantissa : mantissa;
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        if (digits == MAX_LONG_DIGITS + 1) {
            // Most 19-digit integers fit a long; only the rest need a BigInteger.
            try {
                return NODES.numberNode(Long.parseLong(text, start, pos, 10));
            } catch (NumberFormatException beyondLong) {
                // falls through
            }
        }
        BigInteger big = new BigInteger(text.substring(start, pos));
        return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private int skipDigits() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private CommandException error(String what) {
        return CommandException.type("batch is not valid JSON: " + what + " at character " + pos);
    }
}
