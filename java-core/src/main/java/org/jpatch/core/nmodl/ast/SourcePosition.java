package org.jpatch.core.nmodl.ast;

/**
 * Where a token or node starts: the file as it was named to the parser (an INCLUDEd file
 * by its resolved path), a 1-based line and a 1-based column counted in characters.
 */
public record SourcePosition(String file, int line, int column) {
    /** Earlier in the same file. */
    public boolean isBefore(SourcePosition other) {
        return line < other.line || line == other.line && column < other.column;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
