package org.jpatch.core;

/** Use of a section or point process after it was deleted. */
public class DeletedObjectException extends ModelException {
    public DeletedObjectException(String message) {
        super(message);
    }
}
