package org.jpatch.core.hoc;

/**
 * A call with arguments of the wrong number or type. NEURON reports these with hoc_execerror ("bad
 * stack access: expecting double"), so Python sees a RuntimeError, as for any {@link HocExecError}.
 */
public class HocArgumentException extends HocExecError {
    public HocArgumentException(String message) {
        super(message);
    }
}
