package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSpaceTest {
    @TempDir
    Path dir;

    private static double[] column(int length, double phase) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = Math.sin(i * 1e-3 + phase) * 65;
        }
        return values;
    }

    /** The prepared file is cut to size in the background. */
    private static byte[] bytesOnceCut(Path file, long size) throws Exception {
        for (int i = 0; i < 500 && Files.size(file) != size; i++) {
            Thread.sleep(10);
        }
        return Files.readAllBytes(file);
    }

    @Test
    void anExportIntoPreparedRoomIsByteForByteTheFileWrittenDirectly() throws Exception {
        int length = 400_001;
        List<double[]> columns = List.of(column(length, 0), column(length, 1), column(length, 2));
        List<String> names = List.of("h1", "h2", "h3");
        ArrowColumnsWriter writer = new ArrowColumnsWriter(names, length);
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));

        space.prepare(writer.fileBytes() + 12345, columns.size());
        ExportSpace.Prepared room = space.claim(writer.fileBytes());
        assertNotNull(room, "room of " + (writer.fileBytes() + 12345) + " bytes holds " + writer.fileBytes());
        writer.writeInto(room.mapping, columns);
        room.release(writer.fileBytes());

        Path direct = dir.resolve("direct.arrow");
        writer.write(direct, columns);
        assertArrayEquals(Files.readAllBytes(direct), bytesOnceCut(room.file, writer.fileBytes()));
    }

    @Test
    void roomSmallerThanTheExportIsNotClaimed() throws IOException {
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));
        space.prepare(ExportSpace.MIN_BYTES, 1);
        assertNull(space.claim(ExportSpace.MIN_BYTES + 1));
    }

    @Test
    void smallRecordingsGetNoPreparedRoom() throws IOException {
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));
        space.prepare(ExportSpace.MIN_BYTES - 1, 1);
        assertNull(space.claim(1));
        try (var files = Files.list(dir)) {
            assertArrayEquals(new Object[0], files.toArray(), "no file is made for them");
        }
    }

    @Test
    void preparedRoomIsClaimedOnce() throws IOException {
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));
        space.prepare(ExportSpace.MIN_BYTES, 1);
        ExportSpace.Prepared room = space.claim(1024);
        assertNotNull(room);
        room.release(1024);
        assertNull(space.claim(1024), "a second export gets a new file");
    }
}
