package org.jpatch.core.solve;

import org.jpatch.core.lower.ExtracellularNodes;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.builtin.Builtins;

/**
 * NEURON's fixed-step method (fadvance.cpp, treeset.cpp, capac.cpp, eion.cpp) on a
 * lowered model: the pieces of finitialize and fadvance that touch the arrays. The
 * caller (the simulation) sequences them with the event and record hooks.
 */
public final class FixedStepIntegrator {
    private static final int ION_CUR = 3, ION_DCURDV = 4;

    private FixedStepIntegrator() {}

    public static void checkTables(LoweredModel m) {
        for (MechanismKernel k : m.kernels) {
            k.checkTables();
        }
    }

    /** Sets every node's v [mV] (finitialize(v)). */
    public static void setVoltage(LoweredModel m, double v) {
        java.util.Arrays.fill(m.nodes.v, v);
    }

    /**
     * INITIAL blocks in sweep order, capacitance's first (capac.cpp's cap_init: i_cap = 0);
     * artificial cells' after all others, as nrn_finitialize runs them (their self-events
     * then queue behind the others' of equal time).
     */
    public static void initialize(LoweredModel m) {
        if (m.capacitance != null) {
            java.util.Arrays.fill(m.capacitance.vars[Builtins.I_CAP], 0.0);
        }
        ExtracellularNodes x = m.extracellular;
        if (x != null) {
            ExtracellularMatrix.initialize(x); // extcell_init, before every type after it
        }
        for (MechanismKernel k : m.kernels) {
            if (k.instances().type.kind() != MechanismKind.ARTIFICIAL) {
                if (x != null && k.instances().type.electrodeCurrent()) {
                    ExtracellularMatrix.useInternalPotential(x, m.nodes);
                    k.initialize();
                    ExtracellularMatrix.restorePotential(x, m.nodes);
                } else {
                    k.initialize();
                }
            }
        }
        for (MechanismKernel k : m.kernels) {
            if (k.instances().type.kind() == MechanismKind.ARTIFICIAL) {
                k.initialize();
            }
        }
    }

    /**
     * setup_tree_matrix (nrn_rhs then nrn_lhs): membrane currents of every mechanism at
     * the present v and t, the capacitance term added after all other conductances,
     * then the axial terms. With {@code twoThreads}, the currents of large models are
     * computed by two threads (same results; see {@link SecondThread}).
     */
    public static void setupTreeMatrix(LoweredModel m, GlobalState g, boolean twoThreads) {
        NodeData n = m.nodes;
        double[] rhs = n.rhs, d = n.d, v = n.v, a = n.a, b = n.b;
        int[] parent = n.parent;
        java.util.Arrays.fill(rhs, 0.0);
        java.util.Arrays.fill(d, 0.0);
        MechanismKernel[] kernels = m.kernels;
        ExtracellularNodes x = m.extracellular;
        if (x != null) {
            ExtracellularMatrix.clear(x, n);
        }
        for (MechanismKernel k : kernels) {
            k.beforeBreakpoint();
        }
        if (x != null) {
            currentsWithLayers(kernels, x, n);
        } else if (!twoThreads || m.split == null || !SecondThread.sweep(m, false)) {
            for (MechanismKernel k : kernels) {
                k.current();
            }
        }
        InstanceData cap = m.capacitance;
        if (cap != null) {
            double cfac = capacitanceFactor(g);
            double[] cm = cap.vars[Builtins.CM];
            int[] node = cap.node;
            for (int i = 0; i < cap.count; i++) {
                d[node[i]] += cfac * cm[i];
            }
        }
        if (x != null) {
            ExtracellularMatrix.addRhs(x, n);
            ExtracellularMatrix.addLhs(x, n, capacitanceFactor(g));
        }
        // NEURON adds the axial terms to rhs and to d in two loops; the arrays are
        // independent, so one pass gives the same sums in the same order.
        for (int i = n.rootCount; i < n.count; ++i) {
            int p = parent[i];
            double ai = a[i], bi = b[i];
            double dv = v[p] - v[i];
            rhs[i] -= bi * dv;
            rhs[p] += ai * dv;
            d[i] -= bi;
            d[p] -= ai;
        }
    }

    /** The currents at nodes with extracellular layers: electrode currents at vi = vm + vx0, also into layer 0. */
    private static void currentsWithLayers(MechanismKernel[] kernels, ExtracellularNodes x, NodeData n) {
        for (MechanismKernel k : kernels) {
            if (k.instances().type.electrodeCurrent()) {
                ExtracellularMatrix.enterElectrode(x, n);
                k.current();
                ExtracellularMatrix.leaveElectrode(x, n);
            } else {
                k.current();
            }
        }
    }

    /** The middle of fadvance: solve for Δv, correct ion currents (secondorder 2), update v and i_cap. */
    public static void solveAndUpdate(LoweredModel m, GlobalState g) {
        NodeData n = m.nodes;
        ExtracellularNodes x = m.extracellular;
        if (x != null) {
            ExtracellularMatrix.solve(x, n);
        } else {
            HinesSolver.solve(n);
        }
        double[] rhs = n.rhs, v = n.v;
        if (g.secondorder == 2) {
            for (InstanceData ion : m.ions) {
                double[] cur = ion.vars[ION_CUR], dcurdv = ion.vars[ION_DCURDV];
                int[] node = ion.node;
                for (int i = 0; i < ion.count; i++) {
                    cur[i] += dcurdv[i] * rhs[node[i]];
                }
            }
        }
        if (g.secondorder != 0) {
            for (int i = 0; i < n.count; i++) {
                v[i] += 2. * rhs[i];
            }
        } else {
            for (int i = 0; i < n.count; i++) {
                v[i] += rhs[i];
            }
        }
        if (x != null) {
            ExtracellularMatrix.update(x, n); // vm by Δvi - Δvx0 (even with secondorder's 2Δvi, as NEURON)
        }
        InstanceData cap = m.capacitance;
        if (cap != null) {
            double cfac = capacitanceFactor(g);
            double[] cm = cap.vars[Builtins.CM], iCap = cap.vars[Builtins.I_CAP];
            int[] node = cap.node;
            for (int i = 0; i < cap.count; i++) {
                iCap[i] = cfac * cm[i] * rhs[node[i]];
            }
        }
    }

    /** SOLVE blocks then AFTER SOLVE blocks, at t_{n+1} with the new v. */
    public static void updateStates(LoweredModel m, boolean twoThreads) {
        ExtracellularNodes x = m.extracellular;
        if (x != null) {
            for (MechanismKernel k : m.kernels) {
                if (k.instances().type.electrodeCurrent()) {
                    ExtracellularMatrix.useInternalPotential(x, m.nodes);
                    k.state();
                    ExtracellularMatrix.restorePotential(x, m.nodes);
                } else {
                    k.state();
                }
            }
        } else if (!twoThreads || m.split == null || !SecondThread.sweep(m, true)) {
            for (MechanismKernel k : m.kernels) {
                k.state();
            }
        }
        for (MechanismKernel k : m.kernels) {
            k.afterSolve();
        }
    }

    public static void beforeStepBlocks(LoweredModel m) {
        for (MechanismKernel k : m.kernels) {
            k.beforeStep();
        }
    }

    /** capac.cpp: .001·cj with cj = 1/dt, or 2/dt for Crank–Nicolson's half step; times cm [µF/cm²] gives S/cm². */
    private static double capacitanceFactor(GlobalState g) {
        double cj = g.secondorder != 0 ? 2.0 / g.dt : 1.0 / g.dt;
        return .001 * cj;
    }
}
