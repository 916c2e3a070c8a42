package org.jpatch.core.mech;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.UnknownMechanismException;

/**
 * The mechanism types a simulation knows, by name, in NEURON's type index order, and in
 * the order its sweeps visit them ({@link SweepOrder}).
 */
public final class MechanismCatalogue {
    private final Map<String, MechanismType> byName = new LinkedHashMap<>();
    private final List<MechanismType> ordered = new ArrayList<>();
    private List<MechanismType> sweepOrder = List.of();

    /** Adds a type (built-ins at start-up; NMODL-compiled types later). */
    public void register(MechanismType type) {
        if (byName.containsKey(type.name())) {
            throw new IllegalArgumentException("mechanism type already registered: " + type.name());
        }
        byName.put(type.name(), type);
        ordered.add(type);
        ordered.sort(Comparator.comparingInt(MechanismType::order));
        sweepOrder = List.copyOf(SweepOrder.of(ordered));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The type called {@code name}; UnknownMechanismException if none. */
    public MechanismType get(String name) {
        MechanismType t = byName.get(name);
        if (t == null) {
            throw new UnknownMechanismException("unknown mechanism: " + name);
        }
        return t;
    }

    /** All types in type index order (registration order: what listings show). */
    public List<MechanismType> types() {
        return Collections.unmodifiableList(ordered);
    }

    /**
     * All types in NEURON's memb_order_: ions first, then the concentration writers, then
     * the rest; the order of every INITIAL, BREAKPOINT, state and BEFORE/AFTER sweep.
     */
    public List<MechanismType> sweepOrder() {
        return sweepOrder;
    }
}
