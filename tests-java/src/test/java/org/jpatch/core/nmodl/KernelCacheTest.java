package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache of compiled kernels: hits, misses, damaged entries, concurrent writers. */
class KernelCacheTest {
    private static Path builtin(String name) throws Exception {
        return Path.of(KernelCacheTest.class.getResource("/nmodl/builtins/" + name + ".mod").toURI());
    }

    private static List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** hh.mod under a name the engine's built-in hh does not have. */
    private static Path renamedHh(Path dir) throws Exception {
        String text = Files.readString(builtin("hh")).replace("SUFFIX hh", "SUFFIX hhcached");
        return Files.writeString(dir.resolve("hhcached.mod"), text);
    }

    /** v of a hh compartment under IClamp: the same kernel must give the same trace freshly compiled or from the cache. */
    private static double[] hhTrace(CompiledMechanism hh) {
        Simulation sim = new Simulation();
        sim.catalogue().register(hh.type(200));
        Section soma = sim.newSection("soma");
        soma.insert(hh.mechanism().name());
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 1);
        stim.set("dur", 3);
        stim.set("amp", 0.3);
        sim.finitialize(-65);
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            sim.fadvance();
            v[i] = soma.get("v", 0.5);
        }
        return v;
    }

    @Test
    void aSecondCompilerTakesTheClassesFromTheCacheAndRunsTheSame(@TempDir Path dir) throws Exception {
        KernelCache cache = new KernelCache(dir.resolve("nmodl"));
        Path mod = renamedHh(dir);
        CompiledMechanism cold = new NmodlCompiler(List.of(), cache).translate(mod);
        List<Path> afterCold = entries(cache.directory());
        assertEquals(1, afterCold.size(), "one entry, no temporary files left: " + afterCold);
        long written = Files.getLastModifiedTime(afterCold.get(0)).toMillis();

        CompiledMechanism cached = new NmodlCompiler(List.of(), cache).translate(mod);
        assertEquals(afterCold, entries(cache.directory()));
        assertEquals(written, Files.getLastModifiedTime(afterCold.get(0)).toMillis(), "a hit does not rewrite");
        assertNotEquals(cold.kernels().get().getClass(), cached.kernels().get().getClass(),
                "each load defines its own class");
        assertArrayEquals(hhTrace(cold), hhTrace(cached));
    }

    @Test
    void differentSourcesHaveDifferentEntries(@TempDir Path dir) throws Exception {
        KernelCache cache = new KernelCache(dir);
        NmodlCompiler compiler = new NmodlCompiler(List.of(), cache);
        compiler.translate(builtin("hh"));
        compiler.translate(builtin("pas"));
        String edited = Files.readString(builtin("pas")).replace("g = .001", "g = .002");
        Path editedPas = Files.writeString(dir.resolveSibling(dir.getFileName() + "-pas.mod"), edited);
        try {
            assertEquals(.002, compiler.translate(editedPas).type(5).defaults()[0]);
        } finally {
            Files.delete(editedPas);
        }
        assertEquals(3, entries(dir).size());
    }

    @Test
    void aDamagedEntryIsAMissAndIsReplaced(@TempDir Path dir) throws Exception {
        KernelCache cache = new KernelCache(dir);
        Path mod = builtin("pas");
        new NmodlCompiler(List.of(), cache).translate(mod);
        Path entry = entries(dir).get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));

        CompiledMechanism again = new NmodlCompiler(List.of(), cache).translate(mod);
        assertEquals("pas", again.mechanism().name());
        assertArrayEquals(whole, Files.readAllBytes(entry), "the compiled classes written again in full");
    }

    @Test
    void concurrentWritersLeaveOneWholeEntry(@TempDir Path dir) throws Exception {
        KernelCache cache = new KernelCache(dir);
        String source = "class Any {}";
        Map<String, byte[]> classes = Map.of("a.B", new byte[100_000], "a.B$1", new byte[] {1, 2, 3});
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            List<Future<Map<String, byte[]>>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                writes.add(pool.submit(() -> cache.store(source, classes)));
                reads.add(pool.submit(() -> cache.lookup(source)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            for (Future<Map<String, byte[]>> read : reads) {
                Map<String, byte[]> seen = read.get();
                // a reader sees nothing yet or a whole entry, never a partial one
                assertTrue(seen == null || (seen.size() == 2 && seen.get("a.B").length == 100_000));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(cache.entryFile(source)), entries(dir));
        assertArrayEquals(new byte[] {1, 2, 3}, cache.lookup(source).get("a.B$1"));
    }
}
