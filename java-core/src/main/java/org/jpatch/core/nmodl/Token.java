package org.jpatch.core.nmodl;

import org.jpatch.core.nmodl.ast.SourcePosition;

/** One token; {@code text} is its spelling (for block tokens, the raw text they enclose). */
record Token(TokenKind kind, String text, SourcePosition position) {
    String describe() {
        return switch (kind) {
            case NAME, INTEGER, REAL, PRIME -> "'" + text + "'";
            default -> kind.describe();
        };
    }
}
