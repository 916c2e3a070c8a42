package org.jpatch.core.lower;

import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.builtin.Extracellular;
import org.jpatch.core.model.Section;

/**
 * The nodes of the sections with NEURON's {@code extracellular} mechanism and their
 * extracellular layers (extcelln.cpp's Extnode): every segment's centre node, the x=1
 * node of the section and, when the section is a root, its root node. Row k below
 * {@link #instanceCount} is the mechanism's instance k (a segment, holding xraxial, xg, xc,
 * e_extracellular, i_membrane and vext); the rows after it are the end nodes, where NEURON
 * zeroes xg and xc and which have no half segment of their own.
 *
 * <p>{@link #vext} is the layers' potential per row; the solver copies the segments' rows
 * from and back to the instance variables around each step, so users read and set them
 * there and they survive re-lowering (the end nodes' start from 0 again).
 */
public final class ExtracellularNodes {
    public static final int NLAYER = Extracellular.NLAYER;
    private static final int XRAXIAL = Extracellular.XRAXIAL, XG = Extracellular.XG, XC = Extracellular.XC,
            E = Extracellular.E, VEXT = Extracellular.VEXT;

    public final InstanceData instances;
    public final int instanceCount;
    public final int count;
    /** Node of each row; rowOfNode[n] the row of node n, -1 without extracellular. */
    public final int[] node;
    public final int[] rowOfNode;
    /** True for the first centre node of a section: its axial resistance is its own half segment only. */
    final boolean[] firstOfSection;
    /** The section of each segment row (its length and nseg give the half segment). */
    private final Section[] sectionOfInstance;

    public final double[][] vext;        // [layer][row] [mV]
    public final double[][] ax, bx;      // [layer][row] axial coupling like NodeData.a, b [S/cm²]
    public final double[][] rhs, d;      // [layer][row] the layers' equations: right side, diagonal
    /** Couplings of layer j with the potential below it (vi for j = 0, else layer j - 1): x12 in its row, x21 in the layer's. */
    public final double[][] x12, x21;

    /** Solver scratch, per row: the potential and matrix entries saved around electrode currents. */
    public final double[] savedV, savedRhs, savedD;
    /** Solver scratch: each row's block of the matrix, its inverse (row-major BLOCK²) and its right side (BLOCK). */
    public final double[] block, inverse, blockRhs;
    /** Solver scratch of one block. */
    public final double[] work = new double[BLOCK * BLOCK];
    /** Unknowns per extracellular node: the internal potential and one per layer. */
    public static final int BLOCK = 1 + NLAYER;

    ExtracellularNodes(InstanceData instances, Section[] sectionOfInstance, int[] endNodes, int nodeCount,
                       boolean[] firstOfSection) {
        this.instances = instances;
        this.instanceCount = instances.count;
        this.count = instanceCount + endNodes.length;
        this.node = new int[count];
        System.arraycopy(instances.node, 0, node, 0, instanceCount);
        System.arraycopy(endNodes, 0, node, instanceCount, endNodes.length);
        this.rowOfNode = new int[nodeCount];
        java.util.Arrays.fill(rowOfNode, -1);
        for (int r = 0; r < count; r++) {
            rowOfNode[node[r]] = r;
        }
        this.firstOfSection = firstOfSection;
        this.sectionOfInstance = sectionOfInstance;
        vext = new double[NLAYER][count];
        ax = new double[NLAYER][count];
        bx = new double[NLAYER][count];
        rhs = new double[NLAYER][count];
        d = new double[NLAYER][count];
        x12 = new double[NLAYER][count];
        x21 = new double[NLAYER][count];
        savedV = new double[count];
        savedRhs = new double[count];
        savedD = new double[count];
        block = new double[count * BLOCK * BLOCK];
        inverse = new double[count * BLOCK * BLOCK];
        blockRhs = new double[count * BLOCK];
        loadVext();
    }

    /** The segments' vext from their instance variables (users may have set them). */
    public void loadVext() {
        for (int j = 0; j < NLAYER; j++) {
            System.arraycopy(instances.vars[VEXT + j], 0, vext[j], 0, instanceCount);
        }
    }

    /** The segments' vext back into their instance variables. */
    public void storeVext() {
        for (int j = 0; j < NLAYER; j++) {
            System.arraycopy(vext[j], 0, instances.vars[VEXT + j], 0, instanceCount);
        }
    }

    /** xg of layer j at row r [S/cm²]: 0 at end nodes, as ext_con_coef forces. */
    public double xg(int j, int r) {
        return r < instanceCount ? instances.vars[XG + j][r] : 0.0;
    }

    /** xc of layer j at row r [µF/cm²]: 0 at end nodes. */
    public double xc(int j, int r) {
        return r < instanceCount ? instances.vars[XC + j][r] : 0.0;
    }

    /** e_extracellular at row r [mV]; end nodes have xg 0, so theirs never counts. */
    public double e(int r) {
        return r < instanceCount ? instances.vars[E][r] : 0.0;
    }

    /**
     * ext_con_coef: each layer's axial coupling from xraxial [MΩ/cm] over half segments,
     * like the cable's a and b but without the diameter. NEURON recomputes these whenever
     * xraxial or the geometry changes; they are cheap, so every step does.
     */
    public void couplings(NodeData nodes) {
        double[] area = nodes.area;
        int[] parent = nodes.parent;
        for (int r = 0; r < count; r++) {
            int n = node[r];
            int p = parent[n];
            if (p < 0) {
                continue; // a root node: no parent to couple to
            }
            int previous = firstOfSection[r] ? -1 : rowOfNode[p];
            for (int j = 0; j < NLAYER; j++) {
                double resistance = halfResistance(j, r) + (previous < 0 ? 0.0 : halfResistance(j, previous)); // [MΩ]
                ax[j][r] = -1.e2 / (resistance * area[p]);
                bx[j][r] = -1.e2 / (resistance * area[n]);
            }
        }
    }

    /** 1e-4·xraxial·dx/2 [MΩ] of row r's half segment, dx = L/nseg (µm to cm); 0 at end nodes. */
    private double halfResistance(int j, int r) {
        if (r >= instanceCount) {
            return 0.0;
        }
        Section s = sectionOfInstance[r];
        double dx = s.L() / s.nseg(); // [µm]
        return 1e-4 * instances.vars[XRAXIAL + j][r] * (dx / 2.);
    }
}
