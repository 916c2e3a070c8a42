package org.jpatch.bridge;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Handles of the objects Python refers to. Python allocates positive handles for the
 * objects it creates; the bridge allocates negative ones for engine objects Python sees
 * for the first time (e.g. a section's point processes). One object has one handle, so
 * Python's proxies compare equal by handle.
 */
final class HandleTable {
    private final Map<Long, Object> objects = new HashMap<>();
    private final Map<Object, Long> handles = new IdentityHashMap<>();
    private long lastBridgeHandle = 0;

    /** Binds a handle Python allocated to the object its "new" command created. */
    void bind(long handle, Object object) {
        if (handle <= 0) {
            throw CommandException.type("handles allocated by Python must be positive, got " + handle);
        }
        if (objects.containsKey(handle)) {
            throw CommandException.type("handle " + handle + " is already in use");
        }
        objects.put(handle, object);
        handles.put(object, handle);
    }

    Object get(long handle) {
        Object object = objects.get(handle);
        if (object == null) {
            throw new CommandException("ReferenceError", "no object has handle " + handle + " (freed or never created)");
        }
        return object;
    }

    /** The object with this handle, or null. */
    Object find(long handle) {
        return objects.get(handle);
    }

    /** The object's handle; a new negative one if Python has not seen it yet. */
    long handleOf(Object object) {
        Long handle = handles.get(object);
        if (handle != null) {
            return handle;
        }
        long fresh = --lastBridgeHandle;
        objects.put(fresh, object);
        handles.put(object, fresh);
        return fresh;
    }

    boolean isBound(long handle) {
        return objects.containsKey(handle);
    }

    /** Forgets the handle; returns the object it named, or null if it named none. */
    Object remove(long handle) {
        Object object = objects.remove(handle);
        if (object != null) {
            handles.remove(object);
        }
        return object;
    }

    int size() {
        return objects.size();
    }
}
