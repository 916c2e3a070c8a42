package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.SourcePosition;

/**
 * The parser's view of the lexer: lookahead, expectations with precise errors, and
 * nocmodl's DEFINE substitution (a DEFINEd name reads as its integer, as nocmodl's
 * DEFINEDVAR token does).
 */
final class TokenStream {
    private final Lexer lexer;
    private final List<Token> lookahead = new ArrayList<>();
    private final Map<String, String> defines;
    /** Names in the order the lexer met them first, as nocmodl's lexer installs its symbols. */
    private final Set<String> names;

    TokenStream(Lexer lexer, Map<String, String> defines, Set<String> names) {
        this.lexer = lexer;
        this.defines = defines;
        this.names = names;
    }

    Map<String, String> defines() {
        return defines;
    }

    Set<String> names() {
        return names;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            Token token = lexer.next();
            if (token.kind() == TokenKind.NAME || token.kind() == TokenKind.PRIME) {
                names.add(token.text().replace("'", ""));
            }
            lookahead.add(substituteDefine(token));
        }
        return lookahead.get(ahead);
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    Token next() {
        Token token = peek();
        lookahead.remove(0);
        return token;
    }

    /** Consumes the next token when it is of this kind. */
    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind) {
        return expect(kind, kind.describe());
    }

    Token expect(TokenKind kind, String what) {
        if (!at(kind)) {
            throw unexpected(what);
        }
        return next();
    }

    /** An error at the next token: "expected {what}, found {token}". */
    NmodlSyntaxException unexpected(String what) {
        Token found = peek();
        return new NmodlSyntaxException(found.position(), "expected " + what + ", found " + found.describe());
    }

    NmodlSyntaxException error(SourcePosition at, String message) {
        return new NmodlSyntaxException(at, message);
    }

    /**
     * After '(' was consumed: the unit text up to ')', and the ')'. The '(' must have been
     * the last token looked at, since the unit is raw text, not tokens.
     */
    String unitAfterOpenParen() {
        if (!lookahead.isEmpty()) {
            throw new IllegalStateException("unit read with tokens looked ahead: " + lookahead);
        }
        String unit = lexer.readUnitText();
        expect(TokenKind.RPAREN);
        return unit;
    }

    private Token substituteDefine(Token token) {
        if (token.kind() == TokenKind.NAME) {
            String value = defines.get(token.text());
            if (value != null) {
                return new Token(TokenKind.INTEGER, value, token.position());
            }
        }
        return token;
    }
}
