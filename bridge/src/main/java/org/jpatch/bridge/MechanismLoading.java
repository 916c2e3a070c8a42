package org.jpatch.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.nmodl.CompiledMechanism;
import org.jpatch.core.nmodl.MechanismInterface;
import org.jpatch.core.nmodl.NmodlCompiler;

/**
 * NEURON's nrn_load_dll / load_mechanisms without a C compiler: every .mod file of a
 * directory (or one file) is compiled in-process and registered. All or nothing: a file
 * that fails leaves the catalogue as it was.
 */
final class MechanismLoading {
    private MechanismLoading() {}

    /** The newly registered types, in the order NEURON gives them (by file name, after all known types). */
    static List<MechanismType> load(MechanismCatalogue catalogue, Path fileOrDirectory) {
        List<Path> files = modFiles(fileOrDirectory);
        NmodlCompiler compiler = new NmodlCompiler(List.of(directoryOf(fileOrDirectory)));
        // Everything that can refuse a file happens before the catalogue changes.
        List<CompiledMechanism> translated = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            CompiledMechanism mechanism = compiler.translate(file);
            String name = mechanism.mechanism().name();
            if (catalogue.contains(name) || !names.add(name)) {
                throw new CommandException("ValueError", "mechanism " + name + " from " + file + " is already loaded");
            }
            for (MechanismInterface.Ion ion : mechanism.mechanism().ions()) {
                if (!catalogue.contains(ion.ion() + "_ion") && ion.valence() == null) {
                    throw new CommandException("ValueError", file + ": USEION " + ion.ion()
                            + " names an ion NEURON does not know, so it needs a VALENCE");
                }
            }
            translated.add(mechanism);
        }
        // As nocmodl's _reg: an ion the catalogue lacks is registered before its first user.
        return translated.stream().map(mechanism -> mechanism.registerIn(catalogue)).toList();
    }

    private static List<Path> modFiles(Path fileOrDirectory) {
        if (Files.isRegularFile(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        if (!Files.isDirectory(fileOrDirectory)) {
            throw new CommandException("ValueError", fileOrDirectory + " is neither a .mod file nor a directory");
        }
        // nrnivmodl registers the files of a directory in the order of their names.
        try (Stream<Path> entries = Files.list(fileOrDirectory)) {
            List<Path> files = entries.filter(p -> p.getFileName().toString().endsWith(".mod") && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new CommandException("ValueError", "no .mod files in " + fileOrDirectory);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDirectory, e);
        }
    }

    /** INCLUDE files are looked up beside the .mod files. */
    private static Path directoryOf(Path fileOrDirectory) {
        Path absolute = fileOrDirectory.toAbsolutePath();
        return Files.isDirectory(absolute) ? absolute : absolute.getParent();
    }
}
