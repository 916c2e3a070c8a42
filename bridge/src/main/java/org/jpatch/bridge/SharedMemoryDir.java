package org.jpatch.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The session's private directory in shared memory (/dev/shm, or the temp dir), created
 * by Python with mode 0700. Exported files are unlinked by Python right after mapping;
 * whatever is left is removed when the session ends, by whichever side outlives the other.
 */
final class SharedMemoryDir {
    private final Path dir;
    private final AtomicLong counter = new AtomicLong();

    SharedMemoryDir(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A fresh file name for an export (the file does not exist yet). */
    Path newExportFile() {
        return dir.resolve("export-" + counter.incrementAndGet() + ".arrow");
    }

    /** Checks that a file Python hands over lies in this directory, so no other file is ever read or deleted. */
    Path importFile(String name) {
        return fileInside(name, "import file");
    }

    /** Checks that a batch file Python hands over lies in this directory (GatewayEntryPoint.executeFile). */
    Path batchFile(String name) {
        return fileInside(name, "batch file");
    }

    private Path fileInside(String name, String what) {
        Path file = dir.resolve(name).normalize();
        if (!file.getParent().equals(dir.normalize())) {
            throw new CommandException("ValueError", what + " " + name + " is not in the session's shared-memory directory " + dir);
        }
        return file;
    }

    /** Removes the directory and its contents; quiet, as it runs at exit. */
    void removeAll() {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // already gone (Python removed it first)
        }
        dir.toFile().delete();
    }
}
