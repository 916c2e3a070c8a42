package org.jpatch.core.nmodl.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed .mod file: its top-level items in source order (INCLUDEd items nested in place),
 * and its names in the order the lexer first met them (nocmodl installs its symbols in that
 * order, which fixes the order of a KINETIC block's states).
 */
public record NmodlFile(String file, List<ModelItem> items, List<String> names) {
    public NmodlFile {
        items = List.copyOf(items);
        names = List.copyOf(names);
    }

    /** The top-level items with every INCLUDE replaced by its own items, in source order. */
    public List<ModelItem> flatItems() {
        List<ModelItem> flat = new ArrayList<>();
        addFlat(items, flat);
        return flat;
    }

    private static void addFlat(List<ModelItem> items, List<ModelItem> flat) {
        for (ModelItem item : items) {
            if (item instanceof ModelItem.Include include) {
                addFlat(include.items(), flat);
            } else {
                flat.add(item);
            }
        }
    }
}
