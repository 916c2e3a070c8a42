package org.jpatch.bridge;

/**
 * A command the bridge cannot carry out for a reason outside the engine: malformed
 * command, wrong value type, unknown handle, kind or method. Carries the name of the
 * Python exception class that Python raises for it.
 */
final class CommandException extends RuntimeException {
    private final String pythonType;

    CommandException(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    /** A malformed command or a value of the wrong type: Python's TypeError. */
    static CommandException type(String message) {
        return new CommandException("TypeError", message);
    }

    String pythonType() {
        return pythonType;
    }
}
