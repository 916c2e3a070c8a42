package org.jpatch.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the event reference data written by tools/reference/events/*.py with real NEURON. */
final class ReferenceData {
    private ReferenceData() {}

    static JsonNode load(String file) {
        String resource = "/reference/events/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Doubles written by Python's float.hex(), exact to the bit. */
    static double[] hexDoubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(array.get(i).asText());
        }
        return values;
    }

    /** Plain JSON numbers (Python's repr of a double round-trips exactly). */
    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
