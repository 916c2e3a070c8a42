package org.jpatch.core;

/** Bad input to the engine. Thrown before anything changes: the model is as it was. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }
}
