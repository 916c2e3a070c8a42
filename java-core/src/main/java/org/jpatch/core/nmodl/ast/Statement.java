package org.jpatch.core.nmodl.ast;

import java.util.List;

/** A statement inside a block ({@code { ... }}). */
public sealed interface Statement {
    SourcePosition position();

    record Assign(Expression.VariableRef target, Expression value, SourcePosition position) implements Statement {}

    /** PROTECT: an assignment NEURON guards with a mutex when threads share it. */
    record Protect(Assign assignment, SourcePosition position) implements Statement {}

    record CallStatement(Expression.Call call, SourcePosition position) implements Statement {}

    /** LOCAL a, b[3]: only as the first statement of a block (or at top level), as in NEURON. */
    record Local(List<LocalVariable> variables, SourcePosition position) implements Statement {}

    record LocalVariable(String name, int arraySize, SourcePosition position) {}

    /** if/else if/else: {@code elseBody} holds a nested If for an else-if chain; empty when absent. */
    record If(Expression condition, List<Statement> body, List<Statement> elseBody, SourcePosition position)
            implements Statement {}

    record While(Expression condition, List<Statement> body, SourcePosition position) implements Statement {}

    /** FROM i = a TO b [BY c] { }: an integer loop, both ends inclusive. {@code step} may be null. */
    record FromLoop(String variable, Expression from, Expression to, Expression step, List<Statement> body,
                    SourcePosition position) implements Statement {}

    /** A nested { } block. */
    record Block(List<Statement> body, SourcePosition position) implements Statement {}

    /**
     * SOLVE block [METHOD m | STEADYSTATE m]: {@code methodKeyword} is "METHOD", "STEADYSTATE"
     * or null; {@code method} null when none is named.
     */
    record Solve(String block, String methodKeyword, String method, SourcePosition position) implements Statement {}

    /** CONDUCTANCE g [USEION ion]: the conductance nocmodl may use instead of the v+0.001 difference. */
    record Conductance(String conductance, String ion, SourcePosition position) implements Statement {}

    /** Embedded C: kept with its position so loading can refuse it with file:line. */
    record Verbatim(String text, SourcePosition position) implements Statement {}

    /** {@code ~ lhs = rhs} in LINEAR/NONLINEAR/DERIVATIVE; {@code additive} for {@code ~+}. */
    record Equation(boolean additive, Expression left, Expression right, SourcePosition position)
            implements Statement {}

    /**
     * A KINETIC reaction: {@code ~ A + 2 B <-> C (kf, kb)} (BOTH, both rates), or a flux
     * {@code ~ A << (f)} (FLUX_IN, rate in forward; right empty) or {@code ~ A -> (f)}
     * (FLUX_OUT).
     */
    record Reaction(List<Reactant> left, ReactionKind kind, List<Reactant> right, Expression forward,
                    Expression backward, SourcePosition position) implements Statement {}

    enum ReactionKind { BOTH, FLUX_IN, FLUX_OUT }

    record Reactant(int coefficient, Expression.VariableRef species) {}

    record Conserve(List<Reactant> species, Expression total, SourcePosition position) implements Statement {}

    /**
     * COMPARTMENT [i,] volume { species } and LONGITUDINAL_DIFFUSION [i,] rate { species }:
     * {@code indexVariable} null when there is no index.
     */
    record Compartment(boolean longitudinalDiffusion, String indexVariable, Expression volume, List<String> species,
                       SourcePosition position) implements Statement {}

    /** TABLE names DEPEND names FROM lo TO hi WITH n. */
    record Table(List<String> names, List<String> depend, Expression from, Expression to, int with,
                 SourcePosition position) implements Statement {}

    /** LAG var BY tau. */
    record Lag(String variable, String by, SourcePosition position) implements Statement {}

    /** WATCH (a > b) flag, (c < d) flag2 ... */
    record Watch(List<WatchCondition> conditions, SourcePosition position) implements Statement {}

    record WatchCondition(Expression left, boolean above, Expression right, Expression flag) {}

    /** FOR_NETCONS(w, ...) { }: inside NET_RECEIVE. */
    record ForNetcons(List<Argument> arguments, List<Statement> body, SourcePosition position) implements Statement {}

    /** INITIAL { } inside NET_RECEIVE: runs per NetCon at finitialize. */
    record NetReceiveInitial(List<Statement> body, SourcePosition position) implements Statement {}

    record Mutex(boolean lock, SourcePosition position) implements Statement {}
}
