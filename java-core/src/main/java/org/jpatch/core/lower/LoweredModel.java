package org.jpatch.core.lower;

import java.util.List;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.SingleThreadKernel;
import org.jpatch.core.mech.ThreadGlobals;
import org.jpatch.core.mech.TwinRangeKernel;
import org.jpatch.core.model.Section;

/**
 * The flat arrays the integrator works on: nodes in NEURON's order, one
 * {@link InstanceData} per mechanism type that has instances, and the kernels to run
 * in sweep order (MechanismCatalogue.sweepOrder).
 */
public final class LoweredModel {
    public final NodeData nodes;
    /** Capacitance of every segment: the solver adds cm·0.001/dt itself, as NEURON does. */
    public final InstanceData capacitance;
    /** Ion types with instances, for the secondorder = 2 current correction. */
    public final InstanceData[] ions;
    /** Kernels of the types with instances, in sweep order (MechanismCatalogue.sweepOrder). */
    public final MechanismKernel[] kernels;

    /**
     * When not null, the step may run on two threads: nodes below {@code nodes.count / 2}
     * on one, the rest on the other. {@code rangeKernels[k]} is kernel k, whose instances
     * from {@code split[k]} on lie in the upper node range; {@code upperKernels[k]}
     * computes those (kernel k itself, or its twin when it keeps scratch in fields).
     */
    public final RangeKernel[] rangeKernels;
    public final RangeKernel[] upperKernels;
    /** {@code threadGlobals[k]}: kernel k's twin when it keeps GLOBALs of its own, else null. */
    public final ThreadGlobals[] threadGlobals;
    public final int[] split;
    private final String singleThreadReason;
    public final int[] instanceCount;

    /** Below this many nodes a step is too short to be worth a second thread. */
    static final int TWO_THREAD_MIN_NODES = 4000;

    /** The extracellular layers, null when no section has them: the matrix then grows per node (ExtracellularMatrix). */
    public final ExtracellularNodes extracellular;

    final List<Section> sectionOrder;
    final int[] sectionBase;      // index of each ordered section's first centre node
    final int[] parentNode;       // node index of each ordered section's x=0 end

    LoweredModel(NodeData nodes, InstanceData capacitance, InstanceData[] ions, MechanismKernel[] kernels,
                 List<Section> sectionOrder, int[] sectionBase,
                 int[] parentNode, ExtracellularNodes extracellular) {
        this.nodes = nodes;
        this.extracellular = extracellular;
        this.capacitance = capacitance;
        this.ions = ions;
        this.kernels = kernels;
        this.sectionOrder = sectionOrder;
        this.sectionBase = sectionBase;
        this.parentNode = parentNode;
        this.instanceCount = new int[kernels.length];
        RangeKernel[] ranged = new RangeKernel[kernels.length];
        int[] at = new int[kernels.length];
        String reason = extracellular != null ? "it has extracellular layers (one matrix couples every node's)"
                : nodes.count >= TWO_THREAD_MIN_NODES ? null
                : "it has " + nodes.count + " nodes, fewer than " + TWO_THREAD_MIN_NODES;
        int boundary = nodes.count / 2;
        for (int k = 0; k < kernels.length; k++) {
            InstanceData data = kernels[k].instances();
            instanceCount[k] = data.count;
            if (kernels[k] instanceof RangeKernel r) {
                ranged[k] = r;
                at[k] = firstAtOrAbove(data.node, data.count, boundary);
            } else if (reason == null) {
                reason = "mechanism " + data.type.name() + " computes on one thread only"
                        + (kernels[k] instanceof SingleThreadKernel s ? ": " + s.singleThreadReason() : "");
            }
        }
        this.singleThreadReason = reason;
        boolean splittable = reason == null;
        this.rangeKernels = splittable ? ranged : null;
        this.upperKernels = splittable ? upper(ranged) : null;
        this.threadGlobals = splittable ? threadGlobals(upperKernels) : null;
        this.split = splittable ? at : null;
    }

    private static ThreadGlobals[] threadGlobals(RangeKernel[] upper) {
        ThreadGlobals[] globals = new ThreadGlobals[upper.length];
        for (int k = 0; k < upper.length; k++) {
            globals[k] = upper[k] instanceof ThreadGlobals g ? g : null;
        }
        return globals;
    }

    private static RangeKernel[] upper(RangeKernel[] lower) {
        RangeKernel[] upper = new RangeKernel[lower.length];
        for (int k = 0; k < lower.length; k++) {
            upper[k] = lower[k] instanceof TwinRangeKernel t ? t.twin() : lower[k];
        }
        return upper;
    }

    /**
     * Why the step of this model runs on one thread even when two are allowed (too few
     * nodes, or the first mechanism that must stay on one thread and why); null when it
     * may run on two.
     */
    public String singleThreadReason() {
        return singleThreadReason;
    }

    /** Instances are sorted by node: the first one at a node >= boundary. */
    private static int firstAtOrAbove(int[] node, int count, int boundary) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (node[mid] < boundary) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * treeset.cpp's nrn_area_ri and connection_coef: node areas and the coupling
     * coefficients a, b from the sections' present geometry.
     */
    public void updateGeometry() {
        double[] area = nodes.area, a = nodes.a, b = nodes.b;
        for (int r = 0; r < nodes.rootCount; r++) {
            area[r] = 1.e2;
            a[r] = 0.0;
            b[r] = 0.0;
        }
        for (int s = 0; s < sectionOrder.size(); s++) {
            double[] secArea = sectionOrder.get(s).nodeAreas();
            System.arraycopy(secArea, 0, area, sectionBase[s], secArea.length);
            double[] secDiam = sectionOrder.get(s).nodeDiameters();
            System.arraycopy(secDiam, 0, nodes.diam, sectionBase[s], secDiam.length);
        }
        for (int s = 0; s < sectionOrder.size(); s++) {
            double[] rinv = sectionOrder.get(s).nodeRinv();
            int base = sectionBase[s];
            a[base] = -1.e2 * rinv[0] / area[parentNode[s]];
            for (int j = 1; j < rinv.length; j++) {
                a[base + j] = -1.e2 * rinv[j] / area[base + j - 1];
            }
            for (int j = 0; j < rinv.length; j++) {
                b[base + j] = -1.e2 * rinv[j] / area[base + j];
            }
        }
    }
}
