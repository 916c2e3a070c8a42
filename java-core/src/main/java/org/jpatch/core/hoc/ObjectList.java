package org.jpatch.core.hoc;

import java.util.ArrayList;
import java.util.List;

/** NEURON's hoc List: an ordered list of objects (by identity). */
public final class ObjectList {
    final List<Object> items = new ArrayList<>();

    public List<Object> items() {
        return List.copyOf(items);
    }

    int indexOf(Object object) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == object) {
                return i;
            }
        }
        return -1;
    }
}
