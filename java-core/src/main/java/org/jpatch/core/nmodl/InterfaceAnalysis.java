package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Declaration;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * Classifies a parsed file's variables the way nocmodl's {@code nrndeclare()} does and
 * refuses what nocmodl refuses at that stage (a name both variable and function, a name
 * declared twice, an ion variable re-declared CONSTANT).
 */
public final class InterfaceAnalysis {
    /** Provided by NEURON, never the mechanism's own storage. */
    private static final Set<String> NEURON_VARIABLES = Set.of("v", "t", "dt", "celsius", "diam", "area");

    private final List<ModelItem> items;
    private String name;
    private NeuronStatement.MechanismDeclaration kind = NeuronStatement.MechanismDeclaration.SUFFIX;
    private final Set<String> range = new HashSet<>();
    private final Set<String> global = new HashSet<>();
    private final Set<String> notStoredHere = new HashSet<>();
    private final Set<String> ionVariables = new HashSet<>();
    private final Set<String> ionCurrents = new HashSet<>();
    private final List<MechanismInterface.Ion> ions = new ArrayList<>();
    private final List<String> nonspecific = new ArrayList<>();
    private final List<String> electrode = new ArrayList<>();
    private final List<String> currents = new ArrayList<>();
    private final List<String> pointers = new ArrayList<>();
    private boolean threadsafe;
    private boolean usesTable;

    private InterfaceAnalysis(NmodlFile file) {
        this.items = file.flatItems();
        String fileName = file.file().replace('\\', '/');
        String stem = fileName.substring(fileName.lastIndexOf('/') + 1);
        // nocmodl names a mechanism without SUFFIX after its file
        this.name = stem.endsWith(".mod") ? stem.substring(0, stem.length() - 4) : stem;
    }

    public static MechanismInterface analyze(NmodlFile file) {
        return new InterfaceAnalysis(file).run();
    }

    private MechanismInterface run() {
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Neuron neuron) {
                neuron.statements().forEach(this::neuronStatement);
            }
        }
        Map<String, Declared> declared = declarations();
        Map<String, SourcePosition> functions = functions();
        for (var function : functions.entrySet()) {
            String f = function.getKey();
            if (declared.containsKey(f) || range.contains(f) || global.contains(f)) {
                throw new NmodlSyntaxException(function.getValue(), f + " used as both variable and function");
            }
        }
        List<MechanismInterface.Variable> rangeParameters = new ArrayList<>();
        List<MechanismInterface.Variable> rangeAssigned = new ArrayList<>();
        List<MechanismInterface.Variable> states = new ArrayList<>();
        List<MechanismInterface.Variable> hidden = new ArrayList<>();
        List<MechanismInterface.Variable> globals = new ArrayList<>();
        for (Declared d : declared.values()) {
            if (d.block == Block.CONSTANT) {
                if (ionVariables.contains(d.variable.name())) {
                    throw new NmodlSyntaxException(d.position, d.variable.name()
                            + " used in USEION statement can not be re-declared in a CONSTANT block");
                }
                continue;
            }
            String n = d.variable.name();
            // As nocmodl: concentrations and reversal potentials are the ion's; an ion current is
            // the mechanism's own range variable when RANGE lists it. Unlisted, nocmodl keeps a
            // private copy the engine does not need (the kernel adds into the ion directly).
            boolean ionOnly = ionVariables.contains(n) && !(ionCurrents.contains(n) && range.contains(n));
            if (NEURON_VARIABLES.contains(n) || ionOnly || notStoredHere.contains(n)) {
                continue;
            }
            switch (d.block) {
                case STATE -> states.add(d.variable);
                case PARAMETER -> (range.contains(n) ? rangeParameters : globals).add(d.variable);
                case INITIAL_VALUE -> {
                    if (range.contains(n)) {
                        rangeParameters.add(d.variable);
                    } else if (global.contains(n)) {
                        globals.add(d.variable);
                    }
                }
                case ASSIGNED -> {
                    if (range.contains(n)) {
                        rangeAssigned.add(d.variable);
                    } else if (global.contains(n)) {
                        globals.add(d.variable);
                    } else {
                        hidden.add(d.variable);
                    }
                }
                default -> throw new IllegalStateException(d.block.name());
            }
        }
        if (usesTable) {
            // nocmodl installs usetable_<suffix> (on by default) when it meets the first TABLE
            globals.add(new MechanismInterface.Variable("usetable", "", 1.0, 0));
        }
        return new MechanismInterface(name, kind, List.copyOf(rangeParameters), List.copyOf(rangeAssigned),
                List.copyOf(states), List.copyOf(hidden), List.copyOf(globals), List.copyOf(ions),
                List.copyOf(nonspecific), List.copyOf(electrode), List.copyOf(currents), List.copyOf(pointers),
                threadsafe);
    }

    private void neuronStatement(NeuronStatement statement) {
        if (statement instanceof NeuronStatement.Suffix suffix) {
            name = suffix.name();
            kind = suffix.kind();
        } else if (statement instanceof NeuronStatement.UseIon use) {
            ionVariables.addAll(use.read());
            ionVariables.addAll(use.write());
            ionCurrents.add("i" + use.ion());
            use.write().stream().filter(w -> w.equals("i" + use.ion())).forEach(currents::add);
            ions.add(new MechanismInterface.Ion(use.ion(), use.read(), use.write(), use.valence()));
        } else if (statement instanceof NeuronStatement.Names names) {
            switch (names.kind()) {
                case RANGE -> range.addAll(names.names());
                case GLOBAL -> global.addAll(names.names());
                case NONSPECIFIC_CURRENT -> {
                    range.addAll(names.names());
                    nonspecific.addAll(names.names());
                    currents.addAll(names.names());
                }
                case ELECTRODE_CURRENT -> {
                    range.addAll(names.names());
                    electrode.addAll(names.names());
                    currents.addAll(names.names());
                }
                case POINTER, BBCOREPOINTER -> {
                    pointers.addAll(names.names());
                    notStoredHere.addAll(names.names());
                }
                case EXTERNAL, RANDOM -> notStoredHere.addAll(names.names());
            }
        } else if (statement instanceof NeuronStatement.Threadsafe) {
            threadsafe = true;
        }
    }

    /** INITIAL_VALUE: the s0 nocmodl declares for each STATE s (START's value), unless the file declares it. */
    private enum Block { PARAMETER, ASSIGNED, STATE, CONSTANT, INITIAL_VALUE }

    private record Declared(Block block, MechanismInterface.Variable variable, SourcePosition position) {}

    /** Every PARAMETER, ASSIGNED, STATE and CONSTANT declaration, in file order; a second declaration is an error. */
    private Map<String, Declared> declarations() {
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Parameters parameters) {
                for (Declaration.Parameter p : parameters.parameters()) {
                    // what NEURON's generated C holds: the default as printed with %g
                    double value = p.value() == null ? 0.0 : PrintfG.roundTrip(p.value().value());
                    declare(declared, new Declared(Block.PARAMETER, variable(p.name(), p.unit(), value, p.arraySize()),
                            p.position()));
                }
            } else if (item instanceof ModelItem.Variables variables) {
                Block block = variables.state() ? Block.STATE : Block.ASSIGNED;
                for (Declaration.Variable v : variables.variables()) {
                    declare(declared, new Declared(block, variable(v.name(), v.unit(), 0.0, v.arraySize()),
                            v.position()));
                    if (variables.state()) {
                        double start = v.start() == null ? 0.0 : PrintfG.roundTrip(v.start().value());
                        declared.putIfAbsent(v.name() + "0", new Declared(Block.INITIAL_VALUE,
                                variable(v.name() + "0", v.unit(), start, 0), v.position()));
                    }
                }
            } else if (item instanceof ModelItem.Constants constants) {
                for (Declaration.Constant c : constants.constants()) {
                    declare(declared, new Declared(Block.CONSTANT,
                            variable(c.name(), c.unit(), c.value().value(), 0), c.position()));
                }
            }
        }
        return declared;
    }

    private static MechanismInterface.Variable variable(String name, String unit, double value, int arraySize) {
        return new MechanismInterface.Variable(name, unit == null ? "" : unit.strip(), value, arraySize);
    }

    private static void declare(Map<String, Declared> declared, Declared d) {
        Declared before = declared.get(d.variable.name());
        if (before != null && before.block == Block.INITIAL_VALUE) {
            // declaring s0 explicitly is allowed; it keeps its place in nocmodl's order
            declared.put(d.variable.name(), new Declared(d.block, d.variable, d.position));
            return;
        }
        if (declared.putIfAbsent(d.variable.name(), d) != null) {
            throw new NmodlSyntaxException(d.position, "Multiple declaration of " + d.variable.name());
        }
    }

    /** FUNCTION, PROCEDURE and FUNCTION_TABLE names; notes whether any TABLE statement exists. */
    private Map<String, SourcePosition> functions() {
        Map<String, SourcePosition> functions = new HashMap<>();
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Function function) {
                functions.put(function.name(), function.position());
                usesTable |= function.body().stream().anyMatch(s -> s instanceof Statement.Table);
            } else if (item instanceof ModelItem.FunctionTable table) {
                functions.put(table.name(), table.position());
            }
        }
        return functions;
    }
}
