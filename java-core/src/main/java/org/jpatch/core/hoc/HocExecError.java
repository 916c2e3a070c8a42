package org.jpatch.core.hoc;

import org.jpatch.core.ModelException;

/** What NEURON reports with hoc_execerror (Python's RuntimeError): "sqrt argument out of domain". */
public class HocExecError extends ModelException {
    public HocExecError(String message) {
        super(message);
    }
}
