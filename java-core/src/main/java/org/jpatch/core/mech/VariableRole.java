package org.jpatch.core.mech;

/** NMODL's classes of range variables. */
public enum VariableRole {
    PARAMETER,
    ASSIGNED,
    STATE
}
