package org.jpatch.core.nmodl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * Whether a mechanism's instances may be computed by two threads at once: nocmodl's
 * verdict (is the mechanism "vectorized", which NEURON requires of every mechanism with
 * instances on a thread other than thread 0), narrowed where the engine's two-thread
 * results would differ from one thread's. {@code reason} is null when they may, else why
 * not, in words for the user.
 *
 * <p>nocmodl (nocpout.cpp, parsact.cpp, solve.cpp) calls a mechanism not thread safe when
 * it uses POINTER, solves a LINEAR or NONLINEAR block, or — unless the file says
 * THREADSAFE — assigns a GLOBAL anywhere or calls scopmath's functions that keep static
 * state (scop_random, normrand, set_seed, ...). With THREADSAFE, nocmodl gives each
 * thread its own copy of the GLOBALs the file assigns, and of top-level LOCALs always; so
 * does the engine's twin for those assigned during the step (BREAKPOINT, what it SOLVEs
 * and the functions those call) when that cannot change a result ({@link StepGlobals}),
 * scalars only; {@code copiedAfter...} are those the twin gives back after each sweep.
 * Random draws and printf during the step
 * keep the model on one thread: one process-wide generator and one output would see the
 * two threads' calls interleaved.
 * Artificial cells are never computed in a step (no BREAKPOINT runs), so they never stand
 * in the way.
 */
record ThreadSafety(String reason, Set<String> copiedAfterCurrents, Set<String> copiedAfterStates) {
    /** nocmodl's extdef5.h: the scopmath functions it calls not thread safe (static state). */
    private static final Set<String> STATEFUL_FUNCTIONS = Set.of("force", "deflate", "expfit", "derivs", "spline",
            "exprand", "gauss", "normrand", "poisrand", "poisson", "setseed", "scop_random", "boundary", "romberg",
            "invert", "stepforce", "schedule", "set_seed", "nrn_random_play");

    boolean splittable() {
        return reason == null;
    }

    /** The file's top-level LOCALs: one value per kernel object, so the twin has copies. */
    static List<Statement.LocalVariable> topLocals(List<ModelItem> items) {
        List<Statement.LocalVariable> locals = new ArrayList<>();
        for (ModelItem item : items) {
            if (item instanceof ModelItem.TopLocal top) {
                locals.addAll(top.local().variables());
            }
        }
        return locals;
    }

    static ThreadSafety of(List<ModelItem> items, MechanismInterface mechanism) {
        if (mechanism.kind() == NeuronStatement.MechanismDeclaration.ARTIFICIAL_CELL) {
            return new ThreadSafety(null, Set.of(), Set.of());
        }
        Scan scan = new Scan(items, mechanism);
        StepGlobals copies = StepGlobals.of(items, scan.sharedAssignedInStep(), !mechanism.currents().isEmpty());
        String reason = scan.reason();
        if (reason == null && copies.problem() != null) {
            reason = copies.problem() + " (NEURON gives each thread a copy of such a GLOBAL; here that would"
                    + " change results)";
        }
        return new ThreadSafety(reason, copies.definitelyAssigned(false), copies.definitelyAssigned(true));
    }

    /** What the file's code assigns and calls, in all of it and in the step's part. */
    private static final class Scan {
        private final List<ModelItem> items;
        private final MechanismInterface mechanism;
        private final Set<String> globalStatementNames = new HashSet<>();
        private final Set<String> assignedAnywhere = new HashSet<>();
        private final Set<String> calledAnywhere = new HashSet<>();
        private final Set<String> assignedInStep = new HashSet<>();
        private final Set<String> calledInStep = new HashSet<>();
        private final Set<String> solvedAnywhere = new HashSet<>();
        private final Deque<Set<String>> locals = new ArrayDeque<>();
        private Set<String> assigned;
        private Set<String> called;

        Scan(List<ModelItem> items, MechanismInterface mechanism) {
            this.items = items;
            this.mechanism = mechanism;
            for (ModelItem item : items) {
                if (item instanceof ModelItem.Neuron neuron) {
                    for (NeuronStatement s : neuron.statements()) {
                        if (s instanceof NeuronStatement.Names names
                                && names.kind() == NeuronStatement.NameListKind.GLOBAL) {
                            globalStatementNames.addAll(names.names());
                        }
                    }
                }
            }
            assigned = assignedAnywhere;
            called = calledAnywhere;
            for (ModelItem item : items) {
                if (item instanceof ModelItem.CodeBlock block) {
                    statements(block.body());
                } else if (item instanceof ModelItem.Function function) {
                    function(function);
                } else if (item instanceof ModelItem.NetReceive netReceive) {
                    statements(netReceive.body());
                }
            }
            scanStep();
        }

        /** BREAKPOINT, the blocks it SOLVEs and every FUNCTION or PROCEDURE reached from them. */
        private void scanStep() {
            assigned = assignedInStep;
            called = calledInStep;
            ModelItem.CodeBlock breakpoint = codeBlock(null, "BREAKPOINT");
            if (breakpoint == null) {
                return;
            }
            List<String> pending = new ArrayList<>();
            Set<String> done = new HashSet<>();
            statements(breakpoint.body());
            for (Statement s : breakpoint.body()) {
                if (s instanceof Statement.Solve solve) {
                    pending.add(solve.block());
                }
            }
            pending.addAll(calledInStep);
            while (!pending.isEmpty()) {
                String name = pending.remove(pending.size() - 1);
                if (!done.add(name)) {
                    continue;
                }
                Set<String> before = new HashSet<>(calledInStep);
                for (ModelItem item : items) {
                    if (item instanceof ModelItem.Function f && f.name().equals(name)) {
                        function(f);
                    } else if (item instanceof ModelItem.CodeBlock b && name.equals(b.name())) {
                        statements(b.body());
                    }
                }
                calledInStep.stream().filter(c -> !before.contains(c)).forEach(pending::add);
            }
        }

        /** GLOBALs and top-level LOCALs the step assigns: one value shared by all instances. */
        Set<String> sharedAssignedInStep() {
            Set<String> shared = new HashSet<>();
            for (MechanismInterface.Variable g : mechanism.globals()) {
                if (assignedInStep.contains(g.name())) {
                    shared.add(g.name());
                }
            }
            for (Statement.LocalVariable l : topLocals(items)) {
                if (assignedInStep.contains(l.name())) {
                    shared.add(l.name());
                }
            }
            return shared;
        }

        String reason() {
            boolean threadsafe = mechanism.threadsafe();
            if (!mechanism.pointers().isEmpty()) {
                return "it uses POINTER (nocmodl: not thread safe; a target may lie at another thread's node)";
            }
            for (String solved : solvedAnywhere) {
                for (String kind : List.of("LINEAR", "NONLINEAR")) {
                    if (codeBlock(solved, kind) != null) {
                        return "it solves the " + kind + " block " + solved + " (nocmodl: not thread safe)";
                    }
                }
            }
            for (MechanismInterface.Variable g : mechanism.globals()) {
                if (g.arraySize() > 0 && assignedInStep.contains(g.name())) {
                    return "it assigns elements of the GLOBAL array " + g.name() + " during the step";
                }
            }
            for (Statement.LocalVariable l : topLocals(items)) {
                if (l.arraySize() > 0 && assignedInStep.contains(l.name())) {
                    return "it assigns elements of the top-level LOCAL array " + l.name() + " during the step";
                }
            }
            for (String g : globalStatementNames) {
                if (!threadsafe && assignedAnywhere.contains(g)) {
                    return "it assigns the GLOBAL " + g + " and is not THREADSAFE (nocmodl: not thread safe)";
                }
            }
            for (String f : STATEFUL_FUNCTIONS) {
                if (!threadsafe && calledAnywhere.contains(f)) {
                    return "it calls " + f + " and is not THREADSAFE (nocmodl: not thread safe)";
                }
                if (calledInStep.contains(f)) {
                    return "it calls " + f + " during the step (one process-wide generator: the draws would come"
                            + " in another order)";
                }
            }
            if (calledInStep.contains("printf")) {
                return "it calls printf during the step (the lines would come in another order)";
            }
            return null;
        }

        private ModelItem.CodeBlock codeBlock(String name, String kind) {
            for (ModelItem item : items) {
                if (item instanceof ModelItem.CodeBlock b && b.kind().name().equals(kind)
                        && (name == null || name.equals(b.name()))) {
                    return b;
                }
            }
            return null;
        }

        private void function(ModelItem.Function function) {
            Set<String> arguments = new HashSet<>();
            function.arguments().forEach(a -> arguments.add(a.name()));
            locals.push(arguments);
            statements(function.body());
            locals.pop();
        }

        private void statements(List<Statement> body) {
            locals.push(new HashSet<>());
            for (Statement s : body) {
                statement(s);
            }
            locals.pop();
        }

        private void statement(Statement s) {
            if (s instanceof Statement.Assign a) {
                assign(a);
            } else if (s instanceof Statement.Protect p) {
                assign(p.assignment());
            } else if (s instanceof Statement.CallStatement c) {
                expression(c.call());
            } else if (s instanceof Statement.Local l) {
                l.variables().forEach(v -> locals.peek().add(v.name()));
            } else if (s instanceof Statement.If i) {
                expression(i.condition());
                statements(i.body());
                statements(i.elseBody());
            } else if (s instanceof Statement.While w) {
                expression(w.condition());
                statements(w.body());
            } else if (s instanceof Statement.FromLoop f) {
                expression(f.from());
                expression(f.to());
                if (f.step() != null) {
                    expression(f.step());
                }
                locals.push(Set.of(f.variable()));
                statements(f.body());
                locals.pop();
            } else if (s instanceof Statement.Block b) {
                statements(b.body());
            } else if (s instanceof Statement.Solve solve) {
                solvedAnywhere.add(solve.block());
            } else if (s instanceof Statement.Equation e) {
                expression(e.left());
                expression(e.right());
            } else if (s instanceof Statement.Reaction r) {
                expression(r.forward());
                if (r.backward() != null) {
                    expression(r.backward());
                }
            } else if (s instanceof Statement.Conserve c) {
                expression(c.total());
            } else if (s instanceof Statement.Compartment c) {
                expression(c.volume());
            } else if (s instanceof Statement.Watch w) {
                for (Statement.WatchCondition c : w.conditions()) {
                    expression(c.left());
                    expression(c.right());
                    expression(c.flag());
                }
            } else if (s instanceof Statement.ForNetcons n) {
                statements(n.body());
            } else if (s instanceof Statement.NetReceiveInitial n) {
                statements(n.body());
            } else if (s instanceof Statement.Table t) {
                expression(t.from());
                expression(t.to());
            }
            // the rest hold no expressions: CONDUCTANCE, VERBATIM (refused elsewhere), LAG, MUTEX
        }

        private void assign(Statement.Assign a) {
            String name = a.target().name();
            if (locals.stream().noneMatch(scope -> scope.contains(name))) {
                assigned.add(name);
            }
            expression(a.value());
            if (a.target().index() != null) {
                expression(a.target().index());
            }
        }

        private void expression(Expression e) {
            if (e instanceof Expression.Call c) {
                called.add(c.function());
                c.arguments().forEach(this::expression);
            } else if (e instanceof Expression.Unary u) {
                expression(u.operand());
            } else if (e instanceof Expression.Binary b) {
                expression(b.left());
                expression(b.right());
            } else if (e instanceof Expression.VariableRef v && v.index() != null) {
                expression(v.index());
            }
        }
    }
}
