package org.jpatch.core.nmodl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Declaration;
import org.jpatch.core.nmodl.ast.Expression.NumberLiteral;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.ModelItem.BlockKind;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;
import org.jpatch.core.nmodl.ast.UnitDefinition;

/**
 * Parses NMODL as NEURON's translator nocmodl accepts it (its grammar,
 * {@code src/nocmodl/parse1.ypp}, is the specification) into an {@link NmodlFile}.
 *
 * <p>Hand-written recursive descent with precedence climbing for expressions, rather than
 * a parser generator: the engine depends on the JDK only, and NMODL's lexing depends on
 * the parser's state (units are raw text after '(', COMMENT/VERBATIM swallow lines), which
 * is simplest to follow where the parser drives the lexer. Every error names
 * file:line:column and what was expected there.
 */
public final class NmodlParser {
    /** Deeper than any real file goes; stops INCLUDE cycles. */
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final List<Path> includeDirectories;

    /** @param includeDirectories where INCLUDE looks after the including file's directory (NEURON's MODL_INCLUDE) */
    public NmodlParser(List<Path> includeDirectories) {
        this.includeDirectories = List.copyOf(includeDirectories);
    }

    public NmodlParser() {
        this(List.of());
    }

    public NmodlFile parseFile(Path file) {
        return parse(file.toString(), read(file, null), file.toAbsolutePath().getParent());
    }

    /**
     * @param fileName  how positions name the file
     * @param directory where INCLUDE looks first; null to use only the include directories
     */
    public NmodlFile parse(String fileName, String text, Path directory) {
        Set<String> names = new LinkedHashSet<>();
        FileParser parser = new FileParser(fileName, text, directory, new HashMap<>(), new ArrayDeque<>(), names);
        List<ModelItem> items = parser.items();
        return new NmodlFile(fileName, items, List.copyOf(names));
    }

    private static String read(Path file, SourcePosition includedAt) {
        try {
            // Latin-1 maps every byte to a char: .mod files in the wild are not all UTF-8
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            SourcePosition at = includedAt != null ? includedAt : new SourcePosition(file.toString(), 1, 1);
            throw new NmodlSyntaxException(at, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** One file's top-level items; INCLUDE starts a nested FileParser sharing the DEFINEs. */
    private final class FileParser {
        private final TokenStream tokens;
        private final ExpressionParser expressions;
        private final StatementParser statements;
        private final Path directory;
        private final Deque<String> includeChain;

        FileParser(String fileName, String text, Path directory, Map<String, String> defines,
                   Deque<String> includeChain, Set<String> names) {
            this.tokens = new TokenStream(new Lexer(fileName, text), defines, names);
            this.expressions = new ExpressionParser(tokens);
            this.statements = new StatementParser(tokens, expressions);
            this.directory = directory;
            this.includeChain = includeChain;
        }

        List<ModelItem> items() {
            List<ModelItem> items = new ArrayList<>();
            while (!tokens.at(TokenKind.EOF)) {
                ModelItem item = item();
                if (item != null) {
                    items.add(item);
                }
            }
            return List.copyOf(items);
        }

        private ModelItem item() {
            Token token = tokens.peek();
            SourcePosition at = token.position();
            switch (token.kind()) {
                case TITLE:
                    tokens.next();
                    return new ModelItem.Title(token.text(), at);
                case COMMENT_BLOCK, UNITSON, UNITSOFF:
                    tokens.next();
                    return null;
                case VERBATIM_BLOCK:
                    tokens.next();
                    return new ModelItem.Verbatim(token.text(), at);
                case DEFINE:
                    return define();
                case INCLUDE:
                    return include();
                case LOCAL:
                    return new ModelItem.TopLocal(statements.local(), at);
                case NEURON:
                    return neuron();
                case UNITS:
                    return units();
                case PARAMETER:
                    return parameters();
                case ASSIGNED, STATE:
                    return variables(token.kind() == TokenKind.STATE);
                case CONSTANT:
                    return constants();
                case INDEPENDENT:
                    return independent();
                case INITIAL:
                    return unnamedBlock(BlockKind.INITIAL, BlockContext.INITIAL);
                case BREAKPOINT:
                    return unnamedBlock(BlockKind.BREAKPOINT, BlockContext.BREAKPOINT);
                case CONSTRUCTOR:
                    return unnamedBlock(BlockKind.CONSTRUCTOR, BlockContext.CONSTRUCTOR);
                case DESTRUCTOR:
                    return unnamedBlock(BlockKind.DESTRUCTOR, BlockContext.DESTRUCTOR);
                case DERIVATIVE:
                    return namedBlock(BlockKind.DERIVATIVE, BlockContext.DERIVATIVE, false);
                case DISCRETE:
                    return namedBlock(BlockKind.DISCRETE, BlockContext.DISCRETE, false);
                case KINETIC:
                    return namedBlock(BlockKind.KINETIC, BlockContext.KINETIC, true);
                case LINEAR:
                    return namedBlock(BlockKind.LINEAR, BlockContext.LINEAR, true);
                case NONLINEAR:
                    return namedBlock(BlockKind.NONLINEAR, BlockContext.NONLINEAR, true);
                case FUNCTION, PROCEDURE:
                    return function(token.kind() == TokenKind.PROCEDURE);
                case FUNCTION_TABLE: {
                    tokens.next();
                    String name = tokens.expect(TokenKind.NAME, "the FUNCTION_TABLE's name").text();
                    var arguments = statements.arguments();
                    return new ModelItem.FunctionTable(name, arguments, expressions.optionalUnit(), at);
                }
                case NET_RECEIVE: {
                    tokens.next();
                    var arguments = statements.arguments();
                    if (arguments.isEmpty()) {
                        throw tokens.error(at, "NET_RECEIVE block must have at least one argument");
                    }
                    return new ModelItem.NetReceive(arguments, statements.block(BlockContext.NET_RECEIVE), at);
                }
                case BEFORE, AFTER: {
                    tokens.next();
                    Token when = tokens.peek();
                    if (when.kind() != TokenKind.BREAKPOINT && when.kind() != TokenKind.SOLVE
                            && when.kind() != TokenKind.INITIAL && when.kind() != TokenKind.STEP) {
                        throw tokens.unexpected("BREAKPOINT, SOLVE, INITIAL or STEP after " + token.text());
                    }
                    tokens.next();
                    return new ModelItem.BeforeAfter(token.kind() == TokenKind.BEFORE, when.text(),
                            statements.block(BlockContext.BEFORE_AFTER), at);
                }
                default:
                    throw tokens.unexpected("a block (NEURON, PARAMETER, STATE, BREAKPOINT, …)");
            }
        }

        /** DEFINE NAME [-]integer. */
        private ModelItem define() {
            Token keyword = tokens.next();
            Token name = tokens.peek();
            if (name.kind() == TokenKind.INTEGER) {
                throw tokens.error(name.position(), "a DEFINEd name cannot be DEFINEd again");
            }
            tokens.expect(TokenKind.NAME, "a name after DEFINE");
            boolean negative = tokens.accept(TokenKind.MINUS);
            int value = expressions.integer();
            int signed = negative ? -value : value;
            tokens.defines().put(name.text(), Integer.toString(signed));
            return new ModelItem.Define(name.text(), signed, keyword.position());
        }

        private ModelItem include() {
            Token keyword = tokens.next();
            Token path = tokens.expect(TokenKind.STRING, "a quoted file name after INCLUDE");
            Path resolved = resolveInclude(path.text(), path.position());
            String file = resolved.toString();
            if (includeChain.contains(file) || includeChain.size() >= MAX_INCLUDE_DEPTH) {
                throw tokens.error(path.position(), "INCLUDE cycle through " + file);
            }
            includeChain.push(file);
            FileParser nested = new FileParser(file, read(resolved, path.position()),
                    resolved.toAbsolutePath().getParent(), tokens.defines(), includeChain, tokens.names());
            List<ModelItem> items = nested.items();
            includeChain.pop();
            return new ModelItem.Include(path.text(), file, items, keyword.position());
        }

        /** As nocmodl: the including file's directory first, then the include path. */
        private Path resolveInclude(String name, SourcePosition at) {
            List<Path> candidates = new ArrayList<>();
            if (directory != null) {
                candidates.add(directory.resolve(name));
            }
            for (Path dir : includeDirectories) {
                candidates.add(dir.resolve(name));
            }
            for (Path candidate : candidates) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw tokens.error(at, "cannot find INCLUDE file \"" + name + "\"; looked in " + candidates);
        }

        private ModelItem neuron() {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after NEURON");
            List<NeuronStatement> list = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                list.add(neuronStatement());
            }
            return new ModelItem.Neuron(List.copyOf(list), keyword.position());
        }

        private NeuronStatement neuronStatement() {
            Token token = tokens.peek();
            SourcePosition at = token.position();
            switch (token.kind()) {
                case SUFFIX, POINT_PROCESS, ARTIFICIAL_CELL: {
                    tokens.next();
                    String name = tokens.expect(TokenKind.NAME, "the mechanism's name").text();
                    return new NeuronStatement.Suffix(NeuronStatement.MechanismDeclaration.valueOf(token.text()),
                            name, at);
                }
                case USEION:
                    return useIon();
                case REPRESENTS:
                    tokens.next();
                    return new NeuronStatement.Represents(tokens.expect(TokenKind.ONTOLOGY_ID).text(), at);
                case THREADSAFE:
                    tokens.next();
                    return new NeuronStatement.Threadsafe(at);
                case RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT, POINTER, BBCOREPOINTER, EXTERNAL,
                        RANDOM: {
                    tokens.next();
                    return new NeuronStatement.Names(NeuronStatement.NameListKind.valueOf(token.kind().name()),
                            names(), at);
                }
                default:
                    throw tokens.unexpected("a NEURON block statement (SUFFIX, USEION, RANGE, GLOBAL, …) or '}'");
            }
        }

        /** USEION ion READ a, b WRITE c VALENCE z REPRESENTS id. */
        private NeuronStatement useIon() {
            Token keyword = tokens.next();
            String ion = tokens.expect(TokenKind.NAME, "an ion name after USEION").text();
            List<String> read = List.of();
            List<String> write = List.of();
            if (tokens.accept(TokenKind.READ)) {
                read = names();
                if (tokens.accept(TokenKind.WRITE)) {
                    write = names();
                }
            } else if (tokens.accept(TokenKind.WRITE)) {
                write = names();
            } else {
                throw tokens.unexpected("READ or WRITE after USEION " + ion);
            }
            Double valence = null;
            if (tokens.accept(TokenKind.VALENCE) || tokens.accept(TokenKind.CHARGE)) {
                boolean negative = tokens.accept(TokenKind.MINUS);
                double z = expressions.unsignedNumber().value();
                valence = negative ? -z : z;
            }
            String ontology = null;
            if (tokens.accept(TokenKind.REPRESENTS)) {
                ontology = tokens.expect(TokenKind.ONTOLOGY_ID).text();
            }
            return new NeuronStatement.UseIon(ion, read, write, valence, ontology, keyword.position());
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            do {
                names.add(tokens.expect(TokenKind.NAME, "a name").text());
            } while (tokens.accept(TokenKind.COMMA));
            return List.copyOf(names);
        }

        /** UNITS { (new) = (definition)   NAME = (from) (to)   NAME = (from) -> (to)   NAME = 96485 (unit) }. */
        private ModelItem units() {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after UNITS");
            List<UnitDefinition> definitions = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                Token first = tokens.peek();
                if (first.kind() == TokenKind.LPAREN) {
                    String unit = expressions.unit();
                    tokens.expect(TokenKind.ASSIGN, "'=' in a unit definition (units) = (units)");
                    definitions.add(new UnitDefinition.Alias(unit, expressions.unit(), first.position()));
                } else if (first.kind() == TokenKind.NAME) {
                    tokens.next();
                    tokens.expect(TokenKind.ASSIGN, "'=' after " + first.text());
                    if (tokens.at(TokenKind.LPAREN)) {
                        String from = expressions.unit();
                        if (tokens.accept(TokenKind.MINUS)) {
                            tokens.expect(TokenKind.GT, "'->' between the units");
                        }
                        definitions.add(new UnitDefinition.ConversionFactor(first.text(), from, expressions.unit(),
                                first.position()));
                    } else {
                        NumberLiteral value = expressions.unsignedNumber();
                        definitions.add(new UnitDefinition.NumericConstant(first.text(), value, expressions.unit(),
                                first.position()));
                    }
                } else {
                    throw tokens.unexpected("(unit) = (unit), NAME = (unit) (unit) or NAME = number (unit)");
                }
            }
            return new ModelItem.Units(List.copyOf(definitions), keyword.position());
        }

        private ModelItem parameters() {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after PARAMETER");
            List<Declaration.Parameter> list = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                Token name = tokens.expect(TokenKind.NAME, "a parameter name or '}'");
                NumberLiteral value = null;
                int size = 0;
                if (tokens.accept(TokenKind.ASSIGN)) {
                    value = expressions.signedNumber();
                } else if (tokens.accept(TokenKind.LBRACKET)) {
                    size = arraySize();
                }
                String unit = expressions.optionalUnit();
                list.add(new Declaration.Parameter(name.text(), size, value, unit, limits(), name.position()));
            }
            return new ModelItem.Parameters(List.copyOf(list), keyword.position());
        }

        /** After '[': the size and ']'; NEURON requires at least 1. */
        private int arraySize() {
            Token at = tokens.peek();
            int size = expressions.integer();
            if (size < 1) {
                throw tokens.error(at.position(), "array size must be > 0");
            }
            tokens.expect(TokenKind.RBRACKET);
            return size;
        }

        /** {@code <lo, hi>} or nothing. */
        private Declaration.Limits limits() {
            if (!tokens.accept(TokenKind.LT)) {
                return null;
            }
            NumberLiteral low = expressions.signedNumber();
            tokens.expect(TokenKind.COMMA, "',' between the limits");
            NumberLiteral high = expressions.signedNumber();
            tokens.expect(TokenKind.GT, "'>' closing the limits");
            return new Declaration.Limits(low, high);
        }

        /** ASSIGNED and STATE: {@code name[n] FROM lo TO hi START s (unit) <abstol>}. */
        private ModelItem variables(boolean state) {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after " + keyword.text());
            List<Declaration.Variable> list = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                Token name = tokens.peek();
                if (name.kind() != TokenKind.NAME && name.kind() != TokenKind.PRIME) {
                    throw tokens.unexpected("a variable name or '}'");
                }
                tokens.next();
                int size = tokens.accept(TokenKind.LBRACKET) ? arraySize() : 0;
                Declaration.Limits range = null;
                if (tokens.accept(TokenKind.FROM)) {
                    NumberLiteral low = expressions.signedNumber();
                    tokens.expect(TokenKind.TO, "TO in FROM lo TO hi");
                    range = new Declaration.Limits(low, expressions.signedNumber());
                }
                NumberLiteral start = tokens.accept(TokenKind.START) ? expressions.signedNumber() : null;
                String unit = expressions.optionalUnit();
                double abstol = Double.NaN;
                if (tokens.accept(TokenKind.LT)) {
                    abstol = expressions.unsignedNumber().value();
                    tokens.expect(TokenKind.GT, "'>' closing the tolerance");
                }
                list.add(new Declaration.Variable(name.text(), size, range, start, unit, abstol, name.position()));
            }
            return new ModelItem.Variables(state, List.copyOf(list), keyword.position());
        }

        private ModelItem constants() {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after CONSTANT");
            List<Declaration.Constant> list = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                Token name = tokens.expect(TokenKind.NAME, "a constant name or '}'");
                tokens.expect(TokenKind.ASSIGN, "'=' after " + name.text());
                NumberLiteral value = expressions.signedNumber();
                list.add(new Declaration.Constant(name.text(), value, expressions.optionalUnit(), name.position()));
            }
            return new ModelItem.Constants(List.copyOf(list), keyword.position());
        }

        /** INDEPENDENT { [SWEEP] t FROM 0 TO 1 WITH 1 [START 0] (ms) }. */
        private ModelItem independent() {
            Token keyword = tokens.next();
            tokens.expect(TokenKind.LBRACE, "'{' after INDEPENDENT");
            List<Declaration.IndependentVariable> list = new ArrayList<>();
            while (!tokens.accept(TokenKind.RBRACE)) {
                boolean sweep = tokens.accept(TokenKind.SWEEP);
                Token name = tokens.expect(TokenKind.NAME, "the independent variable's name or '}'");
                tokens.expect(TokenKind.FROM, "FROM in name FROM lo TO hi WITH n");
                NumberLiteral from = expressions.signedNumber();
                tokens.expect(TokenKind.TO, "TO in name FROM lo TO hi WITH n");
                NumberLiteral to = expressions.signedNumber();
                tokens.expect(TokenKind.WITH, "WITH in name FROM lo TO hi WITH n");
                int with = expressions.integer();
                NumberLiteral start = tokens.accept(TokenKind.START) ? expressions.signedNumber() : null;
                list.add(new Declaration.IndependentVariable(name.text(), sweep, from, to, with, start,
                        expressions.optionalUnit(), name.position()));
            }
            return new ModelItem.Independent(List.copyOf(list), keyword.position());
        }

        private ModelItem unnamedBlock(BlockKind kind, BlockContext context) {
            Token keyword = tokens.next();
            return new ModelItem.CodeBlock(kind, null, List.of(), statements.block(context), keyword.position());
        }

        /** DERIVATIVE/KINETIC/LINEAR/NONLINEAR/DISCRETE name [SOLVEFOR a, b] { }. */
        private ModelItem namedBlock(BlockKind kind, BlockContext context, boolean solveForAllowed) {
            Token keyword = tokens.next();
            String name = tokens.expect(TokenKind.NAME, "the " + keyword.text() + " block's name").text();
            List<String> solveFor = List.of();
            if (solveForAllowed && tokens.accept(TokenKind.SOLVEFOR)) {
                solveFor = names();
            }
            return new ModelItem.CodeBlock(kind, name, solveFor, statements.block(context), keyword.position());
        }

        private ModelItem function(boolean procedure) {
            Token keyword = tokens.next();
            String name = tokens.expect(TokenKind.NAME, "the " + keyword.text() + "'s name").text();
            var arguments = statements.arguments();
            String unit = expressions.optionalUnit();
            List<Statement> body = statements.block(procedure ? BlockContext.PROCEDURE : BlockContext.FUNCTION);
            return new ModelItem.Function(procedure, name, arguments, unit, body, keyword.position());
        }
    }
}
