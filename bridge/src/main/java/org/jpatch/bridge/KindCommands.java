package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations of one kind of object ("Section", "Vector", …) named in bridge/README.md. */
interface KindCommands<T> {
    /** The kind's name in commands and results. */
    String kind();

    Class<T> type();

    /** {@code ["new", h, kind, ...args]}: the object; nothing changes when it throws. */
    T create(Args args);

    JsonNode get(T target, String attribute);

    void set(T target, String attribute, JsonNode value);

    JsonNode call(T target, String method, Args args);

    /**
     * Python dropped its last reference. Objects Python created end as they do in NEURON
     * when their last Python reference goes (a section is deleted, a vector stops
     * recording); objects the engine created only lose their handle.
     */
    void free(T target, boolean createdByPython);
}
