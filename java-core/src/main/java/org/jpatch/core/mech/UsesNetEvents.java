package org.jpatch.core.mech;

/** A kernel that calls the event system (net_send, net_event, time records, played vectors). */
public interface UsesNetEvents {
    /** Where this kernel's calls go; bound at each finitialize before INITIAL blocks. */
    void bindEvents(NetEvents events);
}
