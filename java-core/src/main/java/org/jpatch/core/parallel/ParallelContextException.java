package org.jpatch.core.parallel;

import org.jpatch.core.ModelException;

/**
 * A ParallelContext call NEURON refuses (hoc_execerror there, RuntimeError in Python): a gid
 * set twice, a cell for a gid never set, a solve with too small a minimum delay, an argument
 * out of range. Thrown before anything changed.
 */
public final class ParallelContextException extends ModelException {
    public ParallelContextException(String message) {
        super(message);
    }
}
