package org.jpatch.bridge;

import org.jpatch.core.hoc.HocExecError;
import org.jpatch.core.hoc.HocNameException;
import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.TopologyException;
import org.jpatch.core.UnknownMechanismException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.sim.RunInterruptedException;

/** Which Python exception a failure becomes (the table in bridge/README.md). */
final class ExceptionMapping {
    private ExceptionMapping() {}

    static String pythonType(Throwable failure) {
        if (failure instanceof CommandException c) {
            return c.pythonType();
        }
        if (failure instanceof InvalidValueException || failure instanceof UnknownMechanismException) {
            return "ValueError";
        }
        if (failure instanceof HocNameException) {
            return "AttributeError";
        }
        if (failure instanceof HocExecError) {
            return "RuntimeError";
        }
        if (failure instanceof UnknownVariableException) {
            return "AttributeError";
        }
        if (failure instanceof TopologyException) {
            return "RuntimeError";
        }
        if (failure instanceof DeletedObjectException) {
            return "ReferenceError";
        }
        if (failure instanceof IndexOutOfBoundsException) {
            return "IndexError";
        }
        if (failure instanceof RunInterruptedException) {
            return "KeyboardInterrupt";
        }
        if (failure instanceof OutOfMemoryError) {
            return "MemoryError";
        }
        return "RuntimeError";
    }

    /** The engine's own messages name the bad value; anything unexpected also names its Java class. */
    static String message(Throwable failure) {
        if (failure instanceof CommandException || failure instanceof org.jpatch.core.ModelException
                || failure instanceof RunInterruptedException) {
            return failure.getMessage();
        }
        return failure.getClass().getName() + ": " + failure.getMessage();
    }
}
