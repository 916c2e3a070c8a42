package org.jpatch.core.mech;

/** A mechanism GLOBAL, named as NEURON exposes it (e.g. {@code usetable_hh}). */
public record GlobalVariable(String name, String units, double defaultValue) {}
