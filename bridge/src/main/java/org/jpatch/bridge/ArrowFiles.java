package org.jpatch.bridge;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * One float64 column as an Arrow IPC file: the form in which Vector data cross between
 * the JVM and Python through shared memory (Python maps the file; nothing goes through
 * the socket).
 */
final class ArrowFiles {
    static final String COLUMN = "values";

    /** Arrow is loaded on the first transfer, not at start-up (it costs ~0.2 s of class loading). */
    private static final class Allocator {
        static final BufferAllocator ROOT = new RootAllocator();
    }

    private ArrowFiles() {}

    /** Writes values[0, length) as a not-null float64 column with all validity bits set. */
    static void writeDoubles(Path file, double[] values, int length) throws IOException {
        writeColumns(file, List.of(COLUMN), List.of(values), length);
    }

    /**
     * Writes one record batch of not-null float64 columns, column j named names[j] holding
     * columns[j][0, length): many vectors of one length in one file, so Python maps them
     * all at once.
     */
    static void writeColumns(Path file, List<String> names, List<double[]> columns, int length) throws IOException {
        ArrowColumnsWriter.write(file, names, columns, length);
    }

    /** Reads the first column of every record batch of an Arrow IPC file as doubles. */
    static double[] readDoubles(Path file) throws IOException {
        try (BufferAllocator allocator = Allocator.ROOT.newChildAllocator("import", 0, Long.MAX_VALUE);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (root.getFieldVectors().isEmpty() || !(root.getVector(0) instanceof Float8Vector)) {
                throw CommandException.type("Arrow file " + file + " does not hold a float64 column: "
                        + root.getSchema());
            }
            double[] values = new double[0];
            int filled = 0;
            while (reader.loadNextBatch()) {
                Float8Vector column = (Float8Vector) root.getVector(0);
                int n = column.getValueCount();
                if (column.getNullCount() > 0) {
                    throw new CommandException("ValueError", "Arrow file " + file + " holds " + column.getNullCount()
                            + " null values; a Vector holds numbers only");
                }
                values = java.util.Arrays.copyOf(values, filled + n);
                column.getDataBuffer().nioBuffer(0, n * Double.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values, filled, n);
                filled += n;
            }
            return values;
        }
    }
}
