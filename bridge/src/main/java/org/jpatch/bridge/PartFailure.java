package org.jpatch.bridge;

import java.util.List;

/**
 * The refused parts of a command that stands for several user calls (sset_packed): the
 * reply names each refused part as well as the command, so that Python names the calls
 * that failed. The other parts were applied, as separate commands would have been.
 */
final class PartFailure extends RuntimeException {
    /** Part {@code index} of the command was refused with {@code failure}. */
    record Part(int index, RuntimeException failure) {}

    private final List<Part> parts;

    PartFailure(List<Part> parts) {
        super(parts.get(0).failure().getMessage(), parts.get(0).failure(), false, false);
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return parts;
    }
}
