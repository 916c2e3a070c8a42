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
 * evaluate UNITS, classify variables, generate Java, compile it in-process. Every refusal
 * is an {@link NmodlSyntaxException} naming file:line:column.
 */
public final class NmodlCompiler {
    private final NmodlParser parser;

    public NmodlCompiler(List<Path> includeDirectories) {
        this.parser = new NmodlParser(includeDirectories);
    }

    public NmodlCompiler() {
        this(List.of());
    }

    /** @param order NEURON's type index for the new type: fixes where it runs among the others */
    public MechanismType compile(Path modFile, int order) {
        return compile(parser.parseFile(modFile), order);
    }

    public MechanismType compile(NmodlFile file, int order) {
        VerbatimCheck.requireNone(file);
        Map<String, Double> unitConstants = UnitConstants.evaluate(file);
        MechanismInterface mechanism = InterfaceAnalysis.analyze(file);
        String source = KernelGenerator.generate(file, mechanism, unitConstants);
        Supplier<MechanismKernel> kernels = KernelCompiler.compile(KernelGenerator.className(mechanism), source);
        return mechanism.mechanismType(order, kernels);
    }
}
