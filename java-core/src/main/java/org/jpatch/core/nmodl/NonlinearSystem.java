package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * A NONLINEAR block as nocmodl's massagenonlin sees it: the STATEs it names are the
 * unknowns, ordered as nocmodl's symbol table lists them (SYMITER_STAT: by first
 * character), and each {@code ~ left = right} is the residual nocmodl writes as the C
 * text {@code -(left) + right}, which C reads by its precedence.
 */
final class NonlinearSystem {
    private final List<String> unknowns;

    private NonlinearSystem(List<String> unknowns) {
        this.unknowns = unknowns;
    }

    static NonlinearSystem of(ModelItem.CodeBlock block, MechanismInterface mechanism) {
        List<String> named = new ArrayList<>();
        int equations = collect(block.body(), mechanism, named);
        for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
                if (named.get(i).charAt(0) == named.get(j).charAt(0)) {
                    // nocmodl lists symbols of one first letter newest first: the order the file
                    // first mentions them, which the AST does not keep
                    throw new NmodlSyntaxException(block.position(), "NONLINEAR " + block.name()
                            + " with unknowns of one first letter (" + named.get(i) + ", " + named.get(j)
                            + ") not supported yet by jpatch's NMODL translator");
                }
            }
        }
        named.sort(Comparator.comparingInt(name -> name.charAt(0)));
        if (equations != named.size()) {
            throw new NmodlSyntaxException(block.position(), "Number of equations, " + equations
                    + ", does not equal number, " + named.size() + " of states used in NONLINEAR " + block.name());
        }
        return new NonlinearSystem(List.copyOf(named));
    }

    /** The unknowns in nocmodl's _slist order. */
    List<String> unknowns() {
        return unknowns;
    }

    /**
     * {@code -(left) + right} as C parses nocmodl's text: a right side that is a sum or
     * difference not in parentheses joins the left's term by term,
     * {@code -(l) + a - b} being {@code (-(l) + a) - b}.
     */
    static Expression residual(Statement.Equation equation) {
        if (equation.additive()) {
            throw new NmodlSyntaxException(equation.position(), "~+ equations in NONLINEAR not supported yet by"
                    + " jpatch's NMODL translator");
        }
        Expression negatedLeft = new Expression.Unary(Expression.UnaryOperator.NEGATE, equation.left(),
                equation.position());
        return joined(negatedLeft, equation.right());
    }

    /** {@code first + terms}: the terms of an unparenthesized chain of + and - added one by one, as C reads them. */
    private static Expression joined(Expression first, Expression terms) {
        if (terms instanceof Expression.Binary b && !b.parenthesized()
                && (b.operator() == Expression.BinaryOperator.ADD || b.operator() == Expression.BinaryOperator.SUBTRACT)) {
            return new Expression.Binary(b.operator(), joined(first, b.left()), b.right(), b.position());
        }
        return new Expression.Binary(Expression.BinaryOperator.ADD, first, terms, first.position());
    }

    /** Counts the equations; adds the STATEs the block names, in the order met. */
    private static int collect(List<Statement> body, MechanismInterface mechanism, List<String> named) {
        int equations = 0;
        for (Statement s : body) {
            if (s instanceof Statement.Equation equation) {
                equations++;
                states(equation.left(), mechanism, named);
                states(equation.right(), mechanism, named);
            } else if (s instanceof Statement.Assign assign) {
                states(assign.value(), mechanism, named);
            } else if (!(s instanceof Statement.Local)) {
                throw new NmodlSyntaxException(s.position(), s.getClass().getSimpleName()
                        + " statements in NONLINEAR not supported yet by jpatch's NMODL translator");
            }
        }
        return equations;
    }

    private static void states(Expression e, MechanismInterface mechanism, List<String> named) {
        if (e instanceof Expression.VariableRef ref) {
            if (ref.index() != null) {
                throw new NmodlSyntaxException(ref.position(), "arrays in NONLINEAR not supported yet by jpatch's"
                        + " NMODL translator");
            }
            boolean state = mechanism.states().stream().anyMatch(v -> v.name().equals(ref.name()));
            if (state && !named.contains(ref.name())) {
                named.add(ref.name());
            }
        } else if (e instanceof Expression.Unary u) {
            states(u.operand(), mechanism, named);
        } else if (e instanceof Expression.Binary b) {
            states(b.left(), mechanism, named);
            states(b.right(), mechanism, named);
        } else if (e instanceof Expression.Call c) {
            c.arguments().forEach(a -> states(a, mechanism, named));
        }
    }
}
