package org.jpatch.core.mech;

import java.util.List;

/**
 * A USEION statement: the ion (e.g. "na") and which of its variables (e.g. "ena",
 * "ina") the mechanism reads and writes. A mechanism that writes the ion current
 * accumulates it and its dI/dv into the ion's per-segment sums.
 */
public record IonUse(String ion, List<String> reads, List<String> writes) {
    public IonUse {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    /** Name of the ion mechanism type, e.g. {@code na_ion}. */
    public String ionTypeName() {
        return ion + "_ion";
    }
}
