package org.jpatch.core.solve;

import org.jpatch.core.mech.NodeData;

/**
 * solve.cpp's triang and bksub: Gaussian elimination of the tree matrix in node order
 * (every parent before its children). The solution Δv replaces rhs.
 */
final class HinesSolver {
    private HinesSolver() {}

    static void solve(NodeData n) {
        double[] a = n.a, b = n.b, d = n.d, rhs = n.rhs;
        int[] parent = n.parent;
        for (int i = n.count - 1; i >= n.rootCount; --i) {
            double p = a[i] / d[i];
            int ip = parent[i];
            d[ip] -= p * b[i];
            rhs[ip] -= p * rhs[i];
        }
        for (int i = 0; i < n.rootCount; ++i) {
            rhs[i] /= d[i];
        }
        for (int i = n.rootCount; i < n.count; ++i) {
            rhs[i] -= b[i] * rhs[parent[i]];
            rhs[i] /= d[i];
        }
    }
}
