package org.jpatch.core.mech;

/** What a mechanism type is attached to, as NEURON distinguishes them. */
public enum MechanismKind {
    /** Inserted into sections: one instance per segment (pas, hh). */
    DENSITY,
    /** Placed at one location: one instance per object (IClamp, ExpSyn). */
    POINT,
    /** A point process without a membrane node (NetStim). */
    ARTIFICIAL,
    /** An ion's concentrations, reversal potential and summed current per segment (na_ion). */
    ION
}
