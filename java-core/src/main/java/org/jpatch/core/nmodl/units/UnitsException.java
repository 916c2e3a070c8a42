package org.jpatch.core.nmodl.units;

/** A unit text the database cannot read; the caller adds the file position. */
public final class UnitsException extends RuntimeException {
    public UnitsException(String message) {
        super(message);
    }
}
