package org.jpatch.core.nmodl;

import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.Expression.Binary;
import org.jpatch.core.nmodl.ast.Expression.BinaryOperator;
import org.jpatch.core.nmodl.ast.Expression.NumberLiteral;
import org.jpatch.core.nmodl.ast.Expression.Unary;
import org.jpatch.core.nmodl.ast.Expression.UnaryOperator;
import org.jpatch.core.nmodl.ast.Expression.VariableRef;
import org.jpatch.core.nmodl.ast.SourcePosition;

/**
 * What cnexp needs of {@code s' = f}: {@code a = ∂f/∂s} and {@code f} at {@code s = 0}, as
 * expressions. Simplifications are only those that leave every double unchanged
 * ({@code x + 0}, {@code 1 * x}, {@code 0 - 1}), so that {@code s + (1 - exp(dt·a))·(-f0/a - s)}
 * rounds as nocmodl's text does.
 */
final class SymbolicDerivative {
    private final String state;

    SymbolicDerivative(String state) {
        this.state = state;
    }

    /** ∂e/∂state, or null when e depends on the state other than through + - * / (non-linear for cnexp's purpose). */
    Expression derivative(Expression e) {
        if (!mentionsState(e)) {
            return zero(e.position());
        }
        if (e instanceof VariableRef v) {
            return v.index() == null && v.derivativeOrder() == 0 ? one(v.position()) : null;
        }
        if (e instanceof Unary u && u.operator() == UnaryOperator.NEGATE) {
            Expression d = derivative(u.operand());
            return d == null ? null : negate(d);
        }
        if (e instanceof Binary b) {
            Expression dl = derivative(b.left());
            Expression dr = derivative(b.right());
            if (dl == null || dr == null) {
                return null;
            }
            SourcePosition at = b.position();
            return switch (b.operator()) {
                case ADD -> add(dl, dr, at);
                case SUBTRACT -> subtract(dl, dr, at);
                case MULTIPLY -> add(multiply(dl, b.right(), at), multiply(b.left(), dr, at), at);
                case DIVIDE -> isZero(dr) ? divide(dl, b.right(), at) : null;
                default -> null;
            };
        }
        return null;
    }

    /** e with the state replaced by 0.0. */
    Expression atZero(Expression e) {
        if (e instanceof VariableRef v && v.name().equals(state) && v.derivativeOrder() == 0) {
            return zero(v.position());
        }
        if (e instanceof Unary u) {
            return new Unary(u.operator(), atZero(u.operand()), u.position());
        }
        if (e instanceof Binary b) {
            Expression l = atZero(b.left());
            Expression r = atZero(b.right());
            if (b.operator() == BinaryOperator.SUBTRACT && isZero(r)) {
                return l; // x - 0.0 == x for every double x
            }
            if (b.operator() == BinaryOperator.ADD && isZero(r)) {
                return l;
            }
            return new Binary(b.operator(), l, r, b.position());
        }
        if (e instanceof Expression.Call c) {
            return new Expression.Call(c.function(), c.arguments().stream().map(this::atZero).toList(), c.position());
        }
        return e;
    }

    boolean mentionsState(Expression e) {
        if (e instanceof VariableRef v) {
            return v.name().equals(state) || (v.index() != null && mentionsState(v.index()));
        }
        if (e instanceof Unary u) {
            return mentionsState(u.operand());
        }
        if (e instanceof Binary b) {
            return mentionsState(b.left()) || mentionsState(b.right());
        }
        if (e instanceof Expression.Call c) {
            return c.arguments().stream().anyMatch(this::mentionsState);
        }
        return false;
    }

    private static Expression add(Expression a, Expression b, SourcePosition at) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return b;
        }
        return new Binary(BinaryOperator.ADD, a, b, at);
    }

    private static Expression subtract(Expression a, Expression b, SourcePosition at) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return negate(b);
        }
        return new Binary(BinaryOperator.SUBTRACT, a, b, at);
    }

    private static Expression multiply(Expression a, Expression b, SourcePosition at) {
        if (isZero(a) || isZero(b)) {
            return zero(at);
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        return new Binary(BinaryOperator.MULTIPLY, a, b, at);
    }

    private static Expression divide(Expression a, Expression b, SourcePosition at) {
        if (isZero(a)) {
            return zero(at);
        }
        return new Binary(BinaryOperator.DIVIDE, a, b, at);
    }

    private static Expression negate(Expression e) {
        if (e instanceof NumberLiteral n) {
            return new NumberLiteral("-" + n.text(), -n.value(), null, n.position());
        }
        return new Unary(UnaryOperator.NEGATE, e, e.position());
    }

    private static boolean isZero(Expression e) {
        return e instanceof NumberLiteral n && n.value() == 0.0;
    }

    private static boolean isOne(Expression e) {
        return e instanceof NumberLiteral n && n.value() == 1.0;
    }

    private static NumberLiteral zero(SourcePosition at) {
        return new NumberLiteral("0.0", 0.0, null, at);
    }

    private static NumberLiteral one(SourcePosition at) {
        return new NumberLiteral("1.0", 1.0, null, at);
    }
}
