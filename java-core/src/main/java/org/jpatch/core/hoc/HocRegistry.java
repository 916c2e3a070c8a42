package org.jpatch.core.hoc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jpatch.core.sim.Simulation;

/**
 * The one table of NEURON's classes and functions that {@code h} names (NEURON's symbol table):
 * what Python's {@code h}, the hoc interpreter and Java programs reach by name. Globals stay the
 * simulation's ({@link Simulation#getGlobal}); mechanisms the catalogue's. {@link #standard} makes
 * the registry with everything the engine provides; names NEURON has that jpatch does not provide
 * are listed in {@link #notProvided} with the reason.
 */
public final class HocRegistry {
    private final Map<String, HocClass<?>> classes = new LinkedHashMap<>();
    private final Map<Class<?>, HocClass<?>> classesByType = new LinkedHashMap<>();
    private final Map<String, HocFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> notProvided = new TreeMap<>();
    private final HocOutput output = new HocOutput();

    /** The registry of everything the engine provides, over {@code sim}. */
    public static HocRegistry standard(Simulation sim) {
        HocRegistry registry = new HocRegistry();
        MathFunctions.register(registry);
        SectionListClass.register(registry, sim);
        ListClass.register(registry);
        IonFunctions.register(registry, sim);
        SectionFunctions.register(registry, sim);
        SystemFunctions.register(registry);
        NotProvided.register(registry);
        return registry;
    }

    public void add(HocClass<?> hocClass) {
        if (classes.putIfAbsent(hocClass.name(), hocClass) != null || functions.containsKey(hocClass.name())) {
            throw new IllegalStateException("h." + hocClass.name() + " is declared twice");
        }
        classesByType.put(hocClass.type(), hocClass);
    }

    public void add(HocFunction function) {
        if (functions.putIfAbsent(function.name(), function) != null || classes.containsKey(function.name())) {
            throw new IllegalStateException("h." + function.name() + " is declared twice");
        }
    }

    /** Declares that NEURON's {@code h.name} is not provided, and why (for dir(h) and its test). */
    public void notProvided(String name, String reason) {
        notProvided.put(name, reason);
    }

    /** What the registry's functions printed, for the caller to show. */
    public HocOutput output() {
        return output;
    }

    public Map<String, HocClass<?>> classes() {
        return Collections.unmodifiableMap(classes);
    }

    public Map<String, HocFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public Map<String, String> notProvided() {
        return Collections.unmodifiableMap(notProvided);
    }

    public HocClass<?> hocClass(String name) {
        HocClass<?> hocClass = classes.get(name);
        if (hocClass == null) {
            throw new HocNameException("h has no class '" + name + "'");
        }
        return hocClass;
    }

    /** The class of an object the registry made (or null: an object of another kind). */
    public HocClass<?> classOf(Object object) {
        return classesByType.get(object.getClass());
    }

    public HocFunction function(String name) {
        HocFunction function = functions.get(name);
        if (function == null) {
            throw new HocNameException("h has no function '" + name + "'");
        }
        return function;
    }

    /** Calls the top-level function {@code name}. */
    public Object call(String name, HocArgs args) {
        return function(name).call(args);
    }

    /** {@code h.Name(args)}. */
    public Object create(String className, HocArgs args) {
        return hocClass(className).create(args);
    }
}
