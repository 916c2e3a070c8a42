package org.jpatch.core.nmodl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The GLOBALs and top-level LOCALs a mechanism's step assigns, and whether a twin on the
 * second thread may keep its own copies of them (as NEURON keeps per-thread copies of a
 * thread-safe mechanism's assigned GLOBALs and top-level LOCALs) without changing any
 * result. It may when, in each sweep (currents: BREAKPOINT without its SOLVEs; states:
 * the blocks BREAKPOINT SOLVEs, in order, then for a mechanism without currents the rest
 * of BREAKPOINT, as nocmodl's nrn_state runs them), every
 * instance assigns such a GLOBAL before it reads it and on every path once it assigns it
 * at all: then no instance sees another's value, and after the sweep the upper range's
 * last instance left the value one thread would have left.
 */
final class StepGlobals {
    private final List<ModelItem> items;
    private final Set<String> tracked;
    /** Per sweep, the GLOBALs every instance assigns; the whole set while scanning. */
    private Set<String> definitelyInCurrents = Set.of(), definitelyInStates = Set.of();
    private final Set<String> maybe = new HashSet<>();
    private final Deque<Set<String>> locals = new ArrayDeque<>();
    private final Deque<String> calling = new ArrayDeque<>();
    private String problem;

    private StepGlobals(List<ModelItem> items, Set<String> tracked) {
        this.items = items;
        this.tracked = tracked;
    }

    /**
     * The analysis of the step's assignments to {@code assigned} (GLOBALs and top-level
     * LOCALs the step assigns somewhere) in a mechanism with or without currents.
     * {@link #problem()} is null when the twin may keep copies of them.
     */
    static StepGlobals of(List<ModelItem> items, Set<String> assigned, boolean currents) {
        StepGlobals analysis = new StepGlobals(items, Set.copyOf(assigned));
        ModelItem.CodeBlock breakpoint = null;
        for (ModelItem item : items) {
            if (item instanceof ModelItem.CodeBlock b && b.kind() == ModelItem.BlockKind.BREAKPOINT) {
                breakpoint = b;
            }
        }
        if (breakpoint != null && !assigned.isEmpty()) {
            List<Statement> rest = breakpoint.body().stream().filter(s -> !(s instanceof Statement.Solve)).toList();
            if (currents) {
                analysis.definitelyInCurrents = analysis.sweep(rest, "currents");
            }
            Set<String> states = new HashSet<>();
            analysis.maybe.clear();
            for (Statement s : breakpoint.body()) {
                if (s instanceof Statement.Solve solve) {
                    states = analysis.solved(solve.block(), states);
                }
            }
            if (!currents) {
                states = analysis.statements(rest, states);
            }
            analysis.definitelyInStates = analysis.completed(states, "states");
        }
        return analysis;
    }

    /** Why copies would change results, or null. */
    String problem() {
        return problem;
    }

    /** The GLOBALs every instance assigns in the sweep of currents ({@code states} false) or states. */
    Set<String> definitelyAssigned(boolean states) {
        return states ? definitelyInStates : definitelyInCurrents;
    }

    private Set<String> sweep(List<Statement> body, String name) {
        maybe.clear();
        return completed(statements(body, new HashSet<>()), name);
    }

    private Set<String> completed(Set<String> definitely, String sweep) {
        for (String g : maybe) {
            if (!definitely.contains(g)) {
                fail("it assigns " + g + " on some paths of the " + sweep + " only");
            }
        }
        return Set.copyOf(definitely);
    }

    private Set<String> solved(String block, Set<String> definitely) {
        for (ModelItem item : items) {
            if (item instanceof ModelItem.CodeBlock b && block.equals(b.name())) {
                return statements(b.body(), definitely);
            }
            if (item instanceof ModelItem.Function f && f.name().equals(block)) {
                return call(f, definitely);
            }
        }
        return definitely;
    }

    private Set<String> statements(List<Statement> body, Set<String> definitely) {
        locals.push(new HashSet<>());
        Set<String> d = new HashSet<>(definitely);
        for (Statement s : body) {
            d = statement(s, d);
        }
        locals.pop();
        return d;
    }

    private Set<String> statement(Statement s, Set<String> d) {
        if (s instanceof Statement.Assign a) {
            read(a.value(), d);
            if (a.target().index() != null) {
                read(a.target().index(), d);
            }
            String name = a.target().name();
            if (isTracked(name) && a.target().derivativeOrder() == 0) {
                maybe.add(name);
                Set<String> after = new HashSet<>(d);
                after.add(name);
                return after;
            }
            return d;
        }
        if (s instanceof Statement.CallStatement c) {
            return read(c.call(), d);
        }
        if (s instanceof Statement.Local l) {
            l.variables().forEach(v -> locals.peek().add(v.name()));
            return d;
        }
        if (s instanceof Statement.If i) {
            read(i.condition(), d);
            Set<String> then = statements(i.body(), d);
            then.retainAll(statements(i.elseBody(), d));
            return then;
        }
        if (s instanceof Statement.While w) {
            read(w.condition(), d);
            statements(w.body(), d);  // may not run: what it assigns is not definite after it
            return d;
        }
        if (s instanceof Statement.FromLoop f) {
            read(f.from(), d);
            read(f.to(), d);
            if (f.step() != null) {
                read(f.step(), d);
            }
            locals.push(Set.of(f.variable()));
            statements(f.body(), d);
            locals.pop();
            return d;
        }
        if (s instanceof Statement.Block b) {
            return statements(b.body(), d);
        }
        if (s instanceof Statement.Reaction r) {
            read(r.forward(), d);
            if (r.backward() != null) {
                read(r.backward(), d);
            }
            return d;
        }
        if (s instanceof Statement.Conserve c) {
            return read(c.total(), d);
        }
        if (s instanceof Statement.Equation e) {
            read(e.left(), d);
            return read(e.right(), d);
        }
        if (s instanceof Statement.Compartment c) {
            return read(c.volume(), d);
        }
        return d;
    }

    /** Checks the reads of an expression; returns what is definitely assigned after it (calls may assign). */
    private Set<String> read(Expression e, Set<String> d) {
        if (e instanceof Expression.VariableRef v) {
            if (v.index() != null) {
                read(v.index(), d);
            }
            if (isTracked(v.name()) && !d.contains(v.name())) {
                fail("an instance may read " + v.name() + " as another left it");
            }
            return d;
        }
        if (e instanceof Expression.Unary u) {
            return read(u.operand(), d);
        }
        if (e instanceof Expression.Binary b) {
            return read(b.right(), read(b.left(), d));
        }
        if (e instanceof Expression.Call c) {
            Set<String> after = d;
            for (Expression argument : c.arguments()) {
                after = read(argument, after);
            }
            for (ModelItem item : items) {
                if (item instanceof ModelItem.Function f && f.name().equals(c.function())) {
                    return call(f, after);
                }
            }
            return after;
        }
        return d;
    }

    /**
     * A FUNCTION or PROCEDURE called with {@code d} assigned. With a TABLE it either looks
     * its names up (assigning them, reading nothing) or runs: definite after it is what
     * both ways assign.
     */
    private Set<String> call(ModelItem.Function f, Set<String> d) {
        if (calling.contains(f.name())) {
            fail("it calls " + f.name() + " recursively");
            return d;
        }
        calling.push(f.name());
        Deque<Set<String>> callers = new ArrayDeque<>(locals);  // the caller's LOCALs are not the callee's
        locals.clear();
        Set<String> scope = new HashSet<>();
        f.arguments().forEach(a -> scope.add(a.name()));
        scope.add(f.name());
        locals.push(scope);
        Set<String> after = statements(f.body(), d);
        locals.clear();
        locals.addAll(callers);
        calling.pop();
        for (Statement s : f.body()) {
            if (s instanceof Statement.Table table) {
                Set<String> looked = new LinkedHashSet<>(d);
                for (String name : table.names()) {
                    if (isTracked(name)) {
                        maybe.add(name);
                        looked.add(name);
                    }
                }
                after.retainAll(looked);
            }
        }
        return after;
    }

    private boolean isTracked(String name) {
        return tracked.contains(name) && locals.stream().noneMatch(scope -> scope.contains(name));
    }

    private void fail(String why) {
        if (problem == null) {
            problem = why;
        }
    }
}
