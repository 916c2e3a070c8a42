package org.jpatch.core.nmodl;

/**
 * A compiled kernel whose .mod file declares FUNCTION_TABLEs: their values are set from
 * outside, as NEURON's hoc functions {@code table_<name>_<suffix>} do.
 */
public interface FunctionTables {
    /** The FUNCTION_TABLE called {@code name} (without the suffix); IllegalArgumentException if none. */
    FunctionTable functionTable(String name);
}
