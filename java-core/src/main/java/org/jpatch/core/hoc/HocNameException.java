package org.jpatch.core.hoc;

import org.jpatch.core.ModelException;

/** A name the registry does not have: no such class, function, method or property (Python's AttributeError). */
public class HocNameException extends ModelException {
    public HocNameException(String message) {
        super(message);
    }
}
