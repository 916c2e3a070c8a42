package org.jpatch.core.model;

/**
 * Where each segment's values come from when nseg changes, as NEURON's node_realloc
 * (solve.cpp): growing, old node i1 moves to int(n2·(i1+½)/n1) and the gaps clone
 * old int(n1·(i2+½)/n2); shrinking, new i2 takes old int(n1·(i2+½)/n2).
 */
final class NsegRemap {
    private NsegRemap() {}

    /** For each new segment, the old segment whose values it takes. */
    static int[] sources(int n1, int n2) {
        int[] src = new int[n2];
        java.util.Arrays.fill(src, -1);
        if (n1 < n2) {
            for (int i1 = 0; i1 < n1; ++i1) {
                src[(int) (n2 * ((i1 + .5) / (double) n1))] = i1;
            }
        }
        for (int i2 = 0; i2 < n2; ++i2) {
            if (src[i2] < 0) {
                src[i2] = (int) (n1 * ((i2 + .5) / (double) n2));
            }
        }
        return src;
    }

    /** For each old segment, the new segment that takes over its point processes. */
    static int[] targets(int n1, int n2) {
        int[] dst = new int[n1];
        if (n1 < n2) {
            for (int i1 = 0; i1 < n1; ++i1) {
                dst[i1] = (int) (n2 * ((i1 + .5) / (double) n1));
            }
            return dst;
        }
        int i1 = 0;
        for (int i2 = 0; i2 < n2; ++i2) {
            double x2 = (i2 + 1.) / (double) n2;  // far end of the new segment
            for (; i1 < n1; ++i1) {
                double x1 = (i1 + .5) / (double) n1;
                if (x1 > x2) {
                    break;
                }
                dst[i1] = i2;
            }
        }
        return dst;
    }
}
