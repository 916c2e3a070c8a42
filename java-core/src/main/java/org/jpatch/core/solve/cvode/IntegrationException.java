package org.jpatch.core.solve.cvode;

/** CVODE could not continue (NEURON: "variable step integrator error"); the message says where and why. */
public final class IntegrationException extends RuntimeException {
    public IntegrationException(String message) {
        super(message);
    }
}
