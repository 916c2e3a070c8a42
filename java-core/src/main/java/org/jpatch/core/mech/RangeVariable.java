package org.jpatch.core.mech;

/**
 * One per-instance variable of a mechanism type, with its NMODL name (without the
 * mechanism suffix) and the value a new instance starts with.
 */
public record RangeVariable(String name, String units, double defaultValue, VariableRole role) {
    public static RangeVariable parameter(String name, String units, double defaultValue) {
        return new RangeVariable(name, units, defaultValue, VariableRole.PARAMETER);
    }

    public static RangeVariable assigned(String name, String units) {
        return new RangeVariable(name, units, 0.0, VariableRole.ASSIGNED);
    }

    public static RangeVariable state(String name, String units) {
        return new RangeVariable(name, units, 0.0, VariableRole.STATE);
    }
}
