package org.jpatch.bridge;

/**
 * The failure of one part of a command that stands for several user calls (sset_packed):
 * the reply names the part as well as the command, so that Python names the call that failed.
 */
final class PartFailure extends RuntimeException {
    private final int part;

    PartFailure(int part, RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.part = part;
    }

    int part() {
        return part;
    }

    /** What failed, for the reply's type and message. */
    RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
