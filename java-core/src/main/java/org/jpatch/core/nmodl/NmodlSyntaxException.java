package org.jpatch.core.nmodl;

import org.jpatch.core.ModelException;
import org.jpatch.core.nmodl.ast.SourcePosition;

/**
 * A .mod file that NEURON's translator would refuse, or that uses something jpatch cannot
 * translate. The message starts with {@code file:line:column} so editors can jump to it.
 */
public final class NmodlSyntaxException extends ModelException {
    private final SourcePosition position;

    public NmodlSyntaxException(SourcePosition position, String message) {
        super(position + ": " + message);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
