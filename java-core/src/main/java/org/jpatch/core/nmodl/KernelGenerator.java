package org.jpatch.core.nmodl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Declaration;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * Java source of a {@link org.jpatch.core.mech.MechanismKernel} for a .mod file, in the
 * shape of nocmodl's C: INITIAL sets each state to its s0 then runs the block; currents
 * are evaluated at v + 0.001 and v (conductance by that difference, point processes
 * scaled by 100/area); SOLVE … METHOD cnexp updates each state in place as
 * {@code s + (1 - exp(dt·a))·(-f0/a - s)}.
 *
 * <p>This first translator covers density mechanisms and point processes with scalar
 * PARAMETER/ASSIGNED/STATE, PARAMETER/ASSIGNED/STATE/GLOBAL/LOCAL arrays, file-scope
 * LOCAL, CONSTANT and UNITS constants, INITIAL, BREAKPOINT with NONSPECIFIC_CURRENT,
 * ELECTRODE_CURRENT or (density mechanisms) ion currents, reading ion variables and
 * writing concentrations ({@link IonVariables}), DERIVATIVE blocks solved by cnexp (linear
 * in their state), derivimplicit (scopmath's Newton, {@link DerivImplicit}) or euler,
 * NONLINEAR blocks by newton ({@link NonlinearSystem}), FUNCTION_TABLE
 * ({@link FunctionTable}), KINETIC blocks by sparse ({@link KineticSystem},
 * {@link KineticSparse}), FUNCTION and
 * PROCEDURE with TABLE, LOCAL, if/else, while, FROM loops, printf, and NET_RECEIVE with
 * its INITIAL, net_send, net_event, net_move, WATCH ({@link NetReceiveEvents}) and
 * FOR_NETCONS; ARTIFICIAL_CELLs, POINTERs of point processes, SOLVE of a PROCEDURE.
 * Anything else is refused with its file:line:column, never skipped. current() and state()
 * also run over a range of instances, for the two-thread step ({@link ThreadSplitCode}).
 */
final class KernelGenerator {
    static final String PACKAGE = "jpatch.generated";
    /** In the Java text of an array variable, where its element index goes. */
    private static final String INDEX = "@index";
    /** The element part of a per-instance or local array's Java text. */
    private static final String ELEMENT = "[" + INDEX + "]";
    /** MechanismKernel's protected bindings (type, name), copied into private fields: see declareBindingCopies. */
    private static final String[][] BINDINGS = {
            {"org.jpatch.core.mech.InstanceData", "data"},
            {"org.jpatch.core.mech.NodeData", "nodes"},
            {"org.jpatch.core.mech.GlobalState", "globals"},
            {"double[]", "typeGlobals"},
    };

    private final NmodlFile file;
    private final MechanismInterface mechanism;
    private final Map<String, Double> unitConstants;
    private final List<ModelItem> items;
    /** Name to Java text for everything visible in every block. */
    private final Map<String, String> fileScope = new HashMap<>();
    private final Map<String, String> functions = new HashMap<>();
    private IonVariables ionVariables;
    /** Every STATE, ion variables declared STATE included: 0 for a scalar, else its array size. */
    private final Map<String, Integer> stateSizes = new java.util.LinkedHashMap<>();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private final StringBuilder out = new StringBuilder();
    private final JavaExpressionWriter expressions;
    private String currentFunction;
    private final List<String> checks = new ArrayList<>();
    /** While translating a KINETIC block for sparse: its states' rows. */
    private KineticSystem kineticSystem;
    /** KINETIC blocks some SOLVE names, by name; their solver fields are declared once. */
    private final Map<String, KineticSystem> kineticSystems = new java.util.LinkedHashMap<>();
    private final Set<String> kineticFieldsDeclared = new HashSet<>();
    /** NONLINEAR blocks some SOLVE names, by name; their solver fields are declared at the class's end. */
    private final Map<String, NonlinearSystem> nonlinearSystems = new java.util.LinkedHashMap<>();
    /** While translating a NONLINEAR block's residuals: the next equation's index, else -1. */
    private int nonlinearEquations = -1;
    /** Where net_send finds the weights its event carries: "weights" in NET_RECEIVE, "null" in INITIAL, else null. */
    private String eventWeights;
    /** While translating INITIAL, where SOLVE ... STEADYSTATE may appear. */
    private boolean inInitial;
    /** While translating NET_RECEIVE's INITIAL block, where event calls other than net_send are refused. */
    private boolean inNetReceiveInitial;
    /** While translating a block for derivimplicit: where each state's derivative goes. */
    private Map<String, String> derivativeSlots;
    /** While emitting ode_matsol: each state's slot in CVODE's b, divided by 1 - γ·∂f/∂s at its equation. */
    private Map<String, String> matsolSlots;
    private int indent;
    private final NetReceiveEvents netReceiveEvents;
    /** POINTER variables by name: their index in the instance's pointer targets. */
    private final Map<String, Integer> pointers = new HashMap<>();
    /** Depth of FOR_NETCONS loops being translated, for their Java names. */
    private int forNetconsDepth;

    private KernelGenerator(NmodlFile file, MechanismInterface mechanism, Map<String, Double> unitConstants) {
        this.file = file;
        this.mechanism = mechanism;
        this.unitConstants = unitConstants;
        this.items = file.flatItems();
        this.expressions = new JavaExpressionWriter(new JavaExpressionWriter.Names() {
            @Override
            public String variable(Expression.VariableRef ref) {
                return resolve(ref);
            }

            @Override
            public String function(String name) {
                return functions.get(name);
            }

            @Override
            public String pointing(String name) {
                Integer p = pointers.get(name);
                return p == null ? null : "(data.pointers[k][" + p + "] != null ? 1.0 : 0.0)";
            }
        });
        this.netReceiveEvents = new NetReceiveEvents(expressions);
    }

    /** The Java class name generated for a mechanism. */
    static String className(MechanismInterface mechanism) {
        return "Kernel_" + mechanism.name().replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String generate(NmodlFile file, MechanismInterface mechanism, Map<String, Double> unitConstants) {
        return new KernelGenerator(file, mechanism, unitConstants).source();
    }

    private String source() {
        refuseUnsupportedInterface();
        ModelItem.NetReceive netReceive = find(ModelItem.NetReceive.class);
        line("package " + PACKAGE + ";");
        line("");
        // javac reads unicode escapes even in comments: keep backslashes out of the file name
        line("/** Generated by jpatch from " + file.file().replace('\\', '/').replace("*/", "*_/") + ". */");
        List<String> interfaces = new ArrayList<>();
        if (netReceive != null) {
            interfaces.add(receiverInterfaces(netReceive));
        }
        if (find(ModelItem.FunctionTable.class) != null) {
            interfaces.add("org.jpatch.core.nmodl.FunctionTables");
        }
        ThreadSplitCode threads = new ThreadSplitCode(className(mechanism), ThreadSafety.of(items, mechanism),
                name -> fileScope.get(name).replace(ELEMENT, ""), ThreadSafety.topLocals(items));
        interfaces.add(threads.interfaceNames());
        line("public final class " + className(mechanism) + " extends org.jpatch.core.mech.MechanismKernel"
                + (interfaces.isEmpty() ? " {" : " implements " + String.join(", ", interfaces) + " {"));
        indent++;
        declareBindingCopies();
        declareFields();
        line("private int k;       // the instance being computed, as nocmodl's _iml");
        line("private double v;    // its membrane potential [mV]");
        threads.ownerField().forEach(this::line);
        bound();
        initialize();
        // NEURON's fixed step never runs an artificial cell's BREAKPOINT
        boolean currents = !artificial() && current();
        boolean states = !artificial() && state();
        threads.methods(currents, states).forEach(this::line);
        if (!artificial()) {
            cvodeForms();
        }
        if (netReceive != null) {
            netReceive(netReceive);
            watchValue();
        }
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Function function) {
                function(function);
            }
        }
        for (String name : List.copyOf(kineticSystems.keySet())) {
            declareKineticFields(codeBlock(ModelItem.BlockKind.KINETIC, name));  // solved in INITIAL or a FUNCTION only
        }
        // last: SOLVEs anywhere above may have named NONLINEAR blocks
        for (String name : List.copyOf(nonlinearSystems.keySet())) {
            declareNonlinearFields(codeBlock(ModelItem.BlockKind.NONLINEAR, name));
        }
        checkTables();
        functionTables();
        pointerAccess();
        indent--;
        line("}");
        return out.toString();
    }

    /** NetReceiver, and what its NET_RECEIVE needs beyond that: an INITIAL block, WATCH conditions. */
    private static String receiverInterfaces(ModelItem.NetReceive netReceive) {
        String receiver = netReceiveInitial(netReceive) == null ? "org.jpatch.core.mech.NetReceiver"
                : "org.jpatch.core.mech.NetReceiveInitial";
        return containsWatch(netReceive.body()) ? receiver + ", org.jpatch.core.mech.WatchConditions" : receiver;
    }

    private static boolean containsWatch(List<Statement> body) {
        for (Statement s : body) {
            if (s instanceof Statement.Watch
                    || s instanceof Statement.If i && (containsWatch(i.body()) || containsWatch(i.elseBody()))
                    || s instanceof Statement.Block b && containsWatch(b.body())
                    || s instanceof Statement.While w && containsWatch(w.body())
                    || s instanceof Statement.FromLoop f && containsWatch(f.body())
                    || s instanceof Statement.ForNetcons n && containsWatch(n.body())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An artificial cell has no node: its kernels never read v (nocmodl leaves its v at 0),
     * and it is in none of the thread's mechanism lists, so its BREAKPOINT never runs.
     */
    private boolean artificial() {
        return mechanism.kind() == NeuronStatement.MechanismDeclaration.ARTIFICIAL_CELL;
    }

    /** The line setting the kernel's v to the instance's node voltage; nothing for an artificial cell. */
    private void loadV() {
        if (!artificial()) {
            line("v = nodes.v[data.node[k]];");
        }
    }

    private void refuseUnsupportedInterface() {
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Neuron neuron) {
                for (NeuronStatement statement : neuron.statements()) {
                    refuseUnsupported(statement);
                }
            } else if (item instanceof ModelItem.CodeBlock block && block.kind() != ModelItem.BlockKind.INITIAL
                    && block.kind() != ModelItem.BlockKind.BREAKPOINT && block.kind() != ModelItem.BlockKind.DERIVATIVE
                    && block.kind() != ModelItem.BlockKind.KINETIC && block.kind() != ModelItem.BlockKind.LINEAR
                    && block.kind() != ModelItem.BlockKind.NONLINEAR) {
                throw unsupported(block.position(), block.kind() + " blocks");
            } else if (item instanceof ModelItem.FunctionTable table && table.arguments().size() > 2) {
                throw unsupported(item.position(), "FUNCTION_TABLE of more than two arguments");
            } else if (item instanceof ModelItem.BeforeAfter) {
                throw unsupported(item.position(), "BEFORE/AFTER blocks");
            }
            // INDEPENDENT only names t, which NEURON provides: nothing to translate
        }
    }

    private void refuseUnsupported(NeuronStatement statement) {
        if (statement instanceof NeuronStatement.UseIon use) {
            for (String written : use.write()) {
                if (written.equals("e" + use.ion())) {
                    throw unsupported(statement.position(), "writing " + written + " (reversal potentials)");
                }
            }
            IonVariables.requireConcentrationAssignments(use, items);
        } else if (statement instanceof NeuronStatement.Names names) {
            switch (names.kind()) {
                case RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT -> { }
                case POINTER -> {
                    if (!mechanism.isPointProcess()) {
                        throw unsupported(statement.position(), "POINTER variables of density mechanisms");
                    }
                }
                default -> throw unsupported(statement.position(), names.kind() + " variables");
            }
        }
    }

    private void declareFields() {
        for (List<MechanismInterface.Variable> group : List.of(mechanism.rangeParameters(), mechanism.rangeAssigned(),
                mechanism.states(), mechanism.hiddenAssigned())) {
            for (MechanismInterface.Variable variable : group) {
                String field = "r_" + variable.name();
                if (variable.arraySize() > 0) {
                    // element j is column j of the array's columns: r_x[j][k]
                    line("private final double[][] " + field + " = new double[" + variable.arraySize() + "][];"
                            + unitComment(variable.unit()));
                    fileScope.put(variable.name(), field + ELEMENT + "[k]");
                } else {
                    line("private double[] " + field + ";" + unitComment(variable.unit()));
                    fileScope.put(variable.name(), field + "[k]");
                }
            }
        }
        int slot = 0;
        for (MechanismInterface.Variable global : mechanism.globals()) {
            // a GLOBAL array x[N] is N consecutive globals x_suffix[0] .. x_suffix[N-1]
            fileScope.put(global.name(), "typeGlobals[" + slot + (global.arraySize() > 0 ? " + " + INDEX : "") + "]");
            slot += Math.max(1, global.arraySize());
        }
        for (var constant : unitConstants.entrySet()) {
            defineConstant(constant.getKey(), constant.getValue());
        }
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Constants constants) {
                for (Declaration.Constant c : constants.constants()) {
                    defineConstant(c.name(), c.value().value());
                }
            } else if (item instanceof ModelItem.Variables variables && variables.state()) {
                for (Declaration.Variable s : variables.variables()) {
                    // nocmodl's s0: a file-wide constant unless the file makes it RANGE or GLOBAL
                    fileScope.putIfAbsent(s.name() + "0",
                            javaDouble(s.start() == null ? 0.0 : PrintfG.roundTrip(s.start().value())));
                    stateSizes.put(s.name(), s.arraySize());
                }
            } else if (item instanceof ModelItem.TopLocal topLocal) {
                declareTopLocals(topLocal);
            }
        }
        ionVariables = new IonVariables(mechanism, IonVariables.assignedNames(items), fileScope);
        ionVariables.fields().forEach(this::line);
        // nocmodl's diam and area: the node's segment diameter [um] and area [um2]
        fileScope.put("diam", "nodes.diam[data.node[k]]");
        fileScope.put("area", "nodes.area[data.node[k]]");
        for (int p = 0; p < mechanism.pointers().size(); p++) {
            pointers.put(mechanism.pointers().get(p), p);
            fileScope.put(mechanism.pointers().get(p), "pointer(" + p + ").get()");
        }

        fileScope.put("t", "globals.t");
        fileScope.put("dt", "globals.dt");
        fileScope.put("celsius", "globals.celsius");
        fileScope.put("v", "v");
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Function function) {
                functions.put(function.name(), (function.procedure() ? "p_" : "f_") + function.name());
            } else if (item instanceof ModelItem.FunctionTable table) {
                line("private final org.jpatch.core.nmodl.FunctionTable ft_" + table.name()
                        + " = new org.jpatch.core.nmodl.FunctionTable(\"" + table.name() + "\", "
                        + table.arguments().size() + ");");
                functions.put(table.name(), ThreadSplitCode.OWNER + ".ft_" + table.name() + ".value");
            }
        }
    }

    /**
     * Top-level LOCAL: nocmodl's static (per thread, when thread safe) doubles, one value
     * shared by all instances of the type, starting at 0.
     */
    private void declareTopLocals(ModelItem.TopLocal topLocal) {
        for (Statement.LocalVariable variable : topLocal.local().variables()) {
            String field = "z_" + variable.name();
            if (variable.arraySize() > 0) {
                line("private final double[] " + field + " = new double[" + variable.arraySize() + "];");
                fileScope.put(variable.name(), field + ELEMENT);
            } else {
                line("private double " + field + ";");
                fileScope.put(variable.name(), field);
            }
        }
    }

    private void defineConstant(String name, double value) {
        String field = "c_" + name;
        line("private static final double " + field + " = " + javaDouble(value) + ";");
        fileScope.put(name, field);
    }

    /** A double literal that reads back as exactly this value. */
    private static String javaDouble(double value) {
        return Double.isFinite(value) ? Double.toHexString(value) : Double.toString(value);
    }

    private static String unitComment(String unit) {
        return unit.isEmpty() ? "" : " // [" + unit + "]";
    }

    /**
     * Private copies of MechanismKernel's protected bindings, set in bound(). Janino, unlike
     * javac, gives nested classes no accessor for a protected member inherited from another
     * package, so the anonymous solver blocks could not read them; a private field they can.
     */
    private void declareBindingCopies() {
        for (String[] binding : BINDINGS) {
            line("private " + binding[0] + " " + binding[1] + ";");
        }
    }

    private void bound() {
        line("");
        line("@Override");
        line("protected void bound() {");
        indent++;
        for (String[] binding : BINDINGS) {
            line(binding[1] + " = super." + binding[1] + ";");
        }
        int index = 0;
        for (List<MechanismInterface.Variable> group : List.of(mechanism.rangeParameters(), mechanism.rangeAssigned(),
                mechanism.states(), mechanism.hiddenAssigned())) {
            for (MechanismInterface.Variable variable : group) {
                if (variable.arraySize() == 0) {
                    line("r_" + variable.name() + " = data.vars[" + index++ + "];");
                }
                for (int j = 0; j < variable.arraySize(); j++) {
                    line("r_" + variable.name() + "[" + j + "] = data.vars[" + index++ + "];");
                }
            }
        }
        ionVariables.bind().forEach(this::line);
        indent--;
        line("}");
    }

    private void initialize() {
        ModelItem.CodeBlock initial = codeBlock(ModelItem.BlockKind.INITIAL, null);
        line("");
        line("@Override");
        line("public void initialize() {");
        indent++;
        line("for (k = 0; k < data.count; k++) {");
        indent++;
        loadV();
        ionVariables.copyIn().forEach(this::line);

        for (MechanismInterface.Variable state : mechanism.states()) {
            String s = fileScope.get(state.name()), s0 = fileScope.get(state.name() + "0");
            if (state.arraySize() == 0) {
                line(s + " = " + s0 + ";");
            }
            for (int j = 0; j < state.arraySize(); j++) {
                line(s.replace(INDEX, String.valueOf(j)) + " = " + s0 + ";");
            }
        }
        if (initial != null) {
            inInitial = true;
            eventWeights = "null";
            statements(initial.body());
            eventWeights = null;
            inInitial = false;
        }
        ionVariables.writeBack().forEach(this::line);
        ionVariables.wroteConcentrations().forEach(this::line);
        indent--;
        line("}");
        indent--;
        line("}");
    }

    /**
     * The target of the instance's POINTER p. Where NEURON would read or write through a
     * null pointer, the engine says which POINTER was never set.
     */
    private void pointerAccess() {
        if (pointers.isEmpty()) {
            return;
        }
        line("");
        line("private org.jpatch.core.ref.VarRef pointer(int p) {");
        indent++;
        line("org.jpatch.core.ref.VarRef target = data.pointers[k][p];");
        line("if (target == null) {");
        line("    throw new org.jpatch.core.ModelException(\"POINTER \" + " + "data.type.pointers().get(p) + \" of "
                + mechanism.name() + " instance \" + k + \" points nowhere: set it first (setpointer)\");");
        line("}");
        line("return target;");
        indent--;
        line("}");
    }

    /** BREAKPOINT without its SOLVE: nocmodl's _nrn_current, then the matrix contributions of nrn_cur/nrn_jacob. */
    private boolean current() {
        ModelItem.CodeBlock breakpoint = codeBlock(ModelItem.BlockKind.BREAKPOINT, null);
        List<String> currents = mechanism.currents();
        if (breakpoint == null || currents.isEmpty()) {
            return false;
        }
        line("");
        line("private double currentAt(double vNow) {");
        indent++;
        line("double current = 0.;");
        line("v = vNow;");
        statements(breakpoint.body().stream().filter(s -> !(s instanceof Statement.Solve)).toList());
        for (String name : currents) {
            line("current += " + fileScope.get(name) + ";");
        }
        line("return current;");
        indent--;
        line("}");
        List<String> ionCurrents = new ArrayList<>();
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            ionCurrents.addAll(IonVariables.writtenCurrents(ion));
        }
        boolean electrode = !mechanism.electrodeCurrents().isEmpty();
        // a point process's ion currents [nA] join the ion's [mA/cm2] at its node, as nocmodl's _nd_area
        String perArea = mechanism.isPointProcess() ? " * 1.e2 / area[nd]" : "";
        line("");
        line("@Override");
        line("public void current() {");
        line("    current(0, data.count);");
        line("}");
        line("");
        line("public void current(int from, int to) {");
        indent++;
        line("int[] node = data.node;");
        line("double[] nv = nodes.v, rhs = nodes.rhs, d = nodes.d, area = nodes.area;");
        line("for (k = from; k < to; k++) {");
        indent++;
        line("int nd = node[k];");
        line("double vk = nv[nd];");
        ionVariables.copyIn().forEach(this::line);
        List<Statement.Conductance> hints = new ArrayList<>();
        collectConductanceHints(breakpoint.body(), hints);
        if (hints.isEmpty()) {
            line("double gLocal = currentAt(vk + .001);");
            for (String current : ionCurrents) {
                line("double d_" + current + " = " + fileScope.get(current) + ";");
            }
            line("double r = currentAt(vk);");
            for (MechanismInterface.Ion ion : mechanism.ions()) {
                for (String current : IonVariables.writtenCurrents(ion)) {
                    line("x_d" + current + "_dv_[row_" + ion.ion() + "[k]] += (d_" + current + " - "
                            + fileScope.get(current) + ") / .001" + perArea + ";");
                }
            }
            line("double g = (gLocal - r) / .001;");
        } else {
            conductanceHints(hints, ionCurrents, perArea);
        }
        ionVariables.writeBack().forEach(this::line);
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            for (String current : IonVariables.writtenCurrents(ion)) {
                line("x_" + current + "[row_" + ion.ion() + "[k]] += " + fileScope.get(current) + perArea + ";");
            }
        }
        if (mechanism.isPointProcess()) {
            line("g *= 1.e2 / area[nd];   // nA and uS to mA/cm2 and S/cm2 on this node");
            line("r *= 1.e2 / area[nd];");
        }
        line(electrode ? "rhs[nd] += r;" : "rhs[nd] -= r;");
        line(electrode ? "d[nd] -= g;" : "d[nd] += g;");
        indent--;
        line("}");
        indent--;
        line("}");
        return true;
    }

    /** The CONDUCTANCE statements of a block, nested ones too, in text order (nocmodl's conductance_ list). */
    private static void collectConductanceHints(List<Statement> body, List<Statement.Conductance> hints) {
        for (Statement s : body) {
            if (s instanceof Statement.Conductance hint) {
                hints.add(hint);
            } else if (s instanceof Statement.If branch) {
                collectConductanceHints(branch.body(), hints);
                collectConductanceHints(branch.elseBody(), hints);
            } else if (s instanceof Statement.While loop) {
                collectConductanceHints(loop.body(), hints);
            } else if (s instanceof Statement.FromLoop loop) {
                collectConductanceHints(loop.body(), hints);
            } else if (s instanceof Statement.Block block) {
                collectConductanceHints(block.body(), hints);
            }
        }
    }

    /**
     * nocmodl's nrn_cur under CONDUCTANCE hints (conductance_cout): BREAKPOINT once at v,
     * the conductance the sum of the hinted ones in their order (a current without a hint
     * adds none, as in NEURON), and each hinted ion's dI/dv that conductance.
     */
    private void conductanceHints(List<Statement.Conductance> hints, List<String> ionCurrents, String perArea) {
        line("double r = currentAt(vk);");
        List<String> conductances = new ArrayList<>();
        for (Statement.Conductance hint : hints) {
            String conductance = fileScope.get(hint.conductance());
            if (conductance == null) {
                throw unsupported(hint.position(), "CONDUCTANCE " + hint.conductance()
                        + " (a LOCAL of BREAKPOINT or an unknown name)");
            }
            conductances.add(conductance);
            if (hint.ion() != null) {
                String current = "i" + hint.ion();
                if (!ionCurrents.contains(current)) {
                    throw new NmodlSyntaxException(hint.position(), "CONDUCTANCE " + hint.conductance()
                            + " USEION " + hint.ion() + ": " + current + " is not WRITTEN by a USEION "
                            + hint.ion() + " statement");
                }
                line("x_d" + current + "_dv_[row_" + hint.ion() + "[k]] += " + conductance + perArea + ";");
            }
        }
        line("double g = " + String.join(" + ", conductances) + ";");
    }

    /**
     * nocmodl's nrn_state: BREAKPOINT's SOLVEs, each an emitter of its step (the solver
     * fields they need are declared here, at class level, first); a mechanism without
     * currents, which has no nrn_cur, then runs the rest of its BREAKPOINT here.
     */
    private boolean state() {
        ModelItem.CodeBlock breakpoint = codeBlock(ModelItem.BlockKind.BREAKPOINT, null);
        List<Statement.Solve> solves = breakpoint == null ? List.of() : breakpoint.body().stream()
                .filter(s -> s instanceof Statement.Solve).map(s -> (Statement.Solve) s).toList();
        List<Statement> rest = breakpoint == null || !mechanism.currents().isEmpty() ? List.of()
                : breakpoint.body().stream().filter(s -> !(s instanceof Statement.Solve)).toList();
        if (solves.isEmpty() && rest.isEmpty()) {
            return false;
        }
        List<Runnable> steps = new ArrayList<>();
        for (Statement.Solve solve : solves) {
            steps.add(solveStep(solve));
        }
        line("");
        line("@Override");
        line("public void state() {");
        line("    state(0, data.count);");
        line("}");
        line("");
        line("public void state(int from, int to) {");
        indent++;
        line("for (k = from; k < to; k++) {");
        indent++;
        loadV();
        ionVariables.copyIn().forEach(this::line);
        steps.forEach(Runnable::run);
        statements(rest);
        ionVariables.writeBack().forEach(this::line);
        indent--;
        line("}");
        indent--;
        line("}");
        return true;
    }

    /**
     * The variable step's view of a BREAKPOINT whose one SOLVE is a DERIVATIVE block by
     * cnexp (nocmodl's _ode_count, _ode_map, _ode_spec, _ode_matsol): the states in the
     * block's equation order; ode_spec runs the block with each s' = f stored as the
     * derivative; ode_matsol runs it again with each s' = f replaced by
     * D_s /= 1 - dt·∂f/∂s, dt being γ there (NEURON sets _dt = γ for the solve). Other
     * forms emit nothing, and the variable step refuses the mechanism by name.
     */
    private void cvodeForms() {
        ModelItem.CodeBlock breakpoint = codeBlock(ModelItem.BlockKind.BREAKPOINT, null);
        if (breakpoint == null) {
            return;
        }
        List<Statement.Solve> solves = breakpoint.body().stream().filter(st -> st instanceof Statement.Solve)
                .map(st -> (Statement.Solve) st).toList();
        if (solves.size() != 1 || !"cnexp".equals(solves.get(0).method())) {
            return;
        }
        ModelItem.CodeBlock derivative = codeBlock(ModelItem.BlockKind.DERIVATIVE, solves.get(0).block());
        if (derivative == null || !linearInTheirStates(derivative.body()) || !ionVariables.writeBack().isEmpty()) {
            return;
        }
        List<String> states = derivativeStates(derivative);
        List<Integer> columns = new ArrayList<>();
        for (String state : states) {
            int column = stateColumn(state);
            if (column < 0) {
                return;  // an ion concentration or an array: not an ODE of this kernel's own
            }
            columns.add(column);
        }
        int n = states.size();
        line("");
        line("private static final int[] ODE_STATES = {" + String.join(", ", columns.stream().map(String::valueOf).toList())
                + "};");
        line("");
        line("@Override");
        line("protected int[] odeStateColumns() {");
        line("    return ODE_STATES;");
        line("}");
        line("");
        line("@Override");
        line("public void odeSpec(double[] ydot, int offset) {");
        indent++;
        line("for (k = 0; k < data.count; k++) {");
        indent++;
        loadV();
        ionVariables.copyIn().forEach(this::line);
        derivativeSlots = new HashMap<>();
        for (int j = 0; j < n; j++) {
            derivativeSlots.put(states.get(j), "ydot[offset + k * " + n + " + " + j + "]");
        }
        statements(derivative.body());
        derivativeSlots = null;
        indent--;
        line("}");
        indent--;
        line("}");
        line("");
        line("@Override");
        line("public void odeMatsol(double[] b, int offset, double gamma) {");
        indent++;
        line("for (k = 0; k < data.count; k++) {");
        indent++;
        loadV();
        ionVariables.copyIn().forEach(this::line);
        matsolSlots = new HashMap<>();
        for (int j = 0; j < n; j++) {
            matsolSlots.put(states.get(j), "b[offset + k * " + n + " + " + j + "]");
        }
        scopes.push(Map.of("dt", "gamma"));
        statements(derivative.body());
        scopes.pop();
        matsolSlots = null;
        indent--;
        line("}");
        indent--;
        line("}");
    }

    /** The column of a scalar STATE in data.vars (bound()'s order), or -1 when it is no scalar STATE of this mechanism. */
    private int stateColumn(String state) {
        int index = 0;
        for (List<MechanismInterface.Variable> group : List.of(mechanism.rangeParameters(), mechanism.rangeAssigned(),
                mechanism.states(), mechanism.hiddenAssigned())) {
            for (MechanismInterface.Variable variable : group) {
                if (group == mechanism.states() && variable.name().equals(state)) {
                    return variable.arraySize() == 0 ? index : -1;
                }
                index += Math.max(1, variable.arraySize());
            }
        }
        return -1;
    }

    private Runnable solveStep(Statement.Solve solve) {
        String procedure = solvedProcedure(solve);
        if (procedure != null) {
            return () -> line(procedure + "();");
        }
        ModelItem.CodeBlock kinetic = codeBlock(ModelItem.BlockKind.KINETIC, solve.block());
        if (kinetic != null) {
            if (!"sparse".equals(solve.method()) || !"METHOD".equals(solve.methodKeyword())) {
                throw unsupported(solve.position(), "SOLVE of a KINETIC block without METHOD sparse");
            }
            KineticSystem system = kineticSystem(kinetic);
            String name = declareKineticFields(kinetic);
            return () -> kineticSparseStep(name, system);
        }
        if (codeBlock(ModelItem.BlockKind.LINEAR, solve.block()) != null) {
            throw unsupported(solve.position(), "SOLVE of a LINEAR block outside INITIAL");
        }
        ModelItem.CodeBlock nonlinear = codeBlock(ModelItem.BlockKind.NONLINEAR, solve.block());
        if (nonlinear != null) {
            if (solve.method() != null && !"newton".equals(solve.method())) {
                throw unsupported(solve.position(), "SOLVE of a NONLINEAR block by METHOD " + solve.method());
            }
            nonlinearSystem(nonlinear);
            return () -> nonlinearSolve(nonlinear);
        }
        ModelItem.CodeBlock derivative = derivativeBlock(solve);
        if ("cnexp".equals(solve.method()) && linearInTheirStates(derivative.body())) {
            return () -> statements(derivative.body());
        }
        // without METHOD, nocmodl solves a DERIVATIVE block by derivimplicit
        if (solve.method() == null || "cnexp".equals(solve.method()) || "derivimplicit".equals(solve.method())) {
            // nocmodl, too, solves a block it cannot do by cnexp with derivimplicit, silently
            String name = derivImplicitBlock(derivative);
            return () -> derivImplicitStep(name, derivative);
        }
        if ("euler".equals(solve.method())) {
            return () -> eulerStep(derivative);
        }
        throw unsupported(solve.position(), "SOLVE of a DERIVATIVE block by METHOD " + solve.method());
    }

    /**
     * METHOD euler as scopmath's euler_thread: the block once for every derivative, then
     * each state += dt·D in the block's equation order; nocmodl's nrn_state halves dt
     * under secondorder and then adds dt·D once more.
     */
    private void eulerStep(ModelItem.CodeBlock derivative) {
        List<String> states = derivativeStates(derivative);
        line("{");
        indent++;
        line("double dtEuler = globals.secondorder != 0 ? globals.dt * 0.5 : globals.dt;");
        derivativeSlots = new HashMap<>();
        for (String state : states) {
            stateField(state, derivative);
            line("double d_" + state + " = 0.;");
            derivativeSlots.put(state, "d_" + state);
        }
        scopes.push(Map.of("dt", "dtEuler"));
        statements(derivative.body());
        scopes.pop();
        derivativeSlots = null;
        for (String state : states) {
            line(fileScope.get(state) + " += dtEuler * d_" + state + ";");
        }
        line("if (globals.secondorder != 0) {");
        for (String state : states) {
            line("    " + fileScope.get(state) + " += dtEuler * d_" + state + ";");
        }
        line("}");
        indent--;
        line("}");
    }

    private NonlinearSystem nonlinearSystem(ModelItem.CodeBlock nonlinear) {
        return nonlinearSystems.computeIfAbsent(nonlinear.name(), name -> NonlinearSystem.of(nonlinear, mechanism));
    }

    /** SOLVE of a NONLINEAR block: scopmath's newton on its residuals; NEURON aborts the run when it fails. */
    private void nonlinearSolve(ModelItem.CodeBlock nonlinear) {
        String name = nonlinear.name();
        line("if (newton_" + name + ".solve(nonlinear_" + name + ") != null) {");
        line("    throw new IllegalStateException(\"NONLINEAR " + name + " of " + mechanism.name()
                + ": newton failed (NEURON aborts the run too)\");");
        line("}");
    }

    /** The solver and the block's residuals, as nocmodl's function filling _dlist. */
    private void declareNonlinearFields(ModelItem.CodeBlock nonlinear) {
        NonlinearSystem system = nonlinearSystem(nonlinear);
        List<String> unknowns = system.unknowns();
        String name = nonlinear.name();
        line("");
        line("private final org.jpatch.core.nmodl.ScopmathNewton newton_" + name
                + " = new org.jpatch.core.nmodl.ScopmathNewton(" + unknowns.size() + ");");
        line("private final org.jpatch.core.nmodl.ScopmathNewton.Equations nonlinear_" + name
                + " = new org.jpatch.core.nmodl.ScopmathNewton.Equations() {");
        indent++;
        line("@Override");
        line("public double unknown(int i) {");
        line("    switch (i) {");
        for (int i = 0; i < unknowns.size(); i++) {
            line("        case " + i + ": return " + fileScope.get(unknowns.get(i)) + ";");
        }
        line("        default: throw new IndexOutOfBoundsException(i);");
        line("    }");
        line("}");
        line("");
        line("@Override");
        line("public void setUnknown(int i, double value) {");
        line("    switch (i) {");
        for (int i = 0; i < unknowns.size(); i++) {
            line("        case " + i + ": " + fileScope.get(unknowns.get(i)) + " = value; break;");
        }
        line("        default: throw new IndexOutOfBoundsException(i);");
        line("    }");
        line("}");
        line("");
        line("@Override");
        line("public void residuals(double[] residuals) {");
        indent++;
        nonlinearEquations = 0;
        statements(nonlinear.body());
        nonlinearEquations = -1;
        indent--;
        line("}");
        indent--;
        line("};");
    }

    /**
     * {@code SOLVE proc}, or with METHOD after_cvode, cvode_t or cvode_v, of a PROCEDURE:
     * nocmodl calls it in nrn_state, after v is advanced (svclmp.mod's icur); the methods
     * matter only under CVODE. Its Java method, or null when the SOLVE names no PROCEDURE.
     */
    private String solvedProcedure(Statement.Solve solve) {
        boolean procedure = items.stream().anyMatch(item -> item instanceof ModelItem.Function f
                && f.procedure() && f.name().equals(solve.block()));
        if (!procedure) {
            return null;
        }
        if (solve.method() != null && !List.of("after_cvode", "cvode_t", "cvode_v").contains(solve.method())) {
            throw unsupported(solve.position(), "SOLVE of a PROCEDURE with METHOD " + solve.method());
        }
        return functions.get(solve.block());
    }

    private ModelItem.CodeBlock derivativeBlock(Statement.Solve solve) {
        ModelItem.CodeBlock derivative = codeBlock(ModelItem.BlockKind.DERIVATIVE, solve.block());
        if (derivative != null) {
            return derivative;
        }
        throw new NmodlSyntaxException(solve.position(), "SOLVE names no DERIVATIVE block called " + solve.block());
    }

    /** Whether every s' = f of the block is linear in its s (cnexp's requirement). */
    private boolean linearInTheirStates(List<Statement> body) {
        for (Statement s : body) {
            if (s instanceof Statement.Assign assign && assign.target().derivativeOrder() == 1) {
                SymbolicDerivative calculus = new SymbolicDerivative(assign.target().name());
                Expression a = calculus.derivative(assign.value());
                if (a == null || calculus.mentionsState(a)) {
                    return false;
                }
            } else if (s instanceof Statement.If ifStatement) {
                if (!linearInTheirStates(ifStatement.body()) || !linearInTheirStates(ifStatement.elseBody())) {
                    return false;
                }
            } else if (s instanceof Statement.Block block && !linearInTheirStates(block.body())) {
                return false;
            }
        }
        return true;
    }

    /** The states a DERIVATIVE block differentiates, in the order of their equations (nocmodl's _slist). */
    private List<String> derivativeStates(ModelItem.CodeBlock derivative) {
        List<String> states = new ArrayList<>();
        collectDerivatives(derivative.body(), states);
        return states;
    }

    private void collectDerivatives(List<Statement> body, List<String> states) {
        for (Statement s : body) {
            if (s instanceof Statement.Assign assign && assign.target().derivativeOrder() == 1
                    && !states.contains(assign.target().name())) {
                states.add(assign.target().name());
            } else if (s instanceof Statement.If ifStatement) {
                collectDerivatives(ifStatement.body(), states);
                collectDerivatives(ifStatement.elseBody(), states);
            } else if (s instanceof Statement.Block block) {
                collectDerivatives(block.body(), states);
            }
        }
    }

    /**
     * Fields for derivimplicit on one DERIVATIVE block: the Newton solver and the block as
     * it sees it (states by index, derivatives into its array). Returns the fields' suffix.
     */
    private String derivImplicitBlock(ModelItem.CodeBlock derivative) {
        List<String> states = derivativeStates(derivative);
        String name = derivative.name();
        line("");
        line("private final org.jpatch.core.nmodl.DerivImplicit newton_" + name
                + " = new org.jpatch.core.nmodl.DerivImplicit(" + states.size() + ");");
        line("private final org.jpatch.core.nmodl.DerivImplicit.Block block_" + name
                + " = new org.jpatch.core.nmodl.DerivImplicit.Block() {");
        indent++;
        line("@Override");
        line("public double state(int i) {");
        indent++;
        line("switch (i) {");
        for (int i = 0; i < states.size(); i++) {
            line("    case " + i + ": return " + stateField(states.get(i), derivative) + ";");
        }
        line("    default: throw new IndexOutOfBoundsException(i);");
        line("}");
        indent--;
        line("}");
        line("");
        line("@Override");
        line("public void setState(int i, double value) {");
        indent++;
        line("switch (i) {");
        for (int i = 0; i < states.size(); i++) {
            line("    case " + i + ": " + stateField(states.get(i), derivative) + " = value; break;");
        }
        line("    default: throw new IndexOutOfBoundsException(i);");
        line("}");
        indent--;
        line("}");
        line("");
        line("@Override");
        line("public void derivatives(double[] d) {");
        indent++;
        derivativeSlots = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            derivativeSlots.put(states.get(i), "d[" + i + "]");
        }
        statements(derivative.body());
        derivativeSlots = null;
        indent--;
        line("}");
        indent--;
        line("};");
        return name;
    }

    private String stateField(String state, ModelItem.CodeBlock derivative) {
        if (!stateSizes.containsKey(state)) {  // an ion variable declared STATE counts (nocmodl's cai')
            throw new NmodlSyntaxException(derivative.position(), state + "' is the derivative of no STATE");
        }
        refuseStateArray(state, derivative.position());
        return fileScope.get(state);
    }

    private void refuseStateArray(String state, SourcePosition at) {
        if (stateSizes.getOrDefault(state, 0) > 0) {
            throw unsupported(at, "STATE arrays in DERIVATIVE blocks");
        }
    }

    /** One instance's step: Newton to the implicit Euler solution; secondorder then adds dt·D as nocmodl. */
    private void derivImplicitStep(String name, ModelItem.CodeBlock derivative) {
        line("newton_" + name + ".step(block_" + name + ", globals.dt);");
        List<String> states = derivativeStates(derivative);
        line("if (globals.secondorder != 0) {");
        indent++;
        for (int i = 0; i < states.size(); i++) {
            String field = fileScope.get(states.get(i));
            line(field + " += globals.dt * newton_" + name + ".derivative(" + i + ");");
        }
        indent--;
        line("}");
    }

    /**
     * Fields for METHOD sparse on one KINETIC block: the solver and the block as nocmodl's
     * generated function, which fills one Newton matrix row per state. Returns the fields' suffix.
     */
    private String declareKineticFields(ModelItem.CodeBlock kinetic) {
        String name = kinetic.name();
        if (!kineticFieldsDeclared.add(name)) {
            return name;
        }
        KineticSystem system = kineticSystem(kinetic);
        List<String> rows = rowStates(system);
        line("");
        line("private final org.jpatch.core.nmodl.KineticSparse sparse_" + name
                + " = new org.jpatch.core.nmodl.KineticSparse(" + rows.size() + ");");
        line("private final org.jpatch.core.nmodl.KineticSparse.Block kinetic_" + name
                + " = new org.jpatch.core.nmodl.KineticSparse.Block() {");
        indent++;
        line("@Override");
        line("public void load(double[] states) {");
        for (int i = 0; i < rows.size(); i++) {
            line("    states[" + i + "] = " + rows.get(i) + ";");
        }
        line("}");
        line("");
        line("@Override");
        line("public void store(double[] states) {");
        for (int i = 0; i < rows.size(); i++) {
            line("    " + rows.get(i) + " = states[" + i + "];");
        }
        line("}");
        line("");
        line("// nocmodl's fluxes, read after the reactions that set them (ica_pmp = ... f_flux - b_flux)");
        line("private double f_flux, b_flux;");
        List<String> parts = kineticEquationParts(kinetic, system, rows);
        List<String> chunks = chunks(parts);
        line("");
        line("@Override");
        line("public void equations(org.jpatch.core.nmodl.ScopmathSparseMatrix m, double[] rhs, double[] old,"
                + " double dt1) {");
        line("    double[] mv = m.values();");
        line("    f_flux = b_flux = 0.;");
        for (int c = 0; c < chunks.size(); c++) {
            line("    equations" + c + "(m, mv, rhs, old, dt1);");
        }
        line("}");
        for (int c = 0; c < chunks.size(); c++) {
            line("");
            line("private void equations" + c + "(org.jpatch.core.nmodl.ScopmathSparseMatrix m, double[] mv, double[] rhs,"
                    + " double[] old, double dt1) {");
            line("    double term;");
            out.append(chunks.get(c));
            line("}");
        }
        indent--;
        line("};");
        return name;
    }

    /** Generated lines per method a KINETIC block's equations are split into (see {@link #chunks}). */
    private static final int EQUATION_LINES_PER_METHOD = 48;

    /**
     * The Java of a KINETIC block's equations as separate parts, each of whole statements, at
     * the indent of a method body: implicit Euler's diagonal, the compartment sizes, then the
     * block's statements one by one. The block's top-level LOCALs become fields of the block
     * object, so that every part sees them.
     */
    private List<String> kineticEquationParts(ModelItem.CodeBlock kinetic, KineticSystem system, List<String> rows) {
        List<String> parts = new ArrayList<>();
        indent++;
        // implicit Euler's (s - old)/dt on every row the CONSERVE statements do not take
        for (int i = 0; i < rows.size(); i++) {
            if (!system.conserveRows().contains(i)) {
                int start = out.length();
                line("rhs[" + i + "] = -dt1 * (" + rows.get(i) + " - old[" + i + "]);");
                line(matrixElement(i + ", " + i) + " = dt1;");
                parts.add(cut(start));
            }
        }
        int start = out.length();
        compartmentSizes(system);
        parts.add(cut(start));
        kineticSystem = system;
        Map<String, String> scope = new HashMap<>(Map.of("f_flux", "f_flux", "b_flux", "b_flux"));
        scopes.push(scope);
        List<String> localFields = new ArrayList<>();
        for (Statement statement : kinetic.body()) {
            start = out.length();
            if (statement instanceof Statement.Local local) {
                for (Statement.LocalVariable variable : local.variables()) {
                    String field = "l_" + variable.name();
                    boolean array = variable.arraySize() > 0;
                    scope.put(variable.name(), array ? field + ELEMENT : field);
                    localFields.add(array ? "private final double[] " + field + " = new double[" + variable.arraySize()
                            + "];" : "private double " + field + ";");
                    line(array ? "java.util.Arrays.fill(" + field + ", 0.);" : field + " = 0.;");
                }
            } else {
                statement(statement);
            }
            parts.add(cut(start));
        }
        scopes.pop();
        kineticSystem = null;
        indent--;
        localFields.forEach(this::line);
        return parts;
    }

    /** The text written since {@code start}, taken out of the class's text. */
    private String cut(int start) {
        String text = out.substring(start);
        out.setLength(start);
        return text;
    }

    /**
     * Consecutive parts joined into method bodies of at most {@link #EQUATION_LINES_PER_METHOD}
     * lines (a longer part alone). HotSpot leaves a method of more than 8,000 bytes of
     * bytecode to the interpreter (HugeMethodLimit): a large scheme in one method, cdp5's
     * 24 states in ~11,000 bytes, ran interpreted, several times slower than NEURON.
     */
    private static List<String> chunks(List<String> parts) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int lines = 0;
        for (String part : parts) {
            int partLines = (int) part.chars().filter(c -> c == '\n').count();
            if (lines > 0 && lines + partLines > EQUATION_LINES_PER_METHOD) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
                lines = 0;
            }
            chunk.append(part);
            lines += partLines;
        }
        if (lines > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    /** The Java of each matrix row's state: a scalar, or an element {@code x[j]} of a STATE array. */
    private List<String> rowStates(KineticSystem system) {
        List<String> rows = new ArrayList<>();
        for (String state : system.stateNames()) {
            String java = fileScope.get(state);
            int size = system.arraySizes().get(state);
            if (size == 0) {
                rows.add(java);
            }
            for (int j = 0; j < size; j++) {
                rows.add(java.replace(INDEX, String.valueOf(j)));
            }
        }
        return rows;
    }

    /**
     * COMPARTMENT: each state's row, right-hand side and diagonal, times its compartment's
     * size (its index variable the element's), as nocmodl scales them before the reactions;
     * rows the CONSERVE statements took are left alone.
     */
    private void compartmentSizes(KineticSystem system) {
        for (var entry : system.compartments().entrySet()) {
            Statement.Compartment compartment = entry.getValue();
            int first = system.firstRows().get(entry.getKey());
            int size = system.arraySizes().get(entry.getKey());
            if (size == 0) {
                if (!system.conserveRows().contains(first)) {
                    String volume = expressions.write(compartment.volume());
                    line("rhs[" + first + "] *= (" + volume + ");");
                    line(matrixElement(first + ", " + first) + " *= " + volume + ";");
                }
                continue;
            }
            line("for (int c_i = 0; c_i < " + size + "; c_i++) {");
            indent++;
            scopes.push(compartment.indexVariable() == null ? Map.of()
                    : Map.of(compartment.indexVariable(), "((double) c_i)"));
            String volume = expressions.write(compartment.volume());
            scopes.pop();
            line("rhs[c_i + " + first + "] *= (" + volume + ");");
            line(matrixElement("c_i + " + first + ", c_i + " + first) + " *= " + volume + ";");
            indent--;
            line("}");
        }
    }

    private KineticSystem kineticSystem(ModelItem.CodeBlock kinetic) {
        return kineticSystems.computeIfAbsent(kinetic.name(), name -> KineticSystem.of(kinetic, stateSizes, file.names()));
    }

    /** SOLVE in INITIAL: a LINEAR block, or {@code STEADYSTATE sparse} of a KINETIC block as scopmath's _ss_sparse. */
    private void initialSolve(Statement.Solve solve) {
        ModelItem.CodeBlock linear = codeBlock(ModelItem.BlockKind.LINEAR, solve.block());
        if (linear != null && solve.methodKeyword() == null) {
            linearSolve(linear);
            return;
        }
        ModelItem.CodeBlock nonlinear = codeBlock(ModelItem.BlockKind.NONLINEAR, solve.block());
        if (nonlinear != null && (solve.methodKeyword() == null || "newton".equals(solve.method()))) {
            nonlinearSystem(nonlinear);
            nonlinearSolve(nonlinear); // nocmodl's default method for NONLINEAR is newton
            return;
        }
        ModelItem.CodeBlock kinetic = codeBlock(ModelItem.BlockKind.KINETIC, solve.block());
        if (kinetic == null || !"STEADYSTATE".equals(solve.methodKeyword()) || !"sparse".equals(solve.method())) {
            throw unsupported(solve.position(), "SOLVE in INITIAL other than a KINETIC block's STEADYSTATE sparse");
        }
        KineticSystem system = kineticSystem(kinetic);
        String name = kinetic.name();
        line("sparse_" + name + ".steadyState(kinetic_" + name + ", " + system.linear() + ");");
        secondOrderCorrection(name, system);
    }

    /**
     * A LINEAR block: its equations {@code ~ left = right}, each linear in the STATEs it
     * names, as the matrix row Σ ∂(left - right)/∂s · s = -(left - right at s = 0), the
     * STATEs' columns in the order the equations first name them (nocmodl's), solved once
     * by scopmath's {@link Simeq} (nocmodl's rows are these negated, which simeq's
     * normalized pivot rows do not see).
     */
    private void linearSolve(ModelItem.CodeBlock linear) {
        List<Statement.Equation> equations = new ArrayList<>();
        for (Statement s : linear.body()) {
            if (!(s instanceof Statement.Equation equation) || equation.additive()) {
                throw unsupported(s.position(), "statements other than ~ equations in LINEAR");
            }
            equations.add(equation);
        }
        List<String> unknowns = new ArrayList<>();
        for (Statement.Equation equation : equations) {
            namedStates(equation.left(), unknowns);
            namedStates(equation.right(), unknowns);
        }
        if (equations.size() != unknowns.size()) {
            throw new NmodlSyntaxException(linear.position(), "LINEAR " + linear.name() + " has " + equations.size()
                    + " equations for " + unknowns.size() + " STATEs");
        }
        int n = unknowns.size();
        line("{");
        indent++;
        line("double[][] linear_m = new double[" + n + "][" + (n + 1) + "];  // augmented: the constants in column "
                + n);
        line("double[] linear_x = new double[" + n + "];");
        for (int i = 0; i < n; i++) {
            Statement.Equation equation = equations.get(i);
            Expression residual = new Expression.Binary(Expression.BinaryOperator.SUBTRACT, equation.left(),
                    equation.right(), equation.position());
            Expression constant = residual;
            for (int j = 0; j < n; j++) {
                Expression coefficient = new SymbolicDerivative(unknowns.get(j)).derivative(residual);
                if (coefficient == null || unknowns.stream()
                        .anyMatch(u -> new SymbolicDerivative(u).mentionsState(coefficient))) {
                    throw new NmodlSyntaxException(equation.position(), "equation not linear in " + unknowns.get(j)
                            + " in LINEAR " + linear.name());
                }
                if (!(coefficient instanceof Expression.NumberLiteral literal && literal.value() == 0.)) {
                    line("linear_m[" + i + "][" + j + "] = " + expressions.write(coefficient) + ";");
                }
                constant = new SymbolicDerivative(unknowns.get(j)).atZero(constant);
            }
            line("linear_m[" + i + "][" + n + "] = -(" + expressions.write(constant) + ");");
        }
        line("if (!org.jpatch.core.nmodl.Simeq.solve(linear_m, linear_x)) {");
        line("    throw new IllegalStateException(\"LINEAR " + linear.name()
                + ": singular matrix (NEURON aborts the run too)\");");
        line("}");
        for (int j = 0; j < n; j++) {
            line(fileScope.get(unknowns.get(j)) + " = linear_x[" + j + "];");
        }
        indent--;
        line("}");
    }

    /** Adds the STATEs an expression names, in the order it names them, to {@code states} (once each). */
    private void namedStates(Expression e, List<String> states) {
        if (e instanceof Expression.VariableRef ref) {
            if (stateSizes.containsKey(ref.name()) && !states.contains(ref.name())) {
                states.add(ref.name());
            }
        } else if (e instanceof Expression.Unary unary) {
            namedStates(unary.operand(), states);
        } else if (e instanceof Expression.Binary binary) {
            namedStates(binary.left(), states);
            namedStates(binary.right(), states);
        } else if (e instanceof Expression.Call call) {
            call.arguments().forEach(argument -> namedStates(argument, states));
        }
    }

    /** One instance's step by sparse; secondorder then adds dt·D as nocmodl. */
    private void kineticSparseStep(String name, KineticSystem system) {
        line("sparse_" + name + ".step(kinetic_" + name + ", globals.dt, " + system.linear() + ");");
        secondOrderCorrection(name, system);
    }

    /** nocmodl's secondorder addition after a sparse solve: each state += dt·its derivative. */
    private void secondOrderCorrection(String name, KineticSystem system) {
        line("if (globals.secondorder != 0) {");
        indent++;
        List<String> rows = rowStates(system);
        for (int i = 0; i < rows.size(); i++) {
            line(rows.get(i) + " += globals.dt * sparse_" + name + ".derivative(" + i + ");");
        }
        indent--;
        line("}");
    }

    /**
     * {@code ~ left <-> right (kf, kb)} as nocmodl writes it, each side's species last to
     * first (its list order): the fluxes at the present states, -(f - b) into each left row
     * and +(f - b) into each right row (times the coefficient), and the fluxes' derivatives by
     * each species into the matrix; rows the CONSERVE statements took get nothing.
     * {@code ~ x << (f)} adds f to x's row alone; {@code ~ x -> (k)} is {@code x <-> (k, 0)}
     * with nothing on the right, as nocmodl writes it.
     */
    private void reaction(Statement.Reaction reaction) {
        if (reaction.kind() == Statement.ReactionKind.FLUX_IN) {
            flux(reaction);
            return;
        }
        List<Statement.Reactant> left = reversed(reaction.left()), right = reversed(reaction.right());
        String forward = expressions.write(reaction.forward());
        String backward = reaction.kind() == Statement.ReactionKind.FLUX_OUT ? "0."
                : expressions.write(reaction.backward());
        line("f_flux = " + forward + product(left, null) + ";");
        line("b_flux = " + backward + product(right, null) + ";");
        for (Statement.Reactant r : left) {
            addToRow(r, " -= " + coefficient(r) + "(f_flux - b_flux);");
        }
        for (Statement.Reactant r : right) {
            addToRow(r, " += " + coefficient(r) + "(f_flux - b_flux);");
        }
        fluxDerivatives(forward, left, left, right);
        fluxDerivatives(backward, right, right, left);
    }

    /** {@code ~ x << (f)}: nocmodl's genfluxterm, f into x's row (a state no CONSERVE took), no matrix entry. */
    private void flux(Statement.Reaction reaction) {
        Statement.Reactant x = reaction.left().get(0);
        if (reaction.left().size() != 1 || x.coefficient() != 1) {
            throw new NmodlSyntaxException(reaction.position(), "flux equations involve only one state");
        }
        String row = rowOf(x.species());
        if (row == null) {
            throw new NmodlSyntaxException(reaction.position(), x.species().name() + " must be (solved) STATE in"
                    + " flux reaction");
        }
        if (kineticSystem.isConserveRow(row)) {
            throw new NmodlSyntaxException(reaction.position(), x.species().name() + " is conserved and has a flux");
        }
        line("f_flux = b_flux = 0.;");
        line("rhs[" + row + "] += (b_flux = " + expressions.write(reaction.forward()) + ");");
    }

    private static List<Statement.Reactant> reversed(List<Statement.Reactant> species) {
        List<Statement.Reactant> list = new ArrayList<>(species);
        java.util.Collections.reverse(list);
        return list;
    }

    /**
     * d(rate·Π species)/dX for each X of {@code by}: + into the rows of {@code own}, - into
     * those of {@code other}; the term as nocmodl's genmatterms writes it.
     */
    private void fluxDerivatives(String rate, List<Statement.Reactant> by, List<Statement.Reactant> own,
                                 List<Statement.Reactant> other) {
        for (Statement.Reactant x : by) {
            String column = rowOf(x.species());
            if (column == null) {
                continue;  // not a STATE: a constant factor of the flux, no column
            }
            StringBuilder term = new StringBuilder(rate);
            if (x.coefficient() != 1) {
                term.append(" * ").append(x.coefficient()).append('.');
            }
            for (Statement.Reactant r : by) {
                int n = r == x ? r.coefficient() - 1 : r.coefficient();
                term.append((" * " + resolve(r.species())).repeat(n));
            }
            line("term = " + term + ";");
            for (Statement.Reactant r : own) {
                matrixEntry(r, column, "+=", coefficient(r) + "term");
            }
            for (Statement.Reactant r : other) {
                matrixEntry(r, column, "-=", coefficient(r) + "term");
            }
        }
    }

    /** " * A * A * B": the species of the list at their coefficients, all but {@code except}. */
    private String product(List<Statement.Reactant> species, Statement.Reactant except) {
        StringBuilder product = new StringBuilder();
        for (Statement.Reactant r : species) {
            if (r != except) {
                product.append((" * " + resolve(r.species())).repeat(r.coefficient()));
            }
        }
        return product.toString();
    }

    private static String coefficient(Statement.Reactant r) {
        return r.coefficient() == 1 ? "" : r.coefficient() + ". * ";
    }

    /** A species' matrix row as Java (an array element's by its index), null for one that is no STATE. */
    private String rowOf(Expression.VariableRef species) {
        return kineticSystem.row(species, species.index() == null ? null : expressions.write(species.index()));
    }

    private void addToRow(Statement.Reactant r, String update) {
        String row = rowOf(r.species());
        if (row != null && !kineticSystem.isConserveRow(row)) {
            line("rhs[" + row + "]" + update);
        }
    }

    /** element operator value (+=, -=) for the species' row, unless a CONSERVE took it. */
    private void matrixEntry(Statement.Reactant r, String column, String operator, String value) {
        String row = rowOf(r.species());
        if (row != null && !kineticSystem.isConserveRow(row)) {
            line(matrixElement(row + ", " + column) + " " + operator + " " + value + ";");
        }
    }

    /** The Java of the matrix element at "row, column" (0-based, as Java), in the solver's value slots. */
    private static String matrixElement(String rowAndColumn) {
        return "mv[m.at(" + rowAndColumn + ")]";
    }

    /**
     * CONSERVE a + b + ... = total: its row holds Σ coefficient·size·Δs = total - Σ
     * coefficient·size·s, size a species' COMPARTMENT (nocmodl's genconservterms).
     */
    private void conserve(Statement.Conserve conserve) {
        int row = kineticSystem.conserveRow(conserve);
        line("rhs[" + row + "] = " + expressions.write(conserve.total()) + ";");
        // nocmodl subtracts the species last to first
        for (int i = conserve.species().size() - 1; i >= 0; i--) {
            Statement.Reactant r = conserve.species().get(i);
            Statement.Compartment compartment = kineticSystem.compartments().get(r.species().name());
            String s = fileScope.get(r.species().name());
            if (compartment == null) {
                line(matrixElement(row + ", " + rowOf(r.species())) + " = " + r.coefficient() + ".;");
                line("rhs[" + row + "] -= " + coefficient(r) + s + ";");
            } else {
                String size = "(" + expressions.write(compartment.volume()) + ")";
                line(matrixElement(row + ", " + rowOf(r.species())) + " = " + r.coefficient() + ". * " + size + ";");
                line("rhs[" + row + "] -= " + s + " * " + size + (r.coefficient() == 1 ? "" : " * "
                        + r.coefficient() + ".") + ";");
            }
        }
    }

    private void netReceive(ModelItem.NetReceive netReceive) {
        line("");
        line("@Override");
        line("public int weightCount() {");
        line("    return " + netReceive.arguments().size() + ";");
        line("}");
        line("");
        line("private org.jpatch.core.mech.NetEvents events;");
        line("");
        line("@Override");
        line("public void bindEvents(org.jpatch.core.mech.NetEvents events) {");
        line("    this.events = events;");
        line("}");
        Statement.NetReceiveInitial initial = netReceiveInitial(netReceive);
        if (initial != null) {
            line("");
            line("@Override");
            line("public void initialWeights(int instance, double[] weights) {");
            indent++;
            line("k = instance;");
            loadV();
            scopes.push(argumentScope(netReceive));
            eventWeights = "weights";
            inNetReceiveInitial = true;
            statements(initial.body());
            inNetReceiveInitial = false;
            eventWeights = null;
            scopes.pop();
            indent--;
            line("}");
        }
        line("");
        line("@Override");
        line("public void netReceive(int instance, double[] weights, double flag, double tEvent) {");
        indent++;
        line("k = instance;");
        loadV();
        if (containsWatch(netReceive.body())) {
            line("boolean " + NetReceiveEvents.WATCH_REPLACES + " = true;");
        }
        Map<String, String> scope = argumentScope(netReceive);
        scope.put("flag", "flag");
        scope.put("t", "tEvent"); // NEURON's t is the event's time during NET_RECEIVE
        scopes.push(scope);
        eventWeights = "weights";
        statements(netReceive.body().stream().filter(st -> st != initial).toList());
        eventWeights = null;
        scopes.pop();
        indent--;
        line("}");
    }

    /** The WATCH conditions NET_RECEIVE activates, evaluated for the event system at each step. */
    private void watchValue() {
        if (!netReceiveEvents.hasWatches()) {
            return;
        }
        line("");
        line("@Override");
        line("public double watchValue(int instance, int condition) {");
        indent++;
        for (String text : netReceiveEvents.watchValueBody(artificial() ? null : "v = nodes.v[data.node[k]];")) {
            line(text);
        }
        indent--;
        line("}");
    }

    /** FOR_NETCONS (a, b) { ... }: the body once per NetCon into the instance, a and b its weights. */
    private void forNetcons(Statement.ForNetcons loop) {
        requireNetReceive(loop.position(), "FOR_NETCONS");
        if (loop.arguments().size() != find(ModelItem.NetReceive.class).arguments().size()) {
            throw new NmodlSyntaxException(loop.position(),
                    "FOR_NETCONS and NET_RECEIVE do not have same number of arguments");
        }
        String all = "netcons" + forNetconsDepth, weights = "netconWeights" + forNetconsDepth;
        String i = "netcon" + forNetconsDepth;
        line("double[][] " + all + " = events.netConWeights(data.type, k);");
        line("for (int " + i + " = 0; " + i + " < " + all + ".length; " + i + "++) {");
        indent++;
        line("double[] " + weights + " = " + all + "[" + i + "];");
        Map<String, String> scope = new HashMap<>();
        for (int a = 0; a < loop.arguments().size(); a++) {
            scope.put(loop.arguments().get(a).name(), weights + "[" + a + "]");
        }
        scopes.push(scope);
        forNetconsDepth++;
        statements(loop.body());
        forNetconsDepth--;
        scopes.pop();
        indent--;
        line("}");
    }

    /** net_event, net_move, WATCH and FOR_NETCONS: nocmodl allows them in NET_RECEIVE only. */
    private void requireNetReceive(SourcePosition at, String what) {
        if (!"weights".equals(eventWeights) || inNetReceiveInitial) {
            throw new NmodlSyntaxException(at, what + " is allowed only in NET_RECEIVE");
        }
    }

    /** WATCH conditions are evaluated at each step, outside NET_RECEIVE: only file-scope names. */
    private String writeInFileScope(Expression e) {
        Deque<Map<String, String>> saved = new ArrayDeque<>(scopes);
        scopes.clear();
        try {
            return expressions.write(e);
        } finally {
            scopes.addAll(saved);
        }
    }

    /** NET_RECEIVE's arguments: the elements of the weight vector of the event's NetCon. */
    private static Map<String, String> argumentScope(ModelItem.NetReceive netReceive) {
        Map<String, String> scope = new HashMap<>();
        for (int a = 0; a < netReceive.arguments().size(); a++) {
            scope.put(netReceive.arguments().get(a).name(), "weights[" + a + "]");
        }
        return scope;
    }

    /** NET_RECEIVE's own INITIAL block (run per NetCon at finitialize), or null. */
    private static Statement.NetReceiveInitial netReceiveInitial(ModelItem.NetReceive netReceive) {
        return netReceive.body().stream().filter(st -> st instanceof Statement.NetReceiveInitial)
                .map(st -> (Statement.NetReceiveInitial) st).findFirst().orElse(null);
    }

    /**
     * {@code net_send(delay, flag)}: a self-event at t + delay, t the event's time in
     * NET_RECEIVE; it carries the weight vector of the event being handled (nocmodl's
     * _args), none from INITIAL.
     */
    private void netSend(Expression.Call call) {
        if (eventWeights == null) {
            throw unsupported(call.position(), "net_send outside INITIAL and NET_RECEIVE");
        }
        if (call.arguments().size() != 2) {
            throw new NmodlSyntaxException(call.position(), "net_send takes two arguments, a delay and a flag");
        }
        if (find(ModelItem.NetReceive.class) == null) {
            throw new NmodlSyntaxException(call.position(), "net_send in a mechanism without NET_RECEIVE");
        }
        String t = resolve(new Expression.VariableRef("t", 0, null, call.position()));
        line("events.netSend(data.type, k, " + t + " + " + expressions.write(call.arguments().get(0)) + ", "
                + expressions.write(call.arguments().get(1)) + ", " + eventWeights + ");");
    }

    /** {@code printf("format", x, ...)}: C's formatting, checked here so a format C would read otherwise is refused. */
    private void printf(Expression.Call call) {
        if (call.arguments().isEmpty() || !(call.arguments().get(0) instanceof Expression.StringLiteral literal)) {
            throw unsupported(call.position(), "printf without a string literal format");
        }
        String format = cString(literal);
        List<Expression> values = call.arguments().subList(1, call.arguments().size());
        String problem = CFormat.unsupported(format, values.size());
        if (problem != null) {
            throw unsupported(call.position(), problem);
        }
        StringBuilder java = new StringBuilder("org.jpatch.core.nmodl.NmodlRuntime.printf(\"");
        for (char c : format.toCharArray()) {
            // octal escapes: javac would read unicode escapes before it sees the string literal
            java.append(c == '"' || c == '\\' ? "\\" + c : c < ' ' ? String.format("\\%03o", (int) c)
                    : String.valueOf(c));
        }
        java.append('"');
        for (Expression value : values) {
            java.append(", ").append(expressions.write(value));
        }
        line(java + ");");
    }

    /**
     * A C string literal's characters (the lexer ends it at the first quote): its escapes
     * \n \t \\ read as C does; others refused.
     */
    private static String cString(Expression.StringLiteral literal) {
        String text = literal.text();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                chars.append(c);
                continue;
            }
            char escaped = ++i < text.length() ? text.charAt(i) : ' ';
            switch (escaped) {
                case 'n' -> chars.append('\n');
                case 't' -> chars.append('\t');
                case '\\' -> chars.append(escaped);
                default -> throw unsupported(literal.position(), "the escape \\" + escaped + " in a string");
            }
        }
        return chars.toString();
    }

    private void function(ModelItem.Function function) {
        Statement.Table table = function.body().stream().filter(st -> st instanceof Statement.Table)
                .map(st -> (Statement.Table) st).findFirst().orElse(null);
        List<Statement> body = function.body().stream().filter(st -> !(st instanceof Statement.Table)).toList();
        String method = functions.get(function.name());
        line("");
        StringBuilder parameters = new StringBuilder();
        Map<String, String> scope = new HashMap<>();
        for (var argument : function.arguments()) {
            if (parameters.length() > 0) {
                parameters.append(", ");
            }
            parameters.append("double a_").append(argument.name());
            scope.put(argument.name(), "a_" + argument.name());
        }
        if (table != null) {
            tabulated(function, table, method);
            method = "direct_" + function.name();
        }
        // nocmodl's PROCEDUREs return int 0 and may be called in expressions; so may ours
        line("private double " + method + "(" + parameters + ") {");
        indent++;
        if (!function.procedure()) {
            scope.put(function.name(), "result");
            line("double result = 0.;");
        }
        scopes.push(scope);
        currentFunction = function.name();
        statements(body);
        currentFunction = null;
        scopes.pop();
        line(function.procedure() ? "return 0.;" : "return result;");
        indent--;
        line("}");
    }

    /**
     * TABLE: nocmodl's _check_ (rebuild when a DEPEND value changed, x accumulated by dx
     * from FROM) and _n_ (NaN passes through, the ends clamp, linear interpolation
     * between), in front of the direct computation {@code direct_name}.
     */
    private void tabulated(ModelItem.Function function, Statement.Table table, String method) {
        if (function.arguments().size() != 1) {
            throw new NmodlSyntaxException(table.position(), "TABLE needs a FUNCTION or PROCEDURE of one argument");
        }
        String name = function.name();
        int size = table.with() + 1;
        String usetable = fileScope.get("usetable");
        if (function.procedure() && table.names().isEmpty()) {
            throw new NmodlSyntaxException(table.position(), "a PROCEDURE's TABLE must name what it tabulates");
        }
        Map<String, String> tabulatedJava = function.procedure() ? tableColumns(table) : Map.of(name, "");
        List<String> columns = List.copyOf(tabulatedJava.keySet());
        for (String column : columns) {
            line("private final double[] t_" + name + "_" + column + " = new double[" + size + "];");
        }
        line("private boolean make_" + name + " = true;");
        line("private double tmin_" + name + ", mfac_" + name + ";");
        for (String depend : table.depend()) {
            line("private double saved_" + name + "_" + depend + ";");
        }
        String direct = "direct_" + name;
        line("");
        line("private void check_" + name + "() {");
        indent++;
        // NEURON checks tables only of types with instances, computing as instance 0 (_iml = 0):
        // a RANGE variable the procedure sets is instance 0's until its own rates run
        line("if (" + usetable + " == 0.0 || data.count == 0) {");
        line("    return;");
        line("}");
        line("k = 0;");
        for (String depend : table.depend()) {
            line("if (saved_" + name + "_" + depend + " != " + fileValue(depend, table.position()) + ") {");
            line("    make_" + name + " = true;");
            line("}");
        }
        line("if (make_" + name + ") {");
        indent++;
        line("make_" + name + " = false;");
        line("tmin_" + name + " = " + expressions.write(table.from()) + ";");
        line("double tmax = " + expressions.write(table.to()) + ";");
        line("double dx = (tmax - tmin_" + name + ") / " + table.with() + ".;");
        line("mfac_" + name + " = 1. / dx;");
        line("double x = tmin_" + name + ";");
        line("for (int i = 0; i < " + size + "; x += dx, i++) {");
        indent++;
        if (function.procedure()) {
            line(direct + "(x);");
            for (String column : columns) {
                line("t_" + name + "_" + column + "[i] = " + tabulatedJava.get(column) + ";");
            }
        } else {
            line("t_" + name + "_" + name + "[i] = " + direct + "(x);");
        }
        indent--;
        line("}");
        for (String depend : table.depend()) {
            line("saved_" + name + "_" + depend + " = " + fileValue(depend, table.position()) + ";");
        }
        indent--;
        line("}");
        indent--;
        line("}");
        line("");
        line("private double " + method + "(double lv) {");
        indent++;
        line("if (" + usetable + " == 0.0) {");
        line("    return " + direct + "(lv);");
        line("}");
        String owner = ThreadSplitCode.OWNER + ".";
        line("double xi = " + owner + "mfac_" + name + " * (lv - " + owner + "tmin_" + name + ");");
        tableCase(function, tabulatedJava, "Double.isNaN(xi)", column -> "xi");
        tableCase(function, tabulatedJava, "xi <= 0.", column -> owner + "t_" + name + "_" + column + "[0]");
        tableCase(function, tabulatedJava, "xi >= " + table.with() + ".", column -> owner + "t_" + name + "_" + column
                + "[" + table.with() + "]");
        line("int i = (int) xi;");
        line("double theta = xi - (double) i;");
        for (String column : columns) {
            String t = owner + "t_" + name + "_" + column;
            String value = t + "[i] + theta * (" + t + "[i + 1] - " + t + "[i])";
            line(function.procedure() ? tabulatedJava.get(column) + " = " + value + ";" : "return " + value + ";");
        }
        if (function.procedure()) {
            line("return 0.;");
        }
        indent--;
        line("}");
        checks.add("check_" + name);
    }

    /**
     * What a PROCEDURE's TABLE tabulates, one table per variable and per array element
     * (nocmodl's _t_x[j]): table suffix ({@code x}, or {@code x_j} for element j) to the
     * Java text of the value.
     */
    private Map<String, String> tableColumns(Statement.Table table) {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        for (String name : table.names()) {
            String java = fileScope.get(name);
            if (java == null) {
                throw new NmodlSyntaxException(table.position(), "TABLE of " + name + ", which is not declared");
            }
            int size = arraySize(name);
            if (size == 0) {
                columns.put(name, java);
            }
            for (int j = 0; j < size; j++) {
                columns.put(name + "_" + j, java.replace(INDEX, String.valueOf(j)));
            }
        }
        return columns;
    }

    /** The array size of a per-instance variable (0: a scalar, or not per instance). */
    private int arraySize(String name) {
        for (List<MechanismInterface.Variable> group : List.of(mechanism.rangeParameters(),
                mechanism.rangeAssigned(), mechanism.states(), mechanism.hiddenAssigned())) {
            for (MechanismInterface.Variable v : group) {
                if (v.name().equals(name)) {
                    return v.arraySize();
                }
            }
        }
        return 0;
    }

    private void tableCase(ModelItem.Function function, Map<String, String> tabulatedJava, String condition,
                           java.util.function.Function<String, String> value) {
        line("if (" + condition + ") {");
        indent++;
        for (String column : tabulatedJava.keySet()) {
            line(function.procedure() ? tabulatedJava.get(column) + " = " + value.apply(column) + ";"
                    : "return " + value.apply(column) + ";");
        }
        if (function.procedure()) {
            line("return 0.;");
        }
        indent--;
        line("}");
    }

    /** A DEPEND name; a RANGE one is instance 0's, as NEURON checks tables with _iml = 0. */
    private String fileValue(String name, SourcePosition at) {
        String java = fileScope.get(name);
        if (java == null) {
            throw new NmodlSyntaxException(at, "DEPEND on " + name + ", which is not declared");
        }
        if (java.contains(INDEX)) {
            throw unsupported(at, "DEPEND on an array");
        }
        return java;
    }

    /** FUNCTION_TABLEs by name, for whoever sets their values (NEURON's table_name_suffix). */
    private void functionTables() {
        List<ModelItem.FunctionTable> tables = items.stream().filter(i -> i instanceof ModelItem.FunctionTable)
                .map(i -> (ModelItem.FunctionTable) i).toList();
        if (tables.isEmpty()) {
            return;
        }
        line("");
        line("@Override");
        line("public org.jpatch.core.nmodl.FunctionTable functionTable(String name) {");
        line("    switch (name) {");
        for (ModelItem.FunctionTable table : tables) {
            line("        case \"" + table.name() + "\": return ft_" + table.name() + ";");
        }
        line("        default: throw new IllegalArgumentException(name + \" is no FUNCTION_TABLE of "
                + mechanism.name() + "\");");
        line("    }");
        line("}");
    }

    private void checkTables() {
        if (checks.isEmpty()) {
            return;
        }
        line("");
        line("@Override");
        line("public void checkTables() {");
        for (String check : checks) {
            line("    " + check + "();");
        }
        line("}");
    }

    private void statements(List<Statement> statements) {
        scopes.push(new HashMap<>());
        for (Statement statement : statements) {
            statement(statement);
        }
        scopes.pop();
    }

    private void statement(Statement s) {
        if (s instanceof Statement.Assign assign) {
            assign(assign);
        } else if (s instanceof Statement.CallStatement call && call.call().function().equals("net_send")
                && functions.get("net_send") == null) {
            netSend(call.call());
        } else if (s instanceof Statement.CallStatement call && call.call().function().equals("net_event")
                && functions.get("net_event") == null) {
            requireNetReceive(call.position(), "net_event");
            line(netReceiveEvents.netEvent(call.call()));
        } else if (s instanceof Statement.CallStatement call && call.call().function().equals("net_move")
                && functions.get("net_move") == null) {
            requireNetReceive(call.position(), "net_move");
            line(netReceiveEvents.netMove(call.call()));
        } else if (s instanceof Statement.Watch watch) {
            requireNetReceive(watch.position(), "WATCH");
            netReceiveEvents.watch(watch, this::writeInFileScope).forEach(this::line);
        } else if (s instanceof Statement.ForNetcons loop) {
            forNetcons(loop);
        } else if (s instanceof Statement.CallStatement call && call.call().function().equals("printf")
                && functions.get("printf") == null) {
            printf(call.call());
        } else if (s instanceof Statement.CallStatement call) {
            line(expressions.write(call.call()) + ";");
        } else if (s instanceof Statement.Local local) {
            for (Statement.LocalVariable variable : local.variables()) {
                String name = "l_" + variable.name();
                if (variable.arraySize() > 0) {
                    scopes.peek().put(variable.name(), name + ELEMENT);
                    line("double[] " + name + " = new double[" + variable.arraySize() + "];");
                } else {
                    scopes.peek().put(variable.name(), name);
                    line("double " + name + " = 0.;");
                }
            }
        } else if (s instanceof Statement.If ifStatement) {
            line("if (" + expressions.condition(ifStatement.condition()) + ") {");
            block(ifStatement.body());
            if (!ifStatement.elseBody().isEmpty()) {
                line("} else {");
                block(ifStatement.elseBody());
            }
            line("}");
        } else if (s instanceof Statement.While loop) {
            line("while (" + expressions.condition(loop.condition()) + ") {");
            block(loop.body());
            line("}");
        } else if (s instanceof Statement.FromLoop loop) {
            fromLoop(loop);
        } else if (s instanceof Statement.Solve solve && (inInitial || currentFunction != null)) {
            initialSolve(solve);  // a FUNCTION's SOLVE ... STEADYSTATE runs on the current instance, as nocmodl's
        } else if (s instanceof Statement.Equation equation && nonlinearEquations >= 0) {
            line("residuals[" + nonlinearEquations++ + "] = "
                    + expressions.write(NonlinearSystem.residual(equation)) + ";");
        } else if (s instanceof Statement.Compartment && kineticSystem != null) {
            // its sizes scale the rows at the top of the block (compartmentSizes)
        } else if (s instanceof Statement.Reaction reaction && kineticSystem != null) {
            reaction(reaction);
        } else if (s instanceof Statement.Conserve conserve && kineticSystem != null) {
            conserve(conserve);
        } else if (s instanceof Statement.Block block) {
            line("{");
            block(block.body());
            line("}");
        } else if (s instanceof Statement.Conductance) {
            // a hint current() reads; nocmodl removes it from the block (the parser keeps it to BREAKPOINT)
        } else {
            throw unsupported(s.position(), statementName(s));
        }
    }

    private void block(List<Statement> body) {
        indent++;
        statements(body);
        indent--;
    }

    private void fromLoop(Statement.FromLoop loop) {
        String counter = "i_" + loop.variable();
        String from = "(int) (" + expressions.write(loop.from()) + ")";
        String to = "(int) (" + expressions.write(loop.to()) + ")";
        String step = loop.step() == null ? "1" : "(int) (" + expressions.write(loop.step()) + ")";
        line("for (int " + counter + " = " + from + "; " + counter + " <= " + to + "; " + counter + " += " + step + ") {");
        indent++;
        scopes.push(Map.of(loop.variable(), "((double) " + counter + ")"));
        statements(loop.body());
        scopes.pop();
        indent--;
        line("}");
    }

    private void assign(Statement.Assign assign) {
        Expression.VariableRef target = assign.target();
        if (target.derivativeOrder() == 1) {
            if (matsolSlots != null) {
                String slot = matsolSlots.get(target.name());
                Expression a = new SymbolicDerivative(target.name()).derivative(assign.value());
                line(slot + " = " + slot + " / (1. - " + lookUp("dt") + " * (" + expressions.write(a) + "));");
            } else if (derivativeSlots != null) {
                line(derivativeSlots.get(target.name()) + " = " + expressions.write(assign.value()) + ";");
            } else {
                cnexp(target, assign.value());
            }
            return;
        }
        if (target.derivativeOrder() > 1) {
            throw unsupported(target.position(), "higher derivatives");
        }
        String name = target.name();
        if (name.equals("t") || name.equals("dt") || name.equals("celsius")) {
            throw unsupported(target.position(), "assigning " + name);
        }
        boolean local = scopes.stream().anyMatch(scope -> scope.containsKey(name));
        if (!local && pointers.containsKey(name)) {
            line("pointer(" + pointers.get(name) + ").set(" + expressions.write(assign.value()) + ");");
            return;
        }
        line(resolve(target) + " = " + expressions.write(assign.value()) + ";");
    }

    /** {@code s' = f}, f linear in s: nocmodl's cnexp update in place. */
    private void cnexp(Expression.VariableRef derivative, Expression f) {
        String state = derivative.name();
        if (!stateSizes.containsKey(state)) {  // an ion variable declared STATE counts (nocmodl's cai')
            throw new NmodlSyntaxException(derivative.position(), state + "' is the derivative of no STATE");
        }
        refuseStateArray(state, derivative.position());
        SymbolicDerivative calculus = new SymbolicDerivative(state);
        Expression a = calculus.derivative(f);
        String s = fileScope.get(state);
        String atZero = expressions.write(calculus.atZero(f));
        if (a instanceof Expression.NumberLiteral zero && zero.value() == 0.0) {
            // f free of s: nocmodl's cnexp degenerates to explicit Euler, s - dt·(-f)
            line(s + " = " + s + " - globals.dt * (-(" + atZero + "));");
            return;
        }
        String rate = expressions.write(a);
        line(s + " = " + s + " + (1. - org.jpatch.core.mech.Cnexp.exp(globals.dt * (" + rate + "))) * (-("
                + atZero + ") / (" + rate + ") - " + s + ");");
    }

    private String resolve(Expression.VariableRef ref) {
        if (ref.derivativeOrder() > 0) {
            throw unsupported(ref.position(), "reading a derivative");
        }
        String java = lookUp(ref.name());
        if (java == null) {
            String where = currentFunction == null ? "" : " in " + currentFunction;
            throw new NmodlSyntaxException(ref.position(), ref.name() + " is not declared" + where);
        }
        boolean array = java.contains(INDEX);
        if (ref.index() == null && array) {
            throw new NmodlSyntaxException(ref.position(), ref.name() + " is an array: it needs an index");
        }
        if (ref.index() != null && !array) {
            throw new NmodlSyntaxException(ref.position(), ref.name() + " is not an array");
        }
        // nocmodl indexes C arrays by ((int) index): truncation toward zero, as Java's (int)
        return array ? java.replace(INDEX, "(int) (" + expressions.write(ref.index()) + ")") : java;
    }

    /** The Java text of a name in the innermost scope that has it, else the file's; null when undeclared. */
    private String lookUp(String name) {
        for (Map<String, String> scope : scopes) {
            String java = scope.get(name);
            if (java != null) {
                return java;
            }
        }
        return fileScope.get(name);
    }

    private <T extends ModelItem> T find(Class<T> type) {
        for (ModelItem item : items) {
            if (type.isInstance(item)) {
                return type.cast(item);
            }
        }
        return null;
    }

    private ModelItem.CodeBlock codeBlock(ModelItem.BlockKind kind, String name) {
        for (ModelItem item : items) {
            if (item instanceof ModelItem.CodeBlock block && block.kind() == kind
                    && (name == null || name.equals(block.name()))) {
                return block;
            }
        }
        return null;
    }

    private static String statementName(Statement s) {
        return s.getClass().getSimpleName() + " statements";
    }

    private static NmodlSyntaxException unsupported(SourcePosition at, String what) {
        return new NmodlSyntaxException(at, what + " not supported yet by jpatch's NMODL translator");
    }

    private void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }
}
