package org.jpatch.core.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * tools/reference/random/gen_rounded_math.py's values of log, exp and pow: for each argument
 * the correctly rounded value (mpmath) and glibc's, the C library NEURON's reference draws
 * were made with.
 */
final class LibmReference {
    static final JsonNode CASES = load();

    private LibmReference() {}

    private static JsonNode load() {
        try (InputStream in = LibmReference.class.getResourceAsStream("/reference/random/rounded_math.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double hex(JsonNode row, int i) {
        return Double.parseDouble(row.get(i).asText());
    }

    /** Whether DrawMath gives glibc's value for every argument of the file (the host C library is the reference's). */
    static boolean drawMathIsTheReferenceLibm() {
        for (JsonNode row : CASES.get("log")) {
            if (DrawMath.log(hex(row, 0)) != hex(row, 2)) {
                return false;
            }
        }
        for (JsonNode row : CASES.get("exp")) {
            if (DrawMath.exp(hex(row, 0)) != hex(row, 2)) {
                return false;
            }
        }
        for (JsonNode row : CASES.get("pow")) {
            if (DrawMath.pow(hex(row, 0), hex(row, 1)) != hex(row, 3)) {
                return false;
            }
        }
        return true;
    }
}
