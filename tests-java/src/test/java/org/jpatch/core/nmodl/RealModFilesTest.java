package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpatch.core.nmodl.units.UnitConstants;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parses every .mod file under the directories in the system property or environment
 * variable {@code JPATCH_MOD_DIRS} (path-separator list), and evaluates their UNITS blocks.
 * Files no one here wrote, read where they are installed, never copied into the repo. E.g.
 * <pre>
 * python -m venv /tmp/venv-mods
 * /tmp/venv-mods/bin/pip install --no-deps dbbs-catalogue==6.0.1 dbbs-mod-collection==2.2.3
 * JPATCH_MOD_DIRS=/tmp/venv-mods/lib/python3.11/site-packages/dbbs_catalogue/mods/neuron:\
 * /tmp/venv-mods/lib/python3.11/site-packages/dbbs_mod_collection/mod:\
 * .venv-ref/lib/python3.11/site-packages/neuron/.data/share \
 *   mvn -B -o -pl tests-java -am test -Dtest='org.jpatch.core.nmodl.*Test' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Skipped, saying why, when the variable is unset.
 */
class RealModFilesTest {
    private static final String VARIABLE = "JPATCH_MOD_DIRS";

    @Test
    void everyInstalledModFileParsesAndItsUnitsEvaluate() throws IOException {
        String dirs = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (dirs == null || dirs.isBlank()) {
            System.out.println("RealModFilesTest skipped: set " + VARIABLE + " to directories holding .mod files");
        }
        Assumptions.assumeTrue(dirs != null && !dirs.isBlank(), VARIABLE + " is not set");
        List<Path> files = new ArrayList<>();
        for (String dir : dirs.split(File.pathSeparator)) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".mod")).sorted().forEach(files::add);
            }
        }
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                UnitConstants.evaluate(new NmodlParser().parseFile(file));
            } catch (NmodlSyntaxException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.println("RealModFilesTest: " + (files.size() - failures.size()) + " of " + files.size()
                + " .mod files parse (" + dirs + ")");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(files.size() > 0, "no .mod files under " + dirs);
        assertEquals(List.of(), failures);
    }
}
