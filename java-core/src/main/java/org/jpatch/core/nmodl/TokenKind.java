package org.jpatch.core.nmodl;

import java.util.HashMap;
import java.util.Map;

/**
 * The tokens of NMODL as nocmodl's lexer ({@code src/nocmodl/lex.lpp}) and keyword table
 * ({@code src/nocmodl/init.cpp}) define them. Keywords are case-sensitive: only
 * {@code if/else/while} have both spellings, as in NEURON.
 */
public enum TokenKind {
    NAME, PRIME, INTEGER, REAL, STRING, ONTOLOGY_ID,
    /** TITLE and the rest of its line. */
    TITLE,
    /** COMMENT…ENDCOMMENT and VERBATIM…ENDVERBATIM, with the lines between as text. */
    COMMENT_BLOCK, VERBATIM_BLOCK,

    LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, AT, PLUS, MINUS, STAR, SLASH,
    ASSIGN, CARET, COMMA, GT, GE, LT, LE, EQ, NE, NOT, AND, OR,
    /** {@code <->} */
    REACT_BOTH,
    /** {@code ~} and {@code ~+}: equations and reactions. */
    TILDE, TILDE_PLUS,

    // keywords
    CONSTANT("CONSTANT"), PARAMETER("PARAMETER"), INDEPENDENT("INDEPENDENT"), ASSIGNED("ASSIGNED"),
    INITIAL("INITIAL"), DERIVATIVE("DERIVATIVE"), EQUATION("EQUATION"), BREAKPOINT("BREAKPOINT"),
    CONDUCTANCE("CONDUCTANCE"), SOLVE("SOLVE"), STATE("STATE"), LINEAR("LINEAR"),
    NONLINEAR("NONLINEAR"), DISCRETE("DISCRETE"), FUNCTION("FUNCTION"),
    FUNCTION_TABLE("FUNCTION_TABLE"), PROCEDURE("PROCEDURE"), INT("INT"), DEL2("DEL2"), DEL("DEL"),
    LOCAL("LOCAL"),
    /** METHOD and STEADYSTATE: nocmodl maps both to its USING token. */
    METHOD("METHOD"), STEADYSTATE("STEADYSTATE"),
    STEP("STEP"), WITH("WITH"), FROM("FROM"), TO("TO"), BY("BY"), IF("if"), ELSE("else"),
    WHILE("while"), START("START"), DEFINE("DEFINE"), KINETIC("KINETIC"), CONSERVE("CONSERVE"),
    VS("VS"), LAG("LAG"), SWEEP("SWEEP"), COMPARTMENT("COMPARTMENT"),
    LONGITUDINAL_DIFFUSION("LONGITUDINAL_DIFFUSION"), SOLVEFOR("SOLVEFOR"), UNITS("UNITS"),
    UNITSON("UNITSON"), UNITSOFF("UNITSOFF"), TABLE("TABLE"), DEPEND("DEPEND"), NEURON("NEURON"),
    SUFFIX("SUFFIX"), POINT_PROCESS("POINT_PROCESS"), ARTIFICIAL_CELL("ARTIFICIAL_CELL"),
    NONSPECIFIC_CURRENT("NONSPECIFIC_CURRENT"), ELECTRODE_CURRENT("ELECTRODE_CURRENT"),
    RANGE("RANGE"), USEION("USEION"), READ("READ"), WRITE("WRITE"),
    /** VALENCE and its synonym CHARGE. */
    VALENCE("VALENCE"), CHARGE("CHARGE"),
    GLOBAL("GLOBAL"), POINTER("POINTER"), BBCOREPOINTER("BBCOREPOINTER"), EXTERNAL("EXTERNAL"),
    INCLUDE("INCLUDE"), CONSTRUCTOR("CONSTRUCTOR"), DESTRUCTOR("DESTRUCTOR"),
    NET_RECEIVE("NET_RECEIVE"), BEFORE("BEFORE"), AFTER("AFTER"), WATCH("WATCH"),
    FOR_NETCONS("FOR_NETCONS"), THREADSAFE("THREADSAFE"), PROTECT("PROTECT"),
    MUTEXLOCK("MUTEXLOCK"), MUTEXUNLOCK("MUTEXUNLOCK"), REPRESENTS("REPRESENTS"), RANDOM("RANDOM"),

    EOF;

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind kind : values()) {
            if (kind.spelling != null) {
                KEYWORDS.put(kind.spelling, kind);
            }
        }
        KEYWORDS.put("IF", IF);
        KEYWORDS.put("ELSE", ELSE);
        KEYWORDS.put("WHILE", WHILE);
    }

    private final String spelling;

    TokenKind() {
        this(null);
    }

    TokenKind(String spelling) {
        this.spelling = spelling;
    }

    /** The keyword spelled exactly {@code word}, or null when it is an ordinary name. */
    static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    /** How an error message names this kind of token. */
    String describe() {
        if (spelling != null) {
            return "'" + spelling + "'";
        }
        return switch (this) {
            case NAME -> "a name";
            case PRIME -> "a derivative (name')";
            case INTEGER -> "an integer";
            case REAL -> "a number";
            case STRING -> "a string";
            case ONTOLOGY_ID -> "an ontology id";
            case TITLE -> "TITLE";
            case COMMENT_BLOCK -> "COMMENT";
            case VERBATIM_BLOCK -> "VERBATIM";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case LBRACKET -> "'['";
            case RBRACKET -> "']'";
            case AT -> "'@'";
            case PLUS -> "'+'";
            case MINUS -> "'-'";
            case STAR -> "'*'";
            case SLASH -> "'/'";
            case ASSIGN -> "'='";
            case CARET -> "'^'";
            case COMMA -> "','";
            case GT -> "'>'";
            case GE -> "'>='";
            case LT -> "'<'";
            case LE -> "'<='";
            case EQ -> "'=='";
            case NE -> "'!='";
            case NOT -> "'!'";
            case AND -> "'&&'";
            case OR -> "'||'";
            case REACT_BOTH -> "'<->'";
            case TILDE -> "'~'";
            case TILDE_PLUS -> "'~+'";
            case EOF -> "end of file";
            default -> name();
        };
    }
}
