package org.jpatch.core.mech;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.UnknownMechanismException;

/** The mechanism types a simulation knows, by name, in NEURON's type order. */
public final class MechanismCatalogue {
    private final Map<String, MechanismType> byName = new LinkedHashMap<>();
    private final List<MechanismType> ordered = new ArrayList<>();

    /** Adds a type (built-ins at start-up; NMODL-compiled types later). */
    public void register(MechanismType type) {
        if (byName.containsKey(type.name())) {
            throw new IllegalArgumentException("mechanism type already registered: " + type.name());
        }
        byName.put(type.name(), type);
        ordered.add(type);
        ordered.sort(Comparator.comparingInt(MechanismType::order));
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

    /** All types in type order. */
    public List<MechanismType> types() {
        return Collections.unmodifiableList(ordered);
    }
}
