import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jpatch.core.nmodl.KernelCache;
import org.jpatch.core.nmodl.NmodlCompiler;
import org.jpatch.core.nmodl.NmodlSyntaxException;

/**
 * Per-file time to load a .mod file with jpatch's translator, with an empty kernel cache
 * (parse, generate, compile with Janino) and again from the cache (parse, generate, read the classes),
 * each by a fresh NmodlCompiler in this one JVM. Run by bench/nmodl_compile.py; argv:
 * a scratch directory for the cache, then .mod files. Prints one tab-separated line per file.
 */
public final class NmodlCompileBench {
    public static void main(String[] args) throws Exception {
        KernelCache cache = new KernelCache(Path.of(args[0]));
        System.out.println("file\tmechanism\tempty_cache_ms\tcached_ms");
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            try {
                long start = System.nanoTime();
                String name = new NmodlCompiler(List.of(), cache).translate(file).mechanism().name();
                long cold = System.nanoTime();
                new NmodlCompiler(List.of(), cache).translate(file);
                long cached = System.nanoTime();
                System.out.printf("%s\t%s\t%.1f\t%.1f%n", file, name, (cold - start) / 1e6, (cached - cold) / 1e6);
            } catch (NmodlSyntaxException e) {
                System.out.printf("%s\trefused: %s%n", file, e.getMessage().replace('\n', ' '));
            }
        }
        try (Stream<Path> entries = Files.list(cache.directory())) {
            entries.forEach(p -> p.toFile().delete());
        }
    }
}
