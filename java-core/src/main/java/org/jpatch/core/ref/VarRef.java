package org.jpatch.core.ref;

/**
 * A named engine variable (a segment's v or m_hh, a point process's i, the global t).
 * It stays valid when the model is re-lowered (nseg changes, insertions): each access
 * finds the variable's current storage. Reading a variable that no longer exists
 * (its section deleted, its mechanism uninserted) throws a ModelException.
 */
public interface VarRef {
    double get();

    void set(double value);

    /** NEURON-style name, e.g. {@code soma(0.5).v} or {@code IClamp[0].amp}. */
    String name();

    /**
     * Equal for references to the same storage now (soma(0.5).v and soma(0.4).v with
     * nseg 1): NEURON shares one spike source per data handle among NetCons.
     */
    default Object storageKey() {
        return this;
    }
}
