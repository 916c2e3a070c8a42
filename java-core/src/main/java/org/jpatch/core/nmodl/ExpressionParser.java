package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.Expression.BinaryOperator;
import org.jpatch.core.nmodl.ast.Expression.NumberLiteral;
import org.jpatch.core.nmodl.ast.Expression.UnaryOperator;
import org.jpatch.core.nmodl.ast.Expression.VariableRef;
import org.jpatch.core.nmodl.ast.SourcePosition;

/**
 * Expressions by precedence climbing over nocmodl's precedence table (parse1.ypp, low to
 * high): {@code ||}, {@code &&}, the six relations (one level, left-associative, unlike C),
 * {@code + -}, {@code * /}, unary {@code -} and {@code !}, then {@code ^} (right-associative).
 * So {@code -x^2} is {@code -(x^2)}, {@code 2^-1*3} is {@code (2^(-1))*3} and
 * {@code !a == b} is {@code (!a) == b}, as bison resolves nocmodl's grammar.
 */
final class ExpressionParser {
    private final TokenStream tokens;

    ExpressionParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    Expression expression() {
        return climb(1, false);
    }

    /** The operands of WATCH: nocmodl's aexpr, arithmetic only. */
    Expression arithmetic() {
        return climb(BinaryOperator.ADD.precedence(), true);
    }

    private Expression climb(int minimumPrecedence, boolean arithmeticOnly) {
        Expression left = unary(arithmeticOnly);
        while (true) {
            BinaryOperator operator = binaryOperator(tokens.peek().kind());
            if (operator == null || operator == BinaryOperator.POWER || operator.precedence() < minimumPrecedence
                    || (arithmeticOnly && operator.precedence() < BinaryOperator.ADD.precedence())) {
                return left;
            }
            SourcePosition at = tokens.next().position();
            Expression right = climb(operator.precedence() + 1, arithmeticOnly);
            left = new Expression.Binary(operator, left, right, at);
        }
    }

    private Expression unary(boolean arithmeticOnly) {
        Token token = tokens.peek();
        if (token.kind() == TokenKind.MINUS) {
            tokens.next();
            return new Expression.Unary(UnaryOperator.NEGATE, unary(arithmeticOnly), token.position());
        }
        if (token.kind() == TokenKind.NOT && !arithmeticOnly) {
            tokens.next();
            return new Expression.Unary(UnaryOperator.NOT, unary(false), token.position());
        }
        Expression base = primary(arithmeticOnly);
        if (tokens.at(TokenKind.CARET)) {
            SourcePosition at = tokens.next().position();
            // the exponent may itself start with '-' and binds every later '^': right-associative
            return new Expression.Binary(BinaryOperator.POWER, base, unary(arithmeticOnly), at);
        }
        return base;
    }

    private Expression primary(boolean arithmeticOnly) {
        Token token = tokens.peek();
        switch (token.kind()) {
            case INTEGER, REAL -> {
                tokens.next();
                return new NumberLiteral(token.text(), parseNumber(token), optionalUnit(), token.position());
            }
            case NAME -> {
                if (tokens.peek(1).kind() == TokenKind.LPAREN) {
                    return call();
                }
                return variable();
            }
            case PRIME -> {
                return variable();
            }
            case LPAREN -> {
                tokens.next();
                Expression inner = arithmeticOnly ? arithmetic() : expression();
                tokens.expect(TokenKind.RPAREN, "')' closing the '(' at " + token.position());
                // a parenthesized operation is positioned at its '(': where nocmodl pastes C text
                // (a NONLINEAR equation's right side), whether the file wrote parentheses matters
                return inner instanceof Expression.Binary b
                        ? new Expression.Binary(b.operator(), b.left(), b.right(), token.position()) : inner;
            }
            default -> throw tokens.unexpected("an expression");
        }
    }

    /** {@code name(args)}: arguments are expressions or strings. */
    Expression.Call call() {
        Token name = tokens.expect(TokenKind.NAME, "a function name");
        tokens.expect(TokenKind.LPAREN);
        List<Expression> arguments = new ArrayList<>();
        if (!tokens.at(TokenKind.RPAREN)) {
            do {
                Token token = tokens.peek();
                if (token.kind() == TokenKind.STRING) {
                    tokens.next();
                    arguments.add(new Expression.StringLiteral(token.text(), token.position()));
                } else {
                    arguments.add(expression());
                }
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RPAREN, "',' or ')' in the arguments of " + name.text());
        return new Expression.Call(name.text(), List.copyOf(arguments), name.position());
    }

    /** {@code name}, {@code name'}, {@code name[index]}. */
    VariableRef variable() {
        Token token = tokens.peek();
        String name;
        int order = 0;
        if (token.kind() == TokenKind.PRIME) {
            int quote = token.text().indexOf('\'');
            name = token.text().substring(0, quote);
            order = token.text().length() - quote;
        } else if (token.kind() == TokenKind.NAME) {
            name = token.text();
        } else {
            throw tokens.unexpected("a variable name");
        }
        tokens.next();
        Expression index = null;
        if (tokens.accept(TokenKind.LBRACKET)) {
            index = expression();
            tokens.expect(TokenKind.RBRACKET, "']' closing the index of " + name);
        }
        return new VariableRef(name, order, index, token.position());
    }

    /** A declaration's number: an optional '-' and an integer or real, no unit. */
    NumberLiteral signedNumber() {
        Token minus = tokens.peek().kind() == TokenKind.MINUS ? tokens.next() : null;
        Token number = tokens.peek();
        if (number.kind() != TokenKind.INTEGER && number.kind() != TokenKind.REAL) {
            throw tokens.unexpected("a number");
        }
        tokens.next();
        double value = parseNumber(number);
        if (minus == null) {
            return new NumberLiteral(number.text(), value, null, number.position());
        }
        return new NumberLiteral("-" + number.text(), -value, null, minus.position());
    }

    /** nocmodl's {@code real}: an unsigned integer or real. */
    NumberLiteral unsignedNumber() {
        Token number = tokens.peek();
        if (number.kind() != TokenKind.INTEGER && number.kind() != TokenKind.REAL) {
            throw tokens.unexpected("a number");
        }
        tokens.next();
        return new NumberLiteral(number.text(), parseNumber(number), null, number.position());
    }

    int integer() {
        Token token = tokens.expect(TokenKind.INTEGER, "an integer");
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw tokens.error(token.position(), "integer out of range: " + token.text());
        }
    }

    /** A parenthesised unit when the next token is '(', else null. */
    String optionalUnit() {
        if (!tokens.at(TokenKind.LPAREN)) {
            return null;
        }
        tokens.next();
        return tokens.unitAfterOpenParen();
    }

    /** A parenthesised unit that must be there. */
    String unit() {
        tokens.expect(TokenKind.LPAREN, "a unit in parentheses");
        return tokens.unitAfterOpenParen();
    }

    private static double parseNumber(Token token) {
        // C's strtod and Java's parseDouble both round correctly, so the values agree bit for bit
        return Double.parseDouble(token.text());
    }

    private static BinaryOperator binaryOperator(TokenKind kind) {
        return switch (kind) {
            case OR -> BinaryOperator.OR;
            case AND -> BinaryOperator.AND;
            case GT -> BinaryOperator.GREATER;
            case GE -> BinaryOperator.GREATER_EQUAL;
            case LT -> BinaryOperator.LESS;
            case LE -> BinaryOperator.LESS_EQUAL;
            case EQ -> BinaryOperator.EQUAL;
            case NE -> BinaryOperator.NOT_EQUAL;
            case PLUS -> BinaryOperator.ADD;
            case MINUS -> BinaryOperator.SUBTRACT;
            case STAR -> BinaryOperator.MULTIPLY;
            case SLASH -> BinaryOperator.DIVIDE;
            case CARET -> BinaryOperator.POWER;
            default -> null;
        };
    }
}
