package org.jpatch.core.nmodl.ast;

import java.util.List;

/** What may appear at the top level of a .mod file, in source order. */
public sealed interface ModelItem {
    SourcePosition position();

    record Title(String text, SourcePosition position) implements ModelItem {}

    /** DEFINE NAME integer: later uses of NAME are that integer (the parser substitutes them). */
    record Define(String name, int value, SourcePosition position) implements ModelItem {}

    /** INCLUDE "file": the included file's items, positioned in that file. */
    record Include(String path, String resolvedFile, List<ModelItem> items, SourcePosition position)
            implements ModelItem {}

    record Verbatim(String text, SourcePosition position) implements ModelItem {}

    /** LOCAL at top level: variables shared by all instances (nocmodl makes them static). */
    record TopLocal(Statement.Local local, SourcePosition position) implements ModelItem {}

    record Neuron(List<NeuronStatement> statements, SourcePosition position) implements ModelItem {}

    record Units(List<UnitDefinition> definitions, SourcePosition position) implements ModelItem {}

    record Parameters(List<Declaration.Parameter> parameters, SourcePosition position) implements ModelItem {}

    record Constants(List<Declaration.Constant> constants, SourcePosition position) implements ModelItem {}

    record Independent(List<Declaration.IndependentVariable> variables, SourcePosition position)
            implements ModelItem {}

    /** ASSIGNED (state = false) and STATE (state = true) share nocmodl's declaration syntax. */
    record Variables(boolean state, List<Declaration.Variable> variables, SourcePosition position)
            implements ModelItem {}

    /**
     * A named or unnamed block of statements. {@code name} is null for INITIAL, BREAKPOINT,
     * CONSTRUCTOR, DESTRUCTOR; {@code solveFor} is empty unless SOLVEFOR was given.
     */
    record CodeBlock(BlockKind kind, String name, List<String> solveFor, List<Statement> body,
                     SourcePosition position) implements ModelItem {}

    enum BlockKind { INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, LINEAR, NONLINEAR, DISCRETE, CONSTRUCTOR, DESTRUCTOR }

    /** FUNCTION (returns a value, assigned to its own name) or PROCEDURE. */
    record Function(boolean procedure, String name, List<Argument> arguments, String unit, List<Statement> body,
                    SourcePosition position) implements ModelItem {}

    /** FUNCTION_TABLE name(args) (unit): values supplied from hoc at run time. */
    record FunctionTable(String name, List<Argument> arguments, String unit, SourcePosition position)
            implements ModelItem {}

    record NetReceive(List<Argument> arguments, List<Statement> body, SourcePosition position) implements ModelItem {}

    /** BEFORE|AFTER BREAKPOINT|SOLVE|INITIAL|STEP { }. */
    record BeforeAfter(boolean before, String when, List<Statement> body, SourcePosition position)
            implements ModelItem {}
}
