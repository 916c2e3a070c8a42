package org.jpatch.core;

/** A name that is not a mechanism of the kind asked for. */
public class UnknownMechanismException extends ModelException {
    public UnknownMechanismException(String message) {
        super(message);
    }
}
