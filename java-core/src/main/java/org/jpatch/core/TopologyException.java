package org.jpatch.core;

/** A connection that would make the section tree a loop, or another impossible topology change. */
public class TopologyException extends ModelException {
    public TopologyException(String message) {
        super(message);
    }
}
