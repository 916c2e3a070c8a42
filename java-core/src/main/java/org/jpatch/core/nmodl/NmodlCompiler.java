package org.jpatch.core.nmodl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.units.UnitConstants;

/**
 * A .mod file to an engine mechanism type with a JVM kernel: parse, refuse VERBATIM,
 * evaluate UNITS, classify variables, generate Java, compile it in-process (or take the
 * classes from the {@link KernelCache}). Every refusal is an {@link NmodlSyntaxException}
 * naming file:line:column.
 */
public final class NmodlCompiler {
    private final NmodlParser parser;
    private final KernelCache cache;

    public NmodlCompiler(List<Path> includeDirectories, KernelCache cache) {
        this.parser = new NmodlParser(includeDirectories);
        this.cache = cache;
    }

    /** Caches compiled kernels in the user's cache directory ({@link KernelCache#inUserCacheDirectory()}). */
    public NmodlCompiler(List<Path> includeDirectories) {
        this(includeDirectories, KernelCache.inUserCacheDirectory());
    }

    public NmodlCompiler() {
        this(List.of());
    }

    /** The translated file, to register with {@link CompiledMechanism#registerIn} (creating the ions it needs). */
    public CompiledMechanism translate(Path modFile) {
        return translate(parser.parseFile(modFile));
    }

    public CompiledMechanism translate(NmodlFile file) {
        VerbatimCheck.requireNone(file);
        Map<String, Double> unitConstants = UnitConstants.evaluate(file);
        MechanismInterface mechanism = InterfaceAnalysis.analyze(file);
        String source = KernelGenerator.generate(file, mechanism, unitConstants);
        Supplier<MechanismKernel> kernels = KernelCompiler.compile(KernelGenerator.className(mechanism), source, cache);
        return new CompiledMechanism(file.file(), mechanism, kernels);
    }

    /** @param order NEURON's type index for the new type: fixes where it runs among the others */
    public MechanismType compile(Path modFile, int order) {
        return translate(modFile).type(order);
    }

    public MechanismType compile(NmodlFile file, int order) {
        return translate(file).type(order);
    }
}
