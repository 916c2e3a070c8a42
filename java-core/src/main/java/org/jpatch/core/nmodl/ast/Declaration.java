package org.jpatch.core.nmodl.ast;

/** One line of a PARAMETER, CONSTANT, INDEPENDENT, ASSIGNED or STATE block. */
public sealed interface Declaration {
    String name();

    SourcePosition position();

    /** {@code name [= value] (unit) <lo, hi>} or {@code name[n] (unit)}: value null when absent, arraySize 0 for scalars. */
    record Parameter(String name, int arraySize, Expression.NumberLiteral value, String unit, Limits limits,
                     SourcePosition position) implements Declaration {}

    record Constant(String name, Expression.NumberLiteral value, String unit, SourcePosition position)
            implements Declaration {}

    /** {@code t FROM 0 TO 1 WITH 1 [START 0] (ms)}; only t is meaningful to NEURON. */
    record IndependentVariable(String name, boolean sweep, Expression.NumberLiteral from,
                               Expression.NumberLiteral to, int with, Expression.NumberLiteral start, String unit,
                               SourcePosition position) implements Declaration {}

    /**
     * An ASSIGNED or STATE variable: {@code name[n] FROM lo TO hi START s (unit) <abstol>},
     * every part optional. {@code range} and {@code start} null when absent, abstol NaN.
     */
    record Variable(String name, int arraySize, Limits range, Expression.NumberLiteral start, String unit,
                    double absoluteTolerance, SourcePosition position) implements Declaration {}

    record Limits(Expression.NumberLiteral low, Expression.NumberLiteral high) {}
}
