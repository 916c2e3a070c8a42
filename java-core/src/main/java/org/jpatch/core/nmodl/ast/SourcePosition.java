package org.jpatch.core.nmodl.ast;

/**
 * Where a token or node starts: the file as it was named to the parser (an INCLUDEd file
 * by its resolved path), a 1-based line and a 1-based column counted in characters.
 */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
