package org.jpatch.core.nmodl;

import java.util.List;
import java.util.function.Supplier;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.mech.VariableRole;
import org.jpatch.core.nmodl.ast.NeuronStatement.MechanismDeclaration;

/**
 * What a .mod file shows NEURON, classified as nocmodl does ({@code nrndeclare()} in
 * nocpout.cpp): range PARAMETERs, range ASSIGNEDs and STATEs in declaration order (the
 * order of NEURON's {@code _mechanism[]} list), per-instance ASSIGNEDs that hoc does not
 * see, GLOBALs, ions and currents. Names are without the mechanism suffix. {@code currents}
 * lists every current the mechanism contributes (ion WRITE currents, NONSPECIFIC and
 * ELECTRODE currents) in NEURON block order: the order nocmodl sums them in.
 */
public record MechanismInterface(
        String name,
        MechanismDeclaration kind,
        List<Variable> rangeParameters,
        List<Variable> rangeAssigned,
        List<Variable> states,
        List<Variable> hiddenAssigned,
        List<Variable> globals,
        List<Ion> ions,
        List<String> nonspecificCurrents,
        List<String> electrodeCurrents,
        List<String> currents,
        List<String> pointers,
        boolean threadsafe) {

    /** A declared variable: its unit ("" when none), default (PARAMETER value, else 0) and array size (0: scalar). */
    public record Variable(String name, String unit, double defaultValue, int arraySize) {}

    /** USEION: valence null when not given (NEURON then uses the ion's known charge). */
    public record Ion(String ion, List<String> read, List<String> write, Double valence) {}

    public boolean isPointProcess() {
        return kind != MechanismDeclaration.SUFFIX;
    }

    /**
     * The engine's metadata for this mechanism: range parameters, range assigned, states,
     * then hidden per-instance assigned, as the built-ins lay them out; GLOBALs named
     * {@code name_suffix}. An array {@code x[N]} is N variables {@code x[0]}..{@code x[N-1]}
     * (the names hoc gives its elements, as the built-in VClamp's {@code dur[j]}), in
     * consecutive columns as nocmodl lays them out.
     * A GLOBAL array {@code x[N]} is N globals {@code x_suffix[0]}..{@code x_suffix[N-1]}, as
     * hoc names its elements.
     */
    public MechanismType mechanismType(int order, Supplier<MechanismKernel> kernelFactory) {
        MechanismKind mechanismKind = switch (kind) {
            case SUFFIX -> MechanismKind.DENSITY;
            case POINT_PROCESS -> MechanismKind.POINT;
            case ARTIFICIAL_CELL -> MechanismKind.ARTIFICIAL;
        };
        MechanismType.Builder builder = MechanismType.builder(name, mechanismKind, order);
        add(builder, rangeParameters, VariableRole.PARAMETER);
        add(builder, rangeAssigned, VariableRole.ASSIGNED);
        add(builder, states, VariableRole.STATE);
        add(builder, hiddenAssigned, VariableRole.ASSIGNED);
        for (Variable global : globals) {
            if (global.arraySize() == 0) {
                builder.global(global.name() + "_" + name, global.unit(), global.defaultValue());
            }
            for (int j = 0; j < global.arraySize(); j++) {
                builder.global(global.name() + "_" + name + "[" + j + "]", global.unit(), global.defaultValue());
            }
        }
        for (Ion ion : ions) {
            builder.ion(new IonUse(ion.ion(), ion.read(), ion.write()));
        }
        pointers.forEach(builder::pointer);
        if (!electrodeCurrents.isEmpty()) {
            builder.electrodeCurrent();
        }
        return builder.kernel(kernelFactory).build();
    }

    private static void add(MechanismType.Builder builder, List<Variable> variables, VariableRole role) {
        for (Variable v : variables) {
            if (v.arraySize() == 0) {
                builder.variable(new RangeVariable(v.name(), v.unit(), v.defaultValue(), role));
            }
            for (int j = 0; j < v.arraySize(); j++) {
                builder.variable(new RangeVariable(v.name() + "[" + j + "]", v.unit(), v.defaultValue(), role));
            }
        }
    }
}
