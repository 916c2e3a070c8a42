package org.jpatch.core.nmodl.ast;

/** One line of the UNITS block. Unit texts are as written between the parentheses. */
public sealed interface UnitDefinition {
    SourcePosition position();

    /** {@code (mV) = (millivolt)}: a new unit name for the rest of the file. */
    record Alias(String unit, String definition, SourcePosition position) implements UnitDefinition {}

    /**
     * {@code FARADAY = (faraday) (coulomb)} or {@code x = (foot) -> (inch)}: the named
     * constant is the factor converting {@code from} into {@code to}.
     */
    record ConversionFactor(String name, String from, String to, SourcePosition position) implements UnitDefinition {}

    /** {@code F = 96485.3 (coulomb)}: the named constant is the number as written. */
    record NumericConstant(String name, Expression.NumberLiteral value, String unit, SourcePosition position)
            implements UnitDefinition {}
}
