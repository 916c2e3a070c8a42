package org.jpatch.core.solve;

import org.jpatch.core.mech.NodeData;

/**
 * solve.cpp's triang and bksub: Gaussian elimination of the tree matrix in node order
 * (every parent before its children). The solution Δv replaces rhs.
 *
 * <p>Along an unbranched run the parent of node i is i-1, and each elimination step
 * depends on the previous one. The values just computed for node i-1 are therefore
 * carried in locals instead of being re-read from the arrays: the same operations in
 * the same order, without a store-to-load round trip on the critical path.
 */
public final class HinesSolver {
    private HinesSolver() {}

    public static void solve(NodeData n) {
        double[] a = n.a, b = n.b, d = n.d, rhs = n.rhs;
        int[] parent = n.parent;
        int last = n.count - 1;
        if (last < n.rootCount) {
            for (int i = 0; i < n.count; ++i) {
                rhs[i] /= d[i];
            }
            return;
        }
        double di = d[last], ri = rhs[last];  // d and rhs of node i, complete
        for (int i = last; i >= n.rootCount; --i) {
            double p = a[i] / di;
            int ip = parent[i];
            double dp = d[ip] - p * b[i];
            double rp = rhs[ip] - p * ri;
            d[ip] = dp;
            rhs[ip] = rp;
            if (ip == i - 1) {
                di = dp;
                ri = rp;
            } else if (i > 0) {
                di = d[i - 1];
                ri = rhs[i - 1];
            }
        }
        for (int i = 0; i < n.rootCount; ++i) {
            rhs[i] /= d[i];
        }
        double previous = n.rootCount > 0 ? rhs[n.rootCount - 1] : 0.0;  // solved rhs of node i-1
        for (int i = n.rootCount; i < n.count; ++i) {
            int ip = parent[i];
            double rp = ip == i - 1 ? previous : rhs[ip];
            double r = (rhs[i] - b[i] * rp) / d[i];
            rhs[i] = r;
            previous = r;
        }
    }
}
