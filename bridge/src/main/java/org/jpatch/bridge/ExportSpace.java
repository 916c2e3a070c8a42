package org.jpatch.bridge;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Room for the next export, made ready in shared memory while a run computes the values
 * that will fill it.
 *
 * <p>Why: tmpfs creates (and zeroes) a page the first time a file's byte in it is written;
 * for a 64 MB export that is most of the cost (measured here: writing new tmpfs pages
 * 1.5–3 GB/s, rewriting existing ones 5 GB/s with write(), more with a copy into a mapping
 * whose pages are already present). Before a run with recordings, a background thread
 * creates an export file the size the recordings will reach and maps it — sparse: no page
 * exists yet — then touches its pages as the recordings grow, at most {@link #AHEAD_BYTES}
 * ahead of what they hold, until the run ends; the first export after the run copies the
 * columns into that mapping. Shared memory is thus committed as the recordings need it,
 * never up to the run's final size ahead of time (a long run used to hold up to 1 GiB of
 * /dev/shm from its first step). The run itself is single-threaded, so on a machine with
 * a second core the preparation costs the run nothing. Without a prepared file (too
 * small, none, or preparation failed) exports are written as before.
 */
final class ExportSpace {
    /** Smaller exports take a few milliseconds anyway; not worth a file held in memory [bytes]. */
    static final long MIN_BYTES = 8L << 20;
    /** Python lets at most 1 GiB ride along in one export (EXPORT_RIDE_ALONG_BYTES) [bytes]. */
    static final long MAX_BYTES = 1L << 30;
    private static final int PAGE_BYTES = 4096;
    /** Pages are touched at most this far ahead of what the recordings hold [bytes]. */
    static final long AHEAD_BYTES = 4L << 20;
    /** How often the preparation looks at the recordings' size while a run goes on [ns]. */
    private static final long PACE_NANOS = 5_000_000;
    /** Enough framings for the JIT to compile Arrow's serialization code. */
    private static final int WARM_UP_FRAMINGS = 20;
    private static final int WARM_UP_LENGTH = 16;

    /** Prepares files and releases them, one task after another, on one daemon thread. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jpatch-export-space");
        thread.setDaemon(true);
        return thread;
    });

    private final SharedMemoryDir shm;
    private CompletableFuture<Prepared> pending;
    /** Tells the preparation under way that its run has ended. */
    private volatile RunEnd runEnd;

    ExportSpace(SharedMemoryDir shm) {
        this.shm = shm;
    }

    /**
     * Starts preparing a file of at least {@code bytes} for the run about to start, whose
     * recordings hold {@code recordedBytes} as it goes on (read from this other thread
     * only to pace the preparation: a stale value only delays it). Capped by MAX_BYTES
     * and by a quarter of the free shared memory, as Python caps what rides along. The
     * caller says when the run has ended ({@link #runEnded}).
     */
    synchronized void prepare(long bytes, int columns, LongSupplier recordedBytes) {
        if (bytes < MIN_BYTES) {
            return;
        }
        long size = Math.min(bytes, MAX_BYTES);
        try {
            size = Math.min(size, Files.getFileStore(shm.dir()).getUsableSpace() / 4);
        } catch (IOException e) {
            return;
        }
        RunEnd end = new RunEnd();
        if (pending != null) {
            runEnded();
            Prepared ready = pending.join();
            pending = null;
            if (ready != null && ready.size >= size) {
                // Large enough: the new run's recordings go on touching its pages.
                runEnd = end;
                pending = CompletableFuture.supplyAsync(() -> ready.touchAsRecorded(recordedBytes, end), WORKER);
                return;
            }
            if (ready != null) {
                ready.discard();
            }
        }
        long fileBytes = (size + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES;
        Path file = shm.newExportFile();
        runEnd = end;
        pending = CompletableFuture.supplyAsync(() -> {
            warmUp(columns);
            Prepared room = Prepared.create(file, fileBytes);
            return room == null ? null : room.touchAsRecorded(recordedBytes, end);
        }, WORKER);
    }

    /** The run a preparation was for has ended: its pages are touched up to what was recorded, no further. */
    void runEnded() {
        RunEnd end = runEnd;
        if (end != null) {
            end.ended = true;
        }
    }

    /**
     * The prepared file, mapped, when it holds {@code bytes}; else null. Waits for a
     * preparation still under way to touch the pages of what was recorded (the same pages
     * the export would otherwise have to create).
     */
    synchronized Prepared claim(long bytes) {
        if (pending == null) {
            return null;
        }
        runEnded();  // an export comes after the run
        Prepared prepared = pending.join();
        if (prepared == null || prepared.size < bytes) {
            return null;
        }
        pending = null;
        return prepared;
    }

    /**
     * Writes a small file like the coming export into memory, several times, so that
     * Arrow's schema and footer code and the copy are loaded and compiled when the export
     * needs them (cold, framing 200 columns alone took 8–10 ms).
     */
    private static void warmUp(int columns) {
        try {
            List<double[]> values = Collections.nCopies(columns, new double[WARM_UP_LENGTH]);
            for (int i = 0; i < WARM_UP_FRAMINGS; i++) {
                ArrowColumnsWriter writer = new ArrowColumnsWriter(Collections.nCopies(columns, "h0"), WARM_UP_LENGTH);
                writer.writeInto(MemorySegment.ofArray(new byte[Math.toIntExact(writer.fileBytes())]), values);
            }
        } catch (IOException | RuntimeException e) {
            // the export will be slower, not wrong
        }
    }

    /** Set once the run a preparation paces itself by has ended. */
    private static final class RunEnd {
        volatile boolean ended;
    }

    /**
     * A file in the session directory, mapped read-write into an arena of its own, so that
     * releasing it unmaps it at once (a MappedByteBuffer would hold its pages until a
     * garbage collection); its pages are made present as recordings grow.
     */
    static final class Prepared {
        final Path file;
        final long size;
        final MemorySegment mapping;
        private final FileChannel channel;
        /** Shared: mapped on the worker thread, written by the export's, unmapped on the worker's. */
        private final Arena arena;
        /** Bytes from the start whose pages are present (only the worker thread touches pages). */
        private long touched;

        private Prepared(Path file, long size, FileChannel channel, Arena arena, MemorySegment mapping) {
            this.file = file;
            this.size = size;
            this.channel = channel;
            this.arena = arena;
            this.mapping = mapping;
        }

        /** Null when the file cannot be made (e.g. shared memory filled up meanwhile). Sparse: no page is present yet. */
        static Prepared create(Path file, long size) {
            FileChannel channel = null;
            Arena arena = Arena.ofShared();
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                MemorySegment mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                return new Prepared(file, size, channel, arena, mapping);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                arena.close();
                closeQuietly(channel);
                file.toFile().delete();
                return null;
            }
        }

        /**
         * Touches pages up to {@link #AHEAD_BYTES} beyond what the recordings hold, every
         * {@link #PACE_NANOS}, until the run has ended (then once more, for its last
         * samples) or the file is wholly present; returns this room. When shared memory
         * can no longer provide a page (the mapping faults), the room is discarded and
         * null returned: the export then writes a file of its own and reports the lack of
         * room as an I/O error instead of faulting in the mapping.
         */
        Prepared touchAsRecorded(LongSupplier recordedBytes, RunEnd end) {
            try {
                while (true) {
                    boolean last = end.ended;  // read before the size, so the last pass sees the final size
                    long wanted = Math.min(size, recordedBytes.getAsLong() + AHEAD_BYTES);
                    for (; touched < wanted; touched += PAGE_BYTES) {
                        mapping.set(ValueLayout.JAVA_BYTE, touched, (byte) 0);
                    }
                    if (last || touched >= size) {
                        return this;
                    }
                    LockSupport.parkNanos(PACE_NANOS);
                }
            } catch (RuntimeException | InternalError e) {
                // SIGBUS on a full tmpfs surfaces as InternalError
                discard();
                return null;
            }
        }

        /**
         * Cuts the file to {@code length} bytes, what the export wrote, and unmaps it.
         * Both in the background: truncating and unmapping 64 MB took 3–9 ms, and Python
         * neither needs them (it reads the footer at the offset the export reports) nor
         * ever touches the bytes cut off.
         */
        void release(long length) {
            WORKER.execute(() -> {
                try {
                    channel.truncate(length);
                } catch (IOException e) {
                    // the file keeps its zero tail until Python unmaps it
                }
                closeQuietly(channel);
                arena.close();
            });
        }

        /** Unmaps and deletes a file no export will use. */
        void discard() {
            release(0);
            file.toFile().delete();
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was written through the channel
                }
            }
        }
    }
}
