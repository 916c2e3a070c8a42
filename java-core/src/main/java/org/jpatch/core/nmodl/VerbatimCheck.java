package org.jpatch.core.nmodl;

import java.util.List;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * VERBATIM blocks hold C that the JVM cannot run: a file with one is refused, naming the
 * block's file and line, rather than translated without it.
 */
public final class VerbatimCheck {
    private VerbatimCheck() {
    }

    public static void requireNone(NmodlFile file) {
        SourcePosition first = firstVerbatim(file.flatItems());
        if (first != null) {
            throw new NmodlSyntaxException(first,
                    "VERBATIM block (embedded C) cannot run on the JVM; jpatch cannot load this mechanism");
        }
    }

    private static SourcePosition firstVerbatim(List<ModelItem> items) {
        for (ModelItem item : items) {
            SourcePosition found = null;
            if (item instanceof ModelItem.Verbatim verbatim) {
                return verbatim.position();
            } else if (item instanceof ModelItem.CodeBlock block) {
                found = inStatements(block.body());
            } else if (item instanceof ModelItem.Function function) {
                found = inStatements(function.body());
            } else if (item instanceof ModelItem.NetReceive netReceive) {
                found = inStatements(netReceive.body());
            } else if (item instanceof ModelItem.BeforeAfter beforeAfter) {
                found = inStatements(beforeAfter.body());
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static SourcePosition inStatements(List<Statement> statements) {
        for (Statement s : statements) {
            SourcePosition found = null;
            if (s instanceof Statement.Verbatim verbatim) {
                found = verbatim.position();
            } else if (s instanceof Statement.If ifStatement) {
                found = inStatements(ifStatement.body());
                if (found == null) {
                    found = inStatements(ifStatement.elseBody());
                }
            } else if (s instanceof Statement.While loop) {
                found = inStatements(loop.body());
            } else if (s instanceof Statement.FromLoop loop) {
                found = inStatements(loop.body());
            } else if (s instanceof Statement.Block block) {
                found = inStatements(block.body());
            } else if (s instanceof Statement.ForNetcons forNetcons) {
                found = inStatements(forNetcons.body());
            } else if (s instanceof Statement.NetReceiveInitial initial) {
                found = inStatements(initial.body());
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
