package org.jpatch.core.hoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * hoc's string and system functions (NEURON's oc/code2.cpp, hoc_init.cpp, ftime.cpp, fileio.cpp,
 * nrnoc/nrnversion.cpp): strcmp, printf, nrnversion, neuronhome, unix_mac_pc, startsw, stopsw.
 * What names the program (nrnversion, neuronhome) names jpatch, not NEURON.
 */
final class SystemFunctions {
    private SystemFunctions() {}

    static void register(HocRegistry registry) {
        HocOutput output = registry.output();
        registry.add(new HocFunction("strcmp",
                "strcmp(a, b): C's strcmp of the two strings' UTF-8 bytes: negative, 0 or positive.",
                args -> (double) strcmp(args.expect(2, 2).string(0), args.string(1))));
        registry.add(new HocFunction("printf",
                "printf(format, ...): prints as C's printf (%d %o %x %c %f %e %g %s %%, flags - + space 0, "
                        + "width, precision); returns the number of bytes printed.",
                args -> {
                    String text = HocFormat.format(args);
                    output.print(text);
                    return (double) text.getBytes(StandardCharsets.UTF_8).length;
                }));
        String version = jpatchVersion();
        registry.add(new HocFunction("nrnversion",
                "nrnversion([i]): jpatch's version as NEURON's nrnversion lays it out: 0 and 5 the version, "
                        + "1 (default) the banner, 2 'VERSION ...', 3 and 4 (changeset, date) and 6 (build "
                        + "options) empty as jpatch records none, 7 the program, 8 the host, 9 '2' (driven from Python).",
                args -> nrnversion(args.expect(0, 1).has(0) ? args.number(0) : 1, version)));
        registry.add(new HocFunction("neuronhome",
                "neuronhome(): the directory holding jpatch's engine jar (jpatch has no hoc library directory).",
                args -> {
                    args.expect(0, 1);
                    return engineDirectory();
                }));
        registry.add(new HocFunction("unix_mac_pc", "unix_mac_pc(): 1 on Unix, 4 on macOS, 3 on Windows.",
                args -> {
                    args.expect(0, 0);
                    String os = System.getProperty("os.name");
                    return os.startsWith("Mac") ? 4.0 : os.startsWith("Windows") ? 3.0 : 1.0;
                }));
        registry.add(new HocFunction("startsw", "startsw(): the wall-clock time [s] since 1970.",
                args -> {
                    args.expect(0, 0);
                    return seconds(Instant.now());
                }));
        // NEURON 9.0.2's ftime.cpp reads the clock (which sets the start time) before subtracting
        // the start time: its stopsw() is always 0. Scripts time with startsw() differences.
        registry.add(new HocFunction("stopsw", "stopsw(): 0, as NEURON 9's (time with differences of startsw()).",
                args -> {
                    args.expect(0, 0);
                    return 0.0;
                }));
    }

    /** C's strcmp over UTF-8 bytes (unsigned, ending at the terminating 0), as glibc's difference. */
    static int strcmp(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; ; i++) {
            int cx = i < x.length ? x[i] & 0xFF : 0;
            int cy = i < y.length ? y[i] & 0xFF : 0;
            if (cx != cy || cx == 0) {
                return cx - cy;
            }
        }
    }

    private static String nrnversion(double i, String version) {
        if (!(i >= 0 && i <= 20)) {
            throw new HocExecError("nrnversion: " + i + " is out of range [0, 20]");
        }
        return switch ((int) i) {
            case 0, 5 -> version;
            case 2 -> "VERSION " + version + " jpatch";
            case 3, 4, 6 -> "";
            case 7 -> "jpatch";
            case 8 -> System.getProperty("os.arch") + "-" + System.getProperty("os.name");
            case 9 -> "2";
            default -> "jpatch -- VERSION " + version + " (NEURON 9.0.2's API)";
        };
    }

    private static String jpatchVersion() {
        Properties properties = new Properties();
        try (InputStream in = SystemFunctions.class.getResourceAsStream("jpatch-version.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String engineDirectory() {
        try {
            Path location = Path.of(SystemFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Instant now) {
        return now.getEpochSecond() + now.getNano() * 1e-9;
    }
}
