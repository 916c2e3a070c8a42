package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Argument;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.Expression.VariableRef;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;

/** Blocks of statements ({@code { LOCAL …; statements }}) as nocmodl's stmtlist accepts them. */
final class StatementParser {
    /** nocmodl's table of numerical methods (init.cpp): SOLVE … METHOD accepts only these. */
    private static final Set<String> METHODS = Set.of("runge", "euler", "newton", "simeq", "_advance", "sparse",
            "derivimplicit", "cnexp", "after_cvode", "cvode_t", "cvode_t_v");

    private final TokenStream tokens;
    private final ExpressionParser expressions;

    StatementParser(TokenStream tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /** {@code { [LOCAL …] statement* }}: LOCAL only first, as in nocmodl's grammar. */
    List<Statement> block(BlockContext context) {
        Token open = tokens.expect(TokenKind.LBRACE, "'{' starting a block");
        List<Statement> body = new ArrayList<>();
        if (tokens.at(TokenKind.LOCAL)) {
            body.add(local());
        }
        while (!tokens.at(TokenKind.RBRACE)) {
            if (tokens.at(TokenKind.EOF)) {
                throw tokens.unexpected("'}' closing the block opened at " + open.position());
            }
            Statement statement = statement(context);
            if (statement != null) {
                body.add(statement);
            }
        }
        tokens.next();
        return List.copyOf(body);
    }

    /** {@code LOCAL a, b[3]}. */
    Statement.Local local() {
        Token keyword = tokens.expect(TokenKind.LOCAL);
        List<Statement.LocalVariable> variables = new ArrayList<>();
        do {
            Token name = tokens.expect(TokenKind.NAME, "a name to declare LOCAL");
            int size = 0;
            if (tokens.accept(TokenKind.LBRACKET)) {
                size = expressions.integer();
                tokens.expect(TokenKind.RBRACKET);
            }
            variables.add(new Statement.LocalVariable(name.text(), size, name.position()));
        } while (tokens.accept(TokenKind.COMMA));
        return new Statement.Local(List.copyOf(variables), keyword.position());
    }

    /** {@code ( name (unit), … )}. */
    List<Argument> arguments() {
        tokens.expect(TokenKind.LPAREN, "'(' starting the argument list");
        List<Argument> arguments = new ArrayList<>();
        if (!tokens.at(TokenKind.RPAREN)) {
            do {
                Token name = tokens.expect(TokenKind.NAME, "an argument name");
                arguments.add(new Argument(name.text(), expressions.optionalUnit(), name.position()));
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RPAREN, "',' or ')' in the argument list");
        return List.copyOf(arguments);
    }

    /** One statement, or null for those that mean nothing to the translator (COMMENT, UNITSON/OFF). */
    private Statement statement(BlockContext context) {
        Token token = tokens.peek();
        SourcePosition at = token.position();
        switch (token.kind()) {
            case NAME:
                if (tokens.peek(1).kind() == TokenKind.LPAREN) {
                    return new Statement.CallStatement(expressions.call(), at);
                }
                return assignment();
            case PRIME:
                return assignment();
            case PROTECT:
                tokens.next();
                return new Statement.Protect(assignment(), at);
            case TILDE, TILDE_PLUS:
                return context == BlockContext.KINETIC ? reaction() : equation(context);
            case IF:
                return ifStatement(context);
            case WHILE: {
                tokens.next();
                tokens.expect(TokenKind.LPAREN, "'(' after while");
                Expression condition = expressions.expression();
                tokens.expect(TokenKind.RPAREN, "')' closing the while condition");
                return new Statement.While(condition, block(context), at);
            }
            case FROM:
                return fromLoop(context);
            case LBRACE:
                return new Statement.Block(block(context), at);
            case SOLVE:
                return solve();
            case CONDUCTANCE: {
                requireContext(context, BlockContext.BREAKPOINT, token);
                tokens.next();
                String conductance = tokens.expect(TokenKind.NAME, "the conductance's name").text();
                String ion = null;
                if (tokens.accept(TokenKind.USEION)) {
                    ion = tokens.expect(TokenKind.NAME, "an ion name").text();
                }
                return new Statement.Conductance(conductance, ion, at);
            }
            case VERBATIM_BLOCK:
                tokens.next();
                return new Statement.Verbatim(token.text(), at);
            case COMMENT_BLOCK, UNITSON, UNITSOFF:
                tokens.next();
                return null;
            case COMPARTMENT, LONGITUDINAL_DIFFUSION:
                requireContext(context, BlockContext.KINETIC, token);
                return compartment();
            case CONSERVE: {
                requireContext(context, BlockContext.KINETIC, token);
                tokens.next();
                List<Statement.Reactant> species = reactants();
                tokens.expect(TokenKind.ASSIGN, "'=' in CONSERVE");
                return new Statement.Conserve(species, expressions.expression(), at);
            }
            case LAG: {
                tokens.next();
                String variable = expressions.variable().name();
                tokens.expect(TokenKind.BY, "BY in LAG name BY const");
                return new Statement.Lag(variable, tokens.expect(TokenKind.NAME, "a name after BY").text(), at);
            }
            case TABLE:
                if (context != BlockContext.FUNCTION && context != BlockContext.PROCEDURE) {
                    throw tokens.error(at, "TABLE valid only for FUNCTION or PROCEDURE");
                }
                return table();
            case INITIAL:
                requireContext(context, BlockContext.NET_RECEIVE, token);
                tokens.next();
                return new Statement.NetReceiveInitial(block(context), at);
            case WATCH:
                return watch();
            case FOR_NETCONS: {
                requireContext(context, BlockContext.NET_RECEIVE, token);
                tokens.next();
                List<Argument> arguments = arguments();
                return new Statement.ForNetcons(arguments, block(context), at);
            }
            case MUTEXLOCK, MUTEXUNLOCK:
                tokens.next();
                return new Statement.Mutex(token.kind() == TokenKind.MUTEXLOCK, at);
            case LOCAL:
                throw tokens.error(at, "LOCAL must be the first statement of its block");
            default:
                throw tokens.unexpected("a statement");
        }
    }

    private void requireContext(BlockContext context, BlockContext required, Token token) {
        if (context != required) {
            throw tokens.error(token.position(), token.describe() + " is allowed only in a " + required + " block");
        }
    }

    private Statement.Assign assignment() {
        VariableRef target = expressions.variable();
        tokens.expect(TokenKind.ASSIGN, "'=' after " + target.name());
        return new Statement.Assign(target, expressions.expression(), target.position());
    }

    private Statement equation(BlockContext context) {
        Token tilde = tokens.next();
        if (!context.allowsEquations() || (tilde.kind() == TokenKind.TILDE_PLUS && context == BlockContext.DERIVATIVE)) {
            throw tokens.error(tilde.position(), "equations can't occur in a " + context + " block");
        }
        Expression left = expressions.expression();
        tokens.expect(TokenKind.ASSIGN, "'=' in the equation");
        Expression right = expressions.expression();
        return new Statement.Equation(tilde.kind() == TokenKind.TILDE_PLUS, left, right, tilde.position());
    }

    /** {@code ~ A + 2 B <-> C (kf, kb)}, {@code ~ A << (flux)}, {@code ~ A -> (flux)}. */
    private Statement reaction() {
        Token tilde = tokens.next();
        if (tilde.kind() == TokenKind.TILDE_PLUS) {
            throw tokens.error(tilde.position(), "equation addition '~+' can't occur in a KINETIC block");
        }
        List<Statement.Reactant> left = reactants();
        if (tokens.accept(TokenKind.REACT_BOTH)) {
            List<Statement.Reactant> right = reactants();
            tokens.expect(TokenKind.LPAREN, "'(' before the rates");
            Expression forward = expressions.expression();
            tokens.expect(TokenKind.COMMA, "',' between the forward and backward rates");
            Expression backward = expressions.expression();
            tokens.expect(TokenKind.RPAREN, "')' after the rates");
            return new Statement.Reaction(left, Statement.ReactionKind.BOTH, right, forward, backward,
                    tilde.position());
        }
        Statement.ReactionKind kind;
        if (tokens.accept(TokenKind.LT)) {
            tokens.expect(TokenKind.LT, "'<<' (a flux into the species)");
            kind = Statement.ReactionKind.FLUX_IN;
        } else if (tokens.accept(TokenKind.MINUS)) {
            tokens.expect(TokenKind.GT, "'->' (a flux out of the species)");
            kind = Statement.ReactionKind.FLUX_OUT;
        } else {
            throw tokens.unexpected("'<->', '<<' or '->' in the reaction");
        }
        tokens.expect(TokenKind.LPAREN, "'(' before the flux");
        Expression flux = expressions.expression();
        tokens.expect(TokenKind.RPAREN, "')' after the flux");
        return new Statement.Reaction(left, kind, List.of(), flux, null, tilde.position());
    }

    /** {@code [n] species + [n] species …}. */
    private List<Statement.Reactant> reactants() {
        List<Statement.Reactant> species = new ArrayList<>();
        do {
            int coefficient = tokens.at(TokenKind.INTEGER) ? expressions.integer() : 1;
            species.add(new Statement.Reactant(coefficient, expressions.variable()));
        } while (tokens.accept(TokenKind.PLUS));
        return List.copyOf(species);
    }

    private Statement ifStatement(BlockContext context) {
        Token keyword = tokens.expect(TokenKind.IF);
        tokens.expect(TokenKind.LPAREN, "'(' after if");
        Expression condition = expressions.expression();
        tokens.expect(TokenKind.RPAREN, "')' closing the if condition");
        List<Statement> body = block(context);
        List<Statement> elseBody = List.of();
        if (tokens.accept(TokenKind.ELSE)) {
            elseBody = tokens.at(TokenKind.IF) ? List.of(ifStatement(context)) : block(context);
        }
        return new Statement.If(condition, body, elseBody, keyword.position());
    }

    private Statement fromLoop(BlockContext context) {
        Token keyword = tokens.expect(TokenKind.FROM);
        String variable = tokens.expect(TokenKind.NAME, "the loop variable").text();
        tokens.expect(TokenKind.ASSIGN, "'=' after the loop variable");
        Expression from = expressions.expression();
        tokens.expect(TokenKind.TO, "TO in FROM i = a TO b");
        Expression to = expressions.expression();
        Expression step = tokens.accept(TokenKind.BY) ? expressions.expression() : null;
        return new Statement.FromLoop(variable, from, to, step, block(context), keyword.position());
    }

    private Statement solve() {
        Token keyword = tokens.expect(TokenKind.SOLVE);
        String block = tokens.expect(TokenKind.NAME, "the name of the block to SOLVE").text();
        String methodKeyword = null;
        String method = null;
        if (tokens.at(TokenKind.METHOD) || tokens.at(TokenKind.STEADYSTATE)) {
            methodKeyword = tokens.next().text();
            Token name = tokens.expect(TokenKind.NAME, "a method name");
            if (!METHODS.contains(name.text())) {
                throw tokens.error(name.position(), "unknown method '" + name.text() + "': expected one of "
                        + METHODS.stream().sorted().toList());
            }
            method = name.text();
        }
        return new Statement.Solve(block, methodKeyword, method, keyword.position());
    }

    private Statement compartment() {
        Token keyword = tokens.next();
        String index = null;
        if (tokens.at(TokenKind.NAME) && tokens.peek(1).kind() == TokenKind.COMMA) {
            index = tokens.next().text();
            tokens.next();
        }
        Expression volume = expressions.expression();
        tokens.expect(TokenKind.LBRACE, "'{' before the list of species");
        List<String> species = new ArrayList<>();
        do {
            species.add(tokens.expect(TokenKind.NAME, "a species name").text());
        } while (!tokens.accept(TokenKind.RBRACE));
        return new Statement.Compartment(keyword.kind() == TokenKind.LONGITUDINAL_DIFFUSION, index, volume,
                List.copyOf(species), keyword.position());
    }

    private Statement table() {
        Token keyword = tokens.expect(TokenKind.TABLE);
        List<String> names = tokens.at(TokenKind.NAME) ? names() : List.of();
        List<String> depend = tokens.accept(TokenKind.DEPEND) ? names() : List.of();
        tokens.expect(TokenKind.FROM, "FROM in TABLE [names] [DEPEND names] FROM lo TO hi WITH n");
        Expression from = expressions.expression();
        tokens.expect(TokenKind.TO, "TO in TABLE … FROM lo TO hi WITH n");
        Expression to = expressions.expression();
        tokens.expect(TokenKind.WITH, "WITH in TABLE … FROM lo TO hi WITH n");
        return new Statement.Table(names, depend, from, to, expressions.integer(), keyword.position());
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        do {
            names.add(tokens.expect(TokenKind.NAME, "a name").text());
        } while (tokens.accept(TokenKind.COMMA));
        return List.copyOf(names);
    }

    /** {@code WATCH (a > b) flag, (c < d) flag}. */
    private Statement watch() {
        Token keyword = tokens.expect(TokenKind.WATCH);
        List<Statement.WatchCondition> conditions = new ArrayList<>();
        do {
            tokens.expect(TokenKind.LPAREN, "'(' starting the WATCH condition");
            Expression left = expressions.arithmetic();
            boolean above;
            if (tokens.accept(TokenKind.GT)) {
                above = true;
            } else if (tokens.accept(TokenKind.LT)) {
                above = false;
            } else {
                throw tokens.unexpected("'>' or '<' in the WATCH condition");
            }
            Expression right = expressions.arithmetic();
            tokens.expect(TokenKind.RPAREN, "')' closing the WATCH condition");
            conditions.add(new Statement.WatchCondition(left, above, right, expressions.unsignedNumber()));
        } while (tokens.accept(TokenKind.COMMA));
        return new Statement.Watch(List.copyOf(conditions), keyword.position());
    }
}
