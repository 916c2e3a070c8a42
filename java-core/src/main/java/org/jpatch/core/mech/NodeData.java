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
    public final double[] diam; // [µm] of the node's segment (nocmodl's diam pointer); 0 on root nodes

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
        this.diam = new double[count];
    }

    /**
     * A point process's membrane current (NEURON's nrn_cur for a POINT_PROCESS): {@code i} at v
     * and {@code iShifted} at v + 0.001 mV, both in nA, enter node {@code n}'s row scaled to
     * mA/cm² by its area, with the conductance by the 0.001 mV difference.
     */
    public void addPointCurrent(int n, double i, double iShifted) {
        double scale = 1.e2 / area[n]; // nA -> mA/cm² on this node
        double conductance = (iShifted - i) / 0.001 * scale;
        rhs[n] -= i * scale;
        d[n] += conductance;
    }

    /** The same for an ELECTRODE_CURRENT point process (a clamp): it enters with the opposite sign. */
    public void addPointElectrodeCurrent(int n, double i, double iShifted) {
        double scale = 1.e2 / area[n]; // nA -> mA/cm² on this node
        double conductance = (iShifted - i) / 0.001 * scale;
        rhs[n] += i * scale;
        d[n] -= conductance;
    }
}
