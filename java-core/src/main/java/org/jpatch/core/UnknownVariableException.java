package org.jpatch.core;

/** A variable name that the section, mechanism, point process or global scope lacks. */
public class UnknownVariableException extends ModelException {
    public UnknownVariableException(String message) {
        super(message);
    }
}
