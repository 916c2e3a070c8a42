package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

        space.prepare(writer.fileBytes() + 12345, columns.size(), () -> 0);
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
        space.prepare(ExportSpace.MIN_BYTES, 1, () -> 0);
        assertNull(space.claim(ExportSpace.MIN_BYTES + 1));
    }

    @Test
    void smallRecordingsGetNoPreparedRoom() throws IOException {
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));
        space.prepare(ExportSpace.MIN_BYTES - 1, 1, () -> 0);
        assertNull(space.claim(1));
        try (var files = Files.list(dir)) {
            assertArrayEquals(new Object[0], files.toArray(), "no file is made for them");
        }
    }

    /** Bytes of a file that exist (tmpfs allocates a page when it is first written), from stat(1) [bytes]. */
    private static long presentBytes(Path file) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] fields = new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        stat.waitFor();
        return Long.parseLong(fields[0]) * Long.parseLong(fields[1]);
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void sharedMemoryIsCommittedAsTheRecordingsGrowNotAheadOfTime() throws Exception {
        // tmpfs, where a page exists once written, as in a session (the temp dir otherwise)
        Path shm = Path.of("/dev/shm");
        Path root = Files.createTempDirectory(Files.isWritable(shm) ? shm : dir, "jpatch-export-space-test-");
        ExportSpace space = new ExportSpace(new SharedMemoryDir(root));
        AtomicLong recorded = new AtomicLong();
        long runBytes = 96L << 20;  // what the recordings will hold at the end of the run
        try {
            space.prepare(runBytes, 4, recorded::get);
            Thread.sleep(300);
            Path file = onlyFile(root);
            assertTrue(presentBytes(file) <= ExportSpace.AHEAD_BYTES + (1 << 20),
                    "before anything is recorded: " + presentBytes(file) + " of " + Files.size(file) + " bytes present");

            recorded.set(32L << 20);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (presentBytes(file) < (32L << 20) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long present = presentBytes(file);
            assertTrue(present >= (32L << 20) && present <= (32L << 20) + ExportSpace.AHEAD_BYTES + (1 << 20),
                    "with 32 MiB recorded: " + present + " bytes present");

            space.runEnded();
            ExportSpace.Prepared room = space.claim(32L << 20);
            assertNotNull(room);
            assertTrue(presentBytes(file) <= (32L << 20) + ExportSpace.AHEAD_BYTES + (1 << 20),
                    "the run's end touches no further");
            room.release(0);
        } finally {
            space.runEnded();  // a failed assertion must not leave the preparation pacing
            ExportSpace.Prepared left = space.claim(0);
            if (left != null) {
                left.discard();
            }
            Thread.sleep(100);
            try (var files = Files.list(root)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(root);
        }
    }

    @Test
    void preparedRoomIsClaimedOnce() throws IOException {
        ExportSpace space = new ExportSpace(new SharedMemoryDir(dir));
        space.prepare(ExportSpace.MIN_BYTES, 1, () -> 0);
        ExportSpace.Prepared room = space.claim(1024);
        assertNotNull(room);
        room.release(1024);
        assertNull(space.claim(1024), "a second export gets a new file");
    }
}
