package org.jpatch.core;

/** A value out of its domain (L <= 0, x outside [0,1], nseg < 1, dt <= 0, ...). */
public class InvalidValueException extends ModelException {
    public InvalidValueException(String message) {
        super(message);
    }
}
