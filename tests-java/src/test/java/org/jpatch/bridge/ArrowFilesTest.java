package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowFilesTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveAWriteAndReadExactlyIncludingSpecialValues() throws IOException {
        double[] values = {0.0, -0.0, 1e-300, Double.NaN, Double.POSITIVE_INFINITY, -65.123456789012345, 9.0};
        Path file = dir.resolve("v.arrow");
        // Only the first length values are written: the rest is a vector's spare capacity.
        ArrowFiles.writeDoubles(file, values, 6);
        double[] back = ArrowFiles.readDoubles(file);
        assertEquals(6, back.length);
        for (int i = 0; i < 6; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]), "value " + i);
        }
    }

    @Test
    void anEmptyVectorIsAValidFile() throws IOException {
        Path file = dir.resolve("empty.arrow");
        ArrowFiles.writeDoubles(file, new double[0], 0);
        assertArrayEquals(new double[0], ArrowFiles.readDoubles(file));
    }

    @Test
    void largeVectorsRoundTrip() throws IOException {
        double[] values = new double[1_000_003];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        Path file = dir.resolve("big.arrow");
        ArrowFiles.writeDoubles(file, values, values.length);
        assertArrayEquals(values, ArrowFiles.readDoubles(file));
    }
}
