package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jpatch.core.sim.Simulation;

/** What the tests against real NEURON share: their settings and running NEURON's programs. */
public final class ExternalRuns {
    private ExternalRuns() {
    }

    /** A system property or environment variable (JPATCH_NEURON_PYTHON, JPATCH_MOD_DIRS), null when unset or blank. */
    public static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    /** Runs a command in a directory: its output (stdout and stderr), or a failure showing it. */
    public static String run(Path directory, int timeoutSeconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** nrnivmodl's build of {@code sources} in work/mods: the library to h.nrn_load_dll. */
    public static Path nrnivmodl(Path work, String python, Path... sources) throws Exception {
        Path mods = Files.createDirectories(work.resolve("mods"));
        for (Path source : sources) {
            Files.copy(source, mods.resolve(source.getFileName()));
        }
        run(mods, 600, Path.of(python).getParent().resolve("nrnivmodl").toString(), ".");
        return mods.resolve("x86_64").resolve("libnrnmech.so");
    }

    /** Removes a directory and everything in it; nothing for null. */
    public static void deleteTree(Path root) throws java.io.IOException {
        if (root == null) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
    }

    /**
     * jpatch's side of the protocols: finitialize at {@code vInit} [mV], then fadvance to
     * {@code tstop} [ms] as NEURON's loop {@code while t < tstop - dt/2}; a sample at the
     * start and after every step.
     */
    static List<double[]> samples(Simulation sim, double vInit, double tstop, Supplier<double[]> sample) {
        List<double[]> rows = new ArrayList<>();
        sim.finitialize(vInit);
        rows.add(sample.get());
        while (sim.t() < tstop - sim.dt() / 2) {
            sim.fadvance();
            rows.add(sample.get());
        }
        return rows;
    }

    /** The output's lines that are rows of {@code columns} numbers (NEURON's banner and warnings are not). */
    public static List<double[]> rows(String output, int columns) {
        return output.lines().map(line -> line.trim().split(" ")).filter(fields -> fields.length == columns)
                .map(ExternalRuns::numbers).filter(row -> row != null).toList();
    }

    private static double[] numbers(String[] fields) {
        try {
            return Arrays.stream(fields).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Asserts that every column agrees at every step to {@code tolerance} relative
     * ({@code exact} columns bit for bit); returns a line naming each column's worst
     * relative difference.
     */
    static String compare(String test, List<String> names, List<double[]> neuron, List<double[]> jpatch,
                          double tolerance, List<String> exact) {
        assertEquals(neuron.size(), jpatch.size(), test + ": samples");
        double[] worst = new double[names.size()];
        for (int step = 0; step < jpatch.size(); step++) {
            for (int j = 0; j < names.size(); j++) {
                double e = neuron.get(step)[j], a = jpatch.get(step)[j];
                double allowed = exact.contains(names.get(j)) ? 0 : tolerance * Math.max(Math.abs(e), 1e-300);
                worst[j] = Math.max(worst[j], e == a ? 0 : Math.abs(e - a) / Math.max(Math.abs(e), 1e-300));
                assertTrue(Math.abs(e - a) <= allowed, test + ": " + names.get(j) + " at step " + step
                        + ": NEURON " + e + ", jpatch " + a);
            }
        }
        StringBuilder summary = new StringBuilder(test + ": " + jpatch.size() + " steps, worst relative difference:");
        for (int j = 0; j < names.size(); j++) {
            summary.append(' ').append(names.get(j)).append(' ').append(worst[j]);
        }
        return summary.toString();
    }
}
