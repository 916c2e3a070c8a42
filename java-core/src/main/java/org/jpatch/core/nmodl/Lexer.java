package org.jpatch.core.nmodl;

import org.jpatch.core.nmodl.ast.SourcePosition;

/**
 * Splits one NMODL source text into tokens, on demand, following nocmodl's lexer
 * ({@code src/nocmodl/lex.lpp}). On demand because NMODL is not context-free at the
 * character level: a unit such as {@code (mV/ms)} or {@code (/s)} is raw text the parser
 * asks for after it has consumed {@code (} ({@link #readUnitText}), just as nocmodl's
 * {@code inputtopar()} does.
 */
final class Lexer {
    private final String file;
    private final String text;
    private int offset;
    private int line = 1;
    private int lineStart;
    /** The previous token was REPRESENTS: the next one is an ontology id ({@code [NCIT:C17145]}). */
    private boolean ontologyNext;

    Lexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    SourcePosition position() {
        return new SourcePosition(file, line, offset - lineStart + 1);
    }

    Token next() {
        if (ontologyNext) {
            ontologyNext = false;
            return ontologyId();
        }
        skipBlanksAndComments();
        SourcePosition start = position();
        if (offset >= text.length()) {
            return new Token(TokenKind.EOF, "", start);
        }
        char c = text.charAt(offset);
        if (isLetter(c)) {
            return nameOrKeyword(start);
        }
        if (isDigit(c) || (c == '.' && offset + 1 < text.length() && isDigit(text.charAt(offset + 1)))) {
            return number(start);
        }
        if (c == '"') {
            int close = text.indexOf('"', offset + 1);
            int newline = indexOfNewline(offset + 1);
            if (close < 0 || (newline >= 0 && newline < close)) {
                // flex's \"[^\"]*\" may span lines; nothing NEURON ships does, so refuse it clearly
                throw new NmodlSyntaxException(start, "string without closing '\"' on the same line");
            }
            String s = text.substring(offset + 1, close);
            offset = close + 1;
            return new Token(TokenKind.STRING, s, start);
        }
        return operator(c, start);
    }

    /**
     * The raw text of a unit up to (not including) the next ')', which stays in the input.
     * Called right after the parser consumed the opening '('.
     */
    String readUnitText() {
        int from = offset;
        while (offset < text.length() && text.charAt(offset) != ')' && !isNewline(text.charAt(offset))) {
            offset++;
        }
        if (offset >= text.length() || text.charAt(offset) != ')') {
            throw new NmodlSyntaxException(position(), "unit without closing ')'");
        }
        return text.substring(from, offset);
    }

    private Token nameOrKeyword(SourcePosition start) {
        int from = offset;
        while (offset < text.length() && (isLetter(text.charAt(offset)) || isDigit(text.charAt(offset))
                || text.charAt(offset) == '_')) {
            offset++;
        }
        String word = text.substring(from, offset);
        int primes = 0;
        while (offset < text.length() && text.charAt(offset) == '\'') {
            primes++;
            offset++;
        }
        if (primes > 0) {
            if (offset < text.length() && text.charAt(offset) == '0') {
                // nocmodl: x'0 is the name of the initial value of x', not a derivative
                offset++;
                return new Token(TokenKind.NAME, "D" + (primes > 1 ? primes : "") + word + "0", start);
            }
            return new Token(TokenKind.PRIME, word + "'".repeat(primes), start);
        }
        switch (word) {
            case "TITLE":
                return new Token(TokenKind.TITLE, restOfLine().strip(), start);
            case "COMMENT":
                return block(TokenKind.COMMENT_BLOCK, word, start);
            case "VERBATIM":
                return block(TokenKind.VERBATIM_BLOCK, word, start);
            default:
                break;
        }
        TokenKind keyword = TokenKind.keyword(word);
        if (keyword == null) {
            return new Token(TokenKind.NAME, word, start);
        }
        if (keyword == TokenKind.REPRESENTS) {
            ontologyNext = true;
        }
        return new Token(keyword, word, start);
    }

    private Token number(SourcePosition start) {
        int from = offset;
        boolean real = false;
        skipDigits();
        if (offset < text.length() && text.charAt(offset) == '.') {
            real = true;
            offset++;
            skipDigits();
        }
        int beforeExponent = offset;
        if (offset < text.length() && (text.charAt(offset) == 'e' || text.charAt(offset) == 'E')) {
            offset++;
            if (offset < text.length() && (text.charAt(offset) == '+' || text.charAt(offset) == '-')) {
                offset++;
            }
            if (offset < text.length() && isDigit(text.charAt(offset))) {
                skipDigits();
                real = true;
            } else {
                offset = beforeExponent; // "2e" is the integer 2 and the name e
            }
        }
        return new Token(real ? TokenKind.REAL : TokenKind.INTEGER, text.substring(from, offset), start);
    }

    private Token operator(char c, SourcePosition start) {
        char n = offset + 1 < text.length() ? text.charAt(offset + 1) : '\0';
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '>' -> { kind = n == '=' ? TokenKind.GE : TokenKind.GT; length = n == '=' ? 2 : 1; }
            case '<' -> {
                if (n == '-' && offset + 2 < text.length() && text.charAt(offset + 2) == '>') {
                    kind = TokenKind.REACT_BOTH;
                    length = 3;
                } else if (n == '=') {
                    kind = TokenKind.LE;
                    length = 2;
                } else {
                    kind = TokenKind.LT;
                }
            }
            case '=' -> { kind = n == '=' ? TokenKind.EQ : TokenKind.ASSIGN; length = n == '=' ? 2 : 1; }
            case '!' -> { kind = n == '=' ? TokenKind.NE : TokenKind.NOT; length = n == '=' ? 2 : 1; }
            case '&' -> { kind = pair(n, '&', start); length = 2; }
            case '|' -> { kind = pair(n, '|', start); length = 2; }
            case '~' -> { kind = n == '+' ? TokenKind.TILDE_PLUS : TokenKind.TILDE; length = n == '+' ? 2 : 1; }
            case '{' -> kind = TokenKind.LBRACE;
            case '}' -> kind = TokenKind.RBRACE;
            case '(' -> kind = TokenKind.LPAREN;
            case ')' -> kind = TokenKind.RPAREN;
            case '[' -> kind = TokenKind.LBRACKET;
            case ']' -> kind = TokenKind.RBRACKET;
            case '@' -> kind = TokenKind.AT;
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.STAR;
            case '/' -> kind = TokenKind.SLASH;
            case '^' -> kind = TokenKind.CARET;
            case ',' -> kind = TokenKind.COMMA;
            default -> throw new NmodlSyntaxException(start, "unexpected character '" + c + "'");
        }
        String spelling = text.substring(offset, offset + length);
        offset += length;
        return new Token(kind, spelling, start);
    }

    private TokenKind pair(char next, char expected, SourcePosition start) {
        if (next != expected) {
            throw new NmodlSyntaxException(start, "expected '" + expected + expected + "'");
        }
        return expected == '&' ? TokenKind.AND : TokenKind.OR;
    }

    /** COMMENT or VERBATIM just read: everything up to the line that starts with END&lt;keyword&gt;. */
    private Token block(TokenKind kind, String keyword, SourcePosition start) {
        String end = "END" + keyword;
        StringBuilder body = new StringBuilder();
        String segment = restOfLine();
        while (true) {
            if (firstWord(segment).equals(end)) {
                return new Token(kind, body.toString(), start);
            }
            body.append(segment).append('\n');
            if (offset >= text.length()) {
                throw new NmodlSyntaxException(start, keyword + " block goes to end of file: no " + end);
            }
            consumeNewline();
            segment = restOfLine();
        }
    }

    /** nocmodl's isend(): the leading letters of a line after blanks. */
    private static String firstWord(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        int from = i;
        while (i < line.length() && Character.isLetter(line.charAt(i)) && line.charAt(i) < 128) {
            i++;
        }
        return line.substring(from, i);
    }

    private Token ontologyId() {
        while (offset < text.length() && (text.charAt(offset) == ' ' || text.charAt(offset) == '\t')) {
            offset++;
        }
        SourcePosition start = position();
        int from = offset;
        boolean bracketed = offset < text.length() && text.charAt(offset) == '[';
        if (bracketed) {
            offset++;
        }
        boolean ok = offset < text.length() && isLetter(text.charAt(offset));
        while (ok && offset < text.length() && isWordChar(text.charAt(offset))) {
            offset++;
        }
        ok = ok && offset < text.length() && text.charAt(offset) == ':';
        if (ok) {
            offset++;
            while (offset < text.length() && isWordChar(text.charAt(offset))) {
                offset++;
            }
            if (bracketed) {
                ok = offset < text.length() && text.charAt(offset) == ']';
                offset++;
            }
        }
        if (!ok) {
            throw new NmodlSyntaxException(start, "invalid ontology id after REPRESENTS: expected 'name:id' or '[name:id]'");
        }
        return new Token(TokenKind.ONTOLOGY_ID, text.substring(from, offset), start);
    }

    private void skipBlanksAndComments() {
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == ' ' || c == '\t') {
                offset++;
            } else if (isNewline(c)) {
                consumeNewline();
            } else if (c == ':' || c == '?') {
                restOfLine();
            } else {
                return;
            }
        }
    }

    private String restOfLine() {
        int from = offset;
        while (offset < text.length() && !isNewline(text.charAt(offset))) {
            offset++;
        }
        return text.substring(from, offset);
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < text.length(); i++) {
            if (isNewline(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private void consumeNewline() {
        if (text.charAt(offset) == '\r' && offset + 1 < text.length() && text.charAt(offset + 1) == '\n') {
            offset++;
        }
        offset++;
        line++;
        lineStart = offset;
    }

    private void skipDigits() {
        while (offset < text.length() && isDigit(text.charAt(offset))) {
            offset++;
        }
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}
