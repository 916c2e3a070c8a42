package org.jpatch.core.mech;

/**
 * The cable's unknowns and Hines matrix, one entry per node in NEURON's node order
 * (root nodes first, then each section's nodes section by section). Parents always
 * come before children; the first {@code rootCount} nodes have no parent.
 */
public final class NodeData {
    public final int count;
    public final int rootCount;
    public final int[] parent;  // index of the parent node, -1 for roots
    public final double[] v;    // [mV]
    public final double[] rhs;  // [mA/cm²] during setup; the solved Δv [mV] after the solve
    public final double[] d;    // matrix diagonal [S/cm²] (µS on zero-area nodes)
    public final double[] a;    // effect of this node on its parent's equation [S/cm²]
    public final double[] b;    // effect of the parent on this node's equation [S/cm²]
    public final double[] area; // [µm²]; 100 on zero-area nodes, NEURON's placeholder

    public NodeData(int count, int rootCount, int[] parent) {
        this.count = count;
        this.rootCount = rootCount;
        this.parent = parent;
        this.v = new double[count];
        this.rhs = new double[count];
        this.d = new double[count];
        this.a = new double[count];
        this.b = new double[count];
        this.area = new double[count];
    }
}
