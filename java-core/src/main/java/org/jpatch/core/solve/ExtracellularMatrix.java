package org.jpatch.core.solve;

import static org.jpatch.core.lower.ExtracellularNodes.BLOCK;
import static org.jpatch.core.lower.ExtracellularNodes.NLAYER;
import static org.jpatch.core.mech.builtin.Extracellular.I_MEMBRANE;
import static org.jpatch.core.mech.builtin.Extracellular.SAV_G;
import static org.jpatch.core.mech.builtin.Extracellular.SAV_RHS;

import java.util.Arrays;
import org.jpatch.core.lower.ExtracellularNodes;
import org.jpatch.core.mech.NodeData;

/**
 * NEURON's extracellular layers in the fixed step (extcelln.cpp: nrn_rhs_ext, nrn_setup_ext,
 * nrn_update_2d): at a node with layers the unknowns are Δvi (the internal potential, in
 * the node's rhs as usual) and Δvx of each layer. Membrane currents flow between vi - vx0
 * and layer 0, each layer is coupled to the next (the last to ground through e_extracellular)
 * by xg and xc, and along the section by xraxial. NEURON solves that system with sparse13;
 * here every node's unknowns form one block and the tree is eliminated block by block
 * (Hines' order, leaves first), which gives the same solution to rounding.
 */
final class ExtracellularMatrix {
    private ExtracellularMatrix() {}

    /** extcell_init: every layer's potential and i_membrane back to 0. */
    static void initialize(ExtracellularNodes x) {
        for (int j = 0; j < NLAYER; j++) {
            Arrays.fill(x.vext[j], 0.0);
        }
        Arrays.fill(x.instances.vars[I_MEMBRANE], 0.0);
        x.storeVext();
    }

    /** The layers' equations emptied and their couplings computed, before any current. */
    static void clear(ExtracellularNodes x, NodeData nodes) {
        x.loadVext();
        x.couplings(nodes);
        for (int j = 0; j < NLAYER; j++) {
            Arrays.fill(x.rhs[j], 0.0);
            Arrays.fill(x.d[j], 0.0);
            Arrays.fill(x.x12[j], 0.0);
            Arrays.fill(x.x21[j], 0.0);
        }
    }

    /**
     * ELECTRODE_CURRENT mechanisms see the internal potential vm + vext[0] at these nodes
     * (nocmodl's ext_vdef); until {@link #restorePotential} the nodes' v hold it.
     */
    static void useInternalPotential(ExtracellularNodes x, NodeData nodes) {
        double[] v = nodes.v;
        for (int r = 0; r < x.count; r++) {
            int n = x.node[r];
            x.savedV[r] = v[n];
            v[n] = v[n] + x.vext[0][r];
        }
    }

    static void restorePotential(ExtracellularNodes x, NodeData nodes) {
        for (int r = 0; r < x.count; r++) {
            nodes.v[x.node[r]] = x.savedV[r];
        }
    }

    /** Before an electrode current's current(): its inputs at vi, and the node rows to see what it adds. */
    static void enterElectrode(ExtracellularNodes x, NodeData nodes) {
        for (int r = 0; r < x.count; r++) {
            int n = x.node[r];
            x.savedRhs[r] = nodes.rhs[n];
            x.savedD[r] = nodes.d[n];
        }
        useInternalPotential(x, nodes);
    }

    /**
     * After it: what it added to a node's rhs also enters layer 0's (the electrode current
     * is injected inside, so it also leaves through the layers) and its conductance
     * layer 0's diagonal, as nocmodl's {@code *_extnode->_rhs[0] += _rhs; *_extnode->_d[0] += _g}.
     */
    static void leaveElectrode(ExtracellularNodes x, NodeData nodes) {
        for (int r = 0; r < x.count; r++) {
            int n = x.node[r];
            x.rhs[0][r] += nodes.rhs[n] - x.savedRhs[r];
            x.d[0][r] += x.savedD[r] - nodes.d[n];
        }
        restorePotential(x, nodes);
    }

    /**
     * nrn_rhs_ext, after all membrane currents and before the cable's axial terms: layer 0
     * takes the membrane current, the layers' axial and ground currents, and the internal
     * axial terms that vi = vm + vx0 adds (also into nodes without layers next to ones with).
     */
    static void addRhs(ExtracellularNodes x, NodeData nodes) {
        double[] rhs = nodes.rhs, a = nodes.a, b = nodes.b;
        int[] parent = nodes.parent, row = x.rowOfNode;
        double[] savRhs = x.instances.vars[SAV_RHS];
        for (int n = 0; n < nodes.count; n++) {
            int r = row[n];
            if (r >= 0) {
                x.rhs[0][r] -= rhs[n];
                if (r < x.instanceCount) {
                    savRhs[r] = x.rhs[0][r];
                }
            }
        }
        for (int n = 0; n < nodes.count; n++) {
            int r = row[n];
            int p = parent[n];
            if (r < 0 || p < 0) {
                continue;
            }
            int pr = row[p];
            if (pr >= 0) {
                for (int j = 0; j < NLAYER; j++) {
                    double dv = x.vext[j][pr] - x.vext[j][r];
                    x.rhs[j][r] -= x.bx[j][r] * dv;
                    x.rhs[j][pr] += x.ax[j][r] * dv;
                    if (j == 0) {
                        rhs[n] -= b[n] * dv;
                        rhs[p] += a[n] * dv;
                    }
                }
            } else { // the parent has no layers: xraxial is sealed there, vi = vm + vx0 here only
                double dv = -x.vext[0][r];
                rhs[n] -= b[n] * dv;
                rhs[p] += a[n] * dv;
            }
            int j = NLAYER - 1; // the last layer to ground through e_extracellular
            x.rhs[j][r] -= x.xg(j, r) * (x.vext[j][r] - x.e(r));
            for (--j; j >= 0; --j) { // between layer j and j + 1
                double current = x.xg(j, r) * (x.vext[j][r] - x.vext[j + 1][r]);
                x.rhs[j][r] -= current;
                x.rhs[j + 1][r] += current;
            }
        }
        for (int n = 0; n < nodes.count; n++) { // nodes without layers whose parent has them
            int p = parent[n];
            if (row[n] < 0 && p >= 0 && row[p] >= 0) {
                double dv = x.vext[0][row[p]];
                rhs[n] -= b[n] * dv;
                rhs[p] += a[n] * dv;
            }
        }
    }

    /**
     * nrn_setup_ext, after every conductance and capacitance is in d and before the
     * axial terms: the membrane couples vi and layer 0, xg + xc·cfac couples the layers
     * (cfac [1/ms]: .001/dt, 2/dt's for secondorder), xraxial their nodes.
     */
    static void addLhs(ExtracellularNodes x, NodeData nodes, double cfac) {
        double[] d = nodes.d;
        int[] parent = nodes.parent, row = x.rowOfNode;
        double[] savG = x.instances.vars[SAV_G];
        for (int n = 0; n < nodes.count; n++) {
            int r = row[n];
            if (r >= 0) {
                // layer 0's diagonal held minus the electrode conductances: now the membrane's only
                double membrane = x.d[0][r] += d[n];
                x.x12[0][r] -= membrane;
                x.x21[0][r] -= membrane;
                if (r < x.instanceCount) {
                    savG[r] = membrane;
                }
            }
        }
        for (int n = 0; n < nodes.count; n++) {
            int r = row[n];
            int p = parent[n];
            if (r < 0 || p < 0) {
                continue;
            }
            for (int j = 0; ; ) {
                double mfac = x.xg(j, r) + x.xc(j, r) * cfac;
                x.d[j][r] += mfac;
                ++j;
                if (j == NLAYER) {
                    break;
                }
                x.d[j][r] += mfac;
                x.x12[j][r] -= mfac;
                x.x21[j][r] -= mfac;
            }
            int pr = row[p];
            if (pr >= 0) {
                for (int j = 0; j < NLAYER; j++) {
                    x.d[j][r] -= x.bx[j][r];
                    x.d[j][pr] -= x.ax[j][r];
                }
            }
        }
    }

    /**
     * Solves the whole matrix: Δvi into nodes.rhs, each layer's Δvx into x.rhs. Nodes without
     * layers are eliminated as Hines does; a node with layers as a BLOCK × BLOCK block,
     * coupled to its parent through (a, ax…) and (b, bx…) on the diagonal of the shared unknowns.
     */
    static void solve(ExtracellularNodes x, NodeData nodes) {
        double[] a = nodes.a, b = nodes.b, d = nodes.d, rhs = nodes.rhs;
        int[] parent = nodes.parent, row = x.rowOfNode;
        double[] blk = x.block, inv = x.inverse, brhs = x.blockRhs;
        final int bb = BLOCK * BLOCK;
        for (int r = 0; r < x.count; r++) {
            int n = x.node[r];
            int o = r * bb;
            Arrays.fill(blk, o, o + bb, 0.0);
            blk[o] = d[n];
            brhs[r * BLOCK] = rhs[n];
            for (int j = 0; j < NLAYER; j++) {
                blk[o + (j + 1) * BLOCK + (j + 1)] = x.d[j][r];
                blk[o + j * BLOCK + (j + 1)] = x.x12[j][r];
                blk[o + (j + 1) * BLOCK + j] = x.x21[j][r];
                brhs[r * BLOCK + j + 1] = x.rhs[j][r];
            }
        }
        for (int i = nodes.count - 1; i >= nodes.rootCount; --i) {
            int p = parent[i];
            int ri = row[i], rp = row[p];
            if (ri < 0) {
                double f = a[i] / d[i];
                if (rp < 0) {
                    d[p] -= f * b[i];
                    rhs[p] -= f * rhs[i];
                } else {
                    blk[rp * bb] -= f * b[i];
                    brhs[rp * BLOCK] -= f * rhs[i];
                }
                continue;
            }
            invert(x, blk, ri * bb, inv);
            int oi = ri * bb;
            if (rp < 0) { // only vi is shared with the parent
                double y0 = 0.0;
                for (int s = 0; s < BLOCK; s++) {
                    y0 += inv[oi + s] * brhs[ri * BLOCK + s];
                }
                d[p] -= a[i] * inv[oi] * b[i];
                rhs[p] -= a[i] * y0;
            } else {
                int op = rp * bb;
                for (int r = 0; r < BLOCK; r++) {
                    double toParent = r == 0 ? a[i] : x.ax[r - 1][ri];
                    double y = 0.0;
                    for (int s = 0; s < BLOCK; s++) {
                        double fromParent = s == 0 ? b[i] : x.bx[s - 1][ri];
                        blk[op + r * BLOCK + s] -= toParent * inv[oi + r * BLOCK + s] * fromParent;
                        y += inv[oi + r * BLOCK + s] * brhs[ri * BLOCK + s];
                    }
                    brhs[rp * BLOCK + r] -= toParent * y;
                }
            }
        }
        for (int i = 0; i < nodes.rootCount; ++i) {
            int ri = row[i];
            if (ri < 0) {
                rhs[i] /= d[i];
            } else {
                invert(x, blk, ri * bb, inv);
                multiplyInPlace(x, inv, ri * bb, brhs, ri * BLOCK);
            }
        }
        for (int i = nodes.rootCount; i < nodes.count; ++i) {
            int p = parent[i];
            int ri = row[i], rp = row[p];
            double parentVi = rp < 0 ? rhs[p] : brhs[rp * BLOCK];
            if (ri < 0) {
                rhs[i] = (rhs[i] - b[i] * parentVi) / d[i];
                continue;
            }
            int o = ri * BLOCK;
            brhs[o] -= b[i] * parentVi;
            if (rp >= 0) {
                for (int j = 0; j < NLAYER; j++) {
                    brhs[o + j + 1] -= x.bx[j][ri] * brhs[rp * BLOCK + j + 1];
                }
            }
            multiplyInPlace(x, inv, ri * bb, brhs, o);
        }
        for (int r = 0; r < x.count; r++) {
            rhs[x.node[r]] = brhs[r * BLOCK];
            for (int j = 0; j < NLAYER; j++) {
                x.rhs[j][r] = brhs[r * BLOCK + j + 1];
            }
        }
    }

    /**
     * nrn_update_2d, after v += Δvi: each layer by its Δvx, vm by Δvi - Δvx0 (so the node's
     * rhs becomes Δvm, what capacitance's i_cap then uses), and i_membrane [mA/cm²] =
     * the membrane conductance times Δvm plus its current at the step's start.
     */
    static void update(ExtracellularNodes x, NodeData nodes) {
        double[] v = nodes.v, rhs = nodes.rhs;
        for (int r = 0; r < x.count; r++) {
            for (int j = 0; j < NLAYER; j++) {
                x.vext[j][r] += x.rhs[j][r];
            }
            v[x.node[r]] -= x.rhs[0][r];
        }
        double[] iMembrane = x.instances.vars[I_MEMBRANE];
        double[] savG = x.instances.vars[SAV_G], savRhs = x.instances.vars[SAV_RHS];
        for (int r = 0; r < x.count; r++) {
            int n = x.node[r];
            rhs[n] -= x.rhs[0][r];
            if (r < x.instanceCount) {
                iMembrane[r] = savG[r] * rhs[n] + savRhs[r];
            }
        }
        x.storeVext();
    }

    /** Gauss–Jordan inverse of the BLOCK × BLOCK block at {@code offset} into {@code out} at the same offset. */
    private static void invert(ExtracellularNodes x, double[] m, int offset, double[] out) {
        double[] work = x.work; // the block is reduced on a copy: it stays for nothing, but m is not ours to change

        System.arraycopy(m, offset, work, 0, BLOCK * BLOCK);
        for (int r = 0; r < BLOCK; r++) {
            for (int c = 0; c < BLOCK; c++) {
                out[offset + r * BLOCK + c] = r == c ? 1.0 : 0.0;
            }
        }
        for (int k = 0; k < BLOCK; k++) {
            int pivot = k;
            for (int r = k + 1; r < BLOCK; r++) {
                if (Math.abs(work[r * BLOCK + k]) > Math.abs(work[pivot * BLOCK + k])) {
                    pivot = r;
                }
            }
            if (pivot != k) {
                for (int c = 0; c < BLOCK; c++) {
                    swap(work, k * BLOCK + c, pivot * BLOCK + c);
                    swap(out, offset + k * BLOCK + c, offset + pivot * BLOCK + c);
                }
            }
            double diagonal = work[k * BLOCK + k];
            for (int c = 0; c < BLOCK; c++) {
                work[k * BLOCK + c] /= diagonal;
                out[offset + k * BLOCK + c] /= diagonal;
            }
            for (int r = 0; r < BLOCK; r++) {
                double f = work[r * BLOCK + k];
                if (r == k || f == 0.0) {
                    continue;
                }
                for (int c = 0; c < BLOCK; c++) {
                    work[r * BLOCK + c] -= f * work[k * BLOCK + c];
                    out[offset + r * BLOCK + c] -= f * out[offset + k * BLOCK + c];
                }
            }
        }
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }

    /** v (BLOCK values at {@code vOffset}) := M·v, M the block at {@code mOffset}. */
    private static void multiplyInPlace(ExtracellularNodes x, double[] m, int mOffset, double[] v, int vOffset) {
        double[] work = x.work;
        for (int r = 0; r < BLOCK; r++) {
            double sum = 0.0;
            for (int c = 0; c < BLOCK; c++) {
                sum += m[mOffset + r * BLOCK + c] * v[vOffset + c];
            }
            work[r] = sum;
        }
        System.arraycopy(work, 0, v, vOffset, BLOCK);
    }
}
