package org.jpatch.core.mech;

import org.jpatch.core.ref.VarRef;

/**
 * All instances of one mechanism type, structure of arrays: {@code vars[k][i]} is
 * variable k of instance i, {@code node[i]} its node. For each USEION of the type,
 * {@code ions[u]} is that ion's data and {@code ionRow[u][i]} instance i's row there
 * (NEURON's ion pointers).
 */
public final class InstanceData {
    public final MechanismType type;
    public final int count;
    public final double[][] vars;
    public final int[] node;          // -1 for artificial cells
    public final InstanceData[] ions;
    public final int[][] ionRow;
    /** Per-instance integer data; for an ion, its {@link IonStyle} bits (NEURON's iontype). */
    public final int[] flags;
    /**
     * For point processes with POINTERs: {@code pointers[i]} is instance i's own array of
     * targets (the one {@link PointProcess#setPointer} fills, so later settings show),
     * in the order of {@link MechanismType#pointers()}; null elements point nowhere yet.
     */
    public final VarRef[][] pointers;

    public InstanceData(MechanismType type, int count, int[] node, InstanceData[] ions, int[][] ionRow) {
        this.type = type;
        this.count = count;
        this.vars = new double[type.variables().size()][count];
        this.node = node;
        this.ions = ions;
        this.ionRow = ionRow;
        this.flags = new int[count];
        this.pointers = new VarRef[type.pointers().isEmpty() ? 0 : count][];
    }
}
