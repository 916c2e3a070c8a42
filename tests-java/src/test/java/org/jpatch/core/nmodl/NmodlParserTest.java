package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpatch.core.nmodl.ast.Declaration;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmodlParserTest {
    private static NmodlFile parse(String text) {
        return new NmodlParser().parse("test.mod", text, null);
    }

    /** The right-hand side of the single assignment in {@code INITIAL { x = <expr> }}, fully parenthesised. */
    private static String shape(String expression) {
        NmodlFile file = parse("INITIAL { x = " + expression + " }");
        ModelItem.CodeBlock initial = (ModelItem.CodeBlock) file.items().get(0);
        return render(((Statement.Assign) initial.body().get(0)).value());
    }

    private static String render(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return n.unit() == null ? n.text() : n.text() + "(" + n.unit() + ")";
        }
        if (e instanceof Expression.VariableRef v) {
            return v.name() + "'".repeat(v.derivativeOrder()) + (v.index() == null ? "" : "[" + render(v.index()) + "]");
        }
        if (e instanceof Expression.Unary u) {
            return "(" + (u.operator() == Expression.UnaryOperator.NEGATE ? "-" : "!") + render(u.operand()) + ")";
        }
        if (e instanceof Expression.Binary b) {
            String op = switch (b.operator()) {
                case OR -> "||"; case AND -> "&&"; case GREATER -> ">"; case GREATER_EQUAL -> ">=";
                case LESS -> "<"; case LESS_EQUAL -> "<="; case EQUAL -> "=="; case NOT_EQUAL -> "!=";
                case ADD -> "+"; case SUBTRACT -> "-"; case MULTIPLY -> "*"; case DIVIDE -> "/"; case POWER -> "^";
            };
            return "(" + render(b.left()) + op + render(b.right()) + ")";
        }
        if (e instanceof Expression.Call c) {
            return c.function() + c.arguments().stream().map(NmodlParserTest::render).toList();
        }
        return "\"" + ((Expression.StringLiteral) e).text() + "\"";
    }

    @Test
    void powerBindsTighterThanUnaryMinus() {
        assertEquals("(-(x^2))", shape("-x^2"));
    }

    @Test
    void powerIsRightAssociative() {
        assertEquals("(a^(b^c))", shape("a^b^c"));
    }

    @Test
    void exponentMayBeNegatedAndBindsBeforeMultiplication() {
        assertEquals("((2^(-1))*3)", shape("2^-1*3"));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertEquals("((-a)*b)", shape("-a*b"));
    }

    @Test
    void notBindsTighterThanRelations() {
        assertEquals("((!a)==b)", shape("!a == b"));
    }

    @Test
    void relationsShareOneLevelAndAssociateLeft() {
        assertEquals("((a<b)==c)", shape("a < b == c"));
    }

    @Test
    void andBindsTighterThanOrAndLooserThanRelations() {
        assertEquals("((a>1)||((b<2)&&(c!=3)))", shape("a > 1 || b < 2 && c != 3"));
    }

    @Test
    void arithmeticAssociatesLeft() {
        assertEquals("(((a-b)-c)+((d/e)*f))", shape("a - b - c + d / e * f"));
    }

    @Test
    void numberMayCarryAUnit() {
        assertEquals("(1(mV)*x)", shape("1 (mV) * x"));
    }

    @Test
    void callsTakeExpressionsAndStrings() {
        assertEquals("f[(a+1), \"s\"]", shape("f(a + 1, \"s\")"));
    }

    @Test
    void definedNamesReadAsTheirInteger() {
        NmodlFile file = parse("DEFINE NANN 4\nSTATE { c[NANN] }\nINITIAL { x = NANN * 2 }");
        ModelItem.Variables state = (ModelItem.Variables) file.items().get(1);
        assertEquals(4, state.variables().get(0).arraySize());
        ModelItem.CodeBlock initial = (ModelItem.CodeBlock) file.items().get(2);
        assertEquals("(4*2)", render(((Statement.Assign) initial.body().get(0)).value()));
    }

    @Test
    void neuronBlockKeepsEveryDeclaration() {
        NmodlFile file = parse("""
                NEURON {
                    POINT_PROCESS Syn
                    USEION ca READ cai, cao WRITE ica VALENCE 2
                    USEION cl WRITE icl CHARGE -1 REPRESENTS CHEBI:17996
                    NONSPECIFIC_CURRENT i
                    RANGE g, e
                    GLOBAL tau
                    POINTER p
                    THREADSAFE
                    REPRESENTS [NCIT:C17145]
                }
                """);
        List<NeuronStatement> statements = ((ModelItem.Neuron) file.items().get(0)).statements();
        assertEquals(new NeuronStatement.Suffix(NeuronStatement.MechanismDeclaration.POINT_PROCESS, "Syn",
                new SourcePosition("test.mod", 2, 5)), statements.get(0));
        NeuronStatement.UseIon ca = (NeuronStatement.UseIon) statements.get(1);
        assertEquals(List.of("cai", "cao"), ca.read());
        assertEquals(List.of("ica"), ca.write());
        assertEquals(2.0, ca.valence());
        NeuronStatement.UseIon cl = (NeuronStatement.UseIon) statements.get(2);
        assertEquals(-1.0, cl.valence());
        assertEquals("CHEBI:17996", cl.ontology());
        assertEquals(List.of("g", "e"), ((NeuronStatement.Names) statements.get(4)).names());
        assertInstanceOf(NeuronStatement.Threadsafe.class, statements.get(7));
        assertEquals("[NCIT:C17145]", ((NeuronStatement.Represents) statements.get(8)).ontology());
    }

    @Test
    void declarationsKeepValuesUnitsLimitsAndArrays() {
        NmodlFile file = parse("""
                PARAMETER {
                    gbar = .12 (S/cm2) <0, 1e9>
                    vhalf = -40 (mV)
                    celsius (degC)
                    w[3] (1)
                }
                STATE { m h FROM 0 TO 1 ca[4] (mM) <1e-6> }
                """);
        List<Declaration.Parameter> parameters = ((ModelItem.Parameters) file.items().get(0)).parameters();
        assertEquals(0.12, parameters.get(0).value().value());
        assertEquals("S/cm2", parameters.get(0).unit());
        assertEquals(1e9, parameters.get(0).limits().high().value());
        assertEquals(-40.0, parameters.get(1).value().value());
        assertNull(parameters.get(2).value());
        assertEquals(3, parameters.get(3).arraySize());
        List<Declaration.Variable> states = ((ModelItem.Variables) file.items().get(1)).variables();
        assertEquals(List.of("m", "h", "ca"), states.stream().map(Declaration.Variable::name).toList());
        assertEquals(1.0, states.get(1).range().high().value());
        assertEquals(4, states.get(2).arraySize());
        assertEquals(1e-6, states.get(2).absoluteTolerance());
    }

    @Test
    void kineticBlockReadsReactionsFluxesCompartmentsAndConserve() {
        NmodlFile file = parse("""
                KINETIC scheme {
                    COMPARTMENT i, diam*diam*vrat[i] {ca}
                    ~ C + 2 ca[0] <-> O (kf * 2, kb)
                    ~ ca[0] << (-ica * PI * diam / (2 * FARADAY))
                    ~ B -> (kout)
                    CONSERVE C + O = 1
                }
                """);
        List<Statement> body = ((ModelItem.CodeBlock) file.items().get(0)).body();
        Statement.Compartment compartment = (Statement.Compartment) body.get(0);
        assertEquals("i", compartment.indexVariable());
        assertEquals(List.of("ca"), compartment.species());
        Statement.Reaction both = (Statement.Reaction) body.get(1);
        assertEquals(Statement.ReactionKind.BOTH, both.kind());
        assertEquals(2, both.left().get(1).coefficient());
        assertEquals("(kf*2)", render(both.forward()));
        assertEquals(Statement.ReactionKind.FLUX_IN, ((Statement.Reaction) body.get(2)).kind());
        assertEquals(Statement.ReactionKind.FLUX_OUT, ((Statement.Reaction) body.get(3)).kind());
        assertInstanceOf(Statement.Conserve.class, body.get(4));
    }

    @Test
    void solveNamesItsMethodAndSteadyState() {
        NmodlFile file = parse("BREAKPOINT { SOLVE states METHOD cnexp SOLVE kin STEADYSTATE sparse }");
        List<Statement> body = ((ModelItem.CodeBlock) file.items().get(0)).body();
        assertEquals(new Statement.Solve("states", "METHOD", "cnexp", new SourcePosition("test.mod", 1, 14)),
                body.get(0));
        assertEquals("STEADYSTATE", ((Statement.Solve) body.get(1)).methodKeyword());
    }

    @Test
    void functionWithTableAndControlFlow() {
        NmodlFile file = parse("""
                FUNCTION rates(v (mV)) (/ms) {
                    LOCAL a, b[2]
                    TABLE minf, mtau DEPEND celsius FROM -100 TO 100 WITH 200
                    IF (v > 0) { rates = 1 } ELSE if (v < -10) { rates = 2 } else { rates = 3 }
                    FROM i = 0 TO 1 BY 1 { b[i] = i }
                    while (a < 3) { a = a + 1 }
                }
                """);
        ModelItem.Function function = (ModelItem.Function) file.items().get(0);
        assertEquals("/ms", function.unit());
        assertEquals("mV", function.arguments().get(0).unit());
        Statement.Table table = (Statement.Table) function.body().get(1);
        assertEquals(List.of("celsius"), table.depend());
        assertEquals(200, table.with());
        Statement.If ifStatement = (Statement.If) function.body().get(2);
        assertInstanceOf(Statement.If.class, ifStatement.elseBody().get(0));
        assertInstanceOf(Statement.FromLoop.class, function.body().get(3));
        assertInstanceOf(Statement.While.class, function.body().get(4));
    }

    @Test
    void netReceiveWithInitialWatchAndForNetcons() {
        NmodlFile file = parse("""
                NET_RECEIVE(w, tlast (ms)) {
                    INITIAL { tlast = -1e9 }
                    WATCH (v > -20) 2, (v < -30) 3
                    FOR_NETCONS(w1, t1) { t1 = t }
                    net_send(0, 1)
                }
                """);
        ModelItem.NetReceive netReceive = (ModelItem.NetReceive) file.items().get(0);
        assertEquals(2, netReceive.arguments().size());
        assertInstanceOf(Statement.NetReceiveInitial.class, netReceive.body().get(0));
        assertEquals(2, ((Statement.Watch) netReceive.body().get(1)).conditions().size());
        assertInstanceOf(Statement.ForNetcons.class, netReceive.body().get(2));
        assertInstanceOf(Statement.CallStatement.class, netReceive.body().get(3));
    }

    @Test
    void commentsAreSkippedAndVerbatimKeepsItsPosition() {
        NmodlFile file = parse("""
                TITLE a test
                COMMENT
                  anything : here { (
                ENDCOMMENT
                VERBATIM
                #include <stdio.h>
                ENDVERBATIM
                ? another comment
                """);
        assertEquals("a test", ((ModelItem.Title) file.items().get(0)).text());
        ModelItem.Verbatim verbatim = (ModelItem.Verbatim) file.items().get(1);
        assertEquals(new SourcePosition("test.mod", 5, 1), verbatim.position());
        assertTrue(verbatim.text().contains("#include <stdio.h>"));
        assertEquals(2, file.items().size());
    }

    @Test
    void derivativeBlockReadsPrimes() {
        NmodlFile file = parse("DERIVATIVE states { m' = (minf - m) / mtau }");
        Statement.Assign assign = (Statement.Assign) ((ModelItem.CodeBlock) file.items().get(0)).body().get(0);
        assertEquals(1, assign.target().derivativeOrder());
        assertEquals("m", assign.target().name());
    }

    @Test
    void includeIsResolvedRelativeToTheIncludingFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/consts.inc"), "DEFINE N 3\nCONSTANT { two = 2 }\n");
        Path main = dir.resolve("main.mod");
        Files.writeString(main, "INCLUDE \"inc/consts.inc\"\nSTATE { s[N] }\n");
        NmodlFile file = new NmodlParser().parseFile(main);
        ModelItem.Include include = (ModelItem.Include) file.items().get(0);
        assertEquals(dir.resolve("inc/consts.inc").toString(), include.resolvedFile());
        assertEquals(new SourcePosition(dir.resolve("inc/consts.inc").toString(), 2, 1), include.items().get(1).position());
        assertEquals(3, ((ModelItem.Variables) file.items().get(1)).variables().get(0).arraySize());
    }

    @Test
    void missingIncludeIsAnErrorAtTheFileName() {
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class,
                () -> parse("\n  INCLUDE \"nowhere.inc\""));
        assertEquals(new SourcePosition("test.mod", 2, 11), e.position());
    }

    @Test
    void unitsBlockKeepsAliasesAndFactors() {
        NmodlFile file = parse("UNITS { (mV) = (millivolt) F = (faraday) (coulomb) x = (foot) -> (inch) y = 2 (m) }");
        ModelItem.Units units = (ModelItem.Units) file.items().get(0);
        assertEquals(4, units.definitions().size());
    }
}
