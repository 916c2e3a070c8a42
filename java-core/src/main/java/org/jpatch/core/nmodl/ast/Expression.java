package org.jpatch.core.nmodl.ast;

import java.util.List;

/** An NMODL expression, as written (no folding): the code generator decides what it means. */
public sealed interface Expression {
    SourcePosition position();

    /** A number as spelled ({@code -5}, {@code 1e-3}) and its unit when one follows, else null. */
    record NumberLiteral(String text, double value, String unit, SourcePosition position) implements Expression {}

    /**
     * A variable: {@code v}, {@code m'} (derivativeOrder 1), {@code ca[i]}. {@code index} is
     * null for scalars.
     */
    record VariableRef(String name, int derivativeOrder, Expression index, SourcePosition position)
            implements Expression {}

    /** {@code f(a, b)}; string arguments appear as {@link StringLiteral}. */
    record Call(String function, List<Expression> arguments, SourcePosition position) implements Expression {}

    record StringLiteral(String text, SourcePosition position) implements Expression {}

    record Unary(UnaryOperator operator, Expression operand, SourcePosition position) implements Expression {}

    /**
     * {@code position}: the operator's, or the opening parenthesis' when the file put the
     * operation in parentheses ({@link #parenthesized}).
     */
    record Binary(BinaryOperator operator, Expression left, Expression right, SourcePosition position)
            implements Expression {
        /** Whether the file wrote this operation in parentheses: its position is before its left operand. */
        public boolean parenthesized() {
            return position.isBefore(start(left));
        }

        /** Where an expression's text starts. */
        private static SourcePosition start(Expression e) {
            if (e instanceof Binary b) {
                SourcePosition left = start(b.left());
                return b.position().isBefore(left) ? b.position() : left;
            }
            return e.position();
        }
    }

    enum UnaryOperator { NEGATE, NOT }

    /** Precedence from nocmodl's parse1.ypp, low to high; all left-associative except POWER. */
    enum BinaryOperator {
        OR(1), AND(2),
        GREATER(3), GREATER_EQUAL(3), LESS(3), LESS_EQUAL(3), EQUAL(3), NOT_EQUAL(3),
        ADD(4), SUBTRACT(4), MULTIPLY(5), DIVIDE(5),
        POWER(7);

        /** Unary minus and NOT sit at 6: above '*', below '^'. */
        public static final int UNARY_PRECEDENCE = 6;

        private final int precedence;

        BinaryOperator(int precedence) {
            this.precedence = precedence;
        }

        public int precedence() {
            return precedence;
        }

        public boolean rightAssociative() {
            return this == POWER;
        }
    }
}
