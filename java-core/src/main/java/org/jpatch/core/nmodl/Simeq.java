package org.jpatch.core.nmodl;

/**
 * scopmath's simeq (NEURON's simeq.hpp), operation for operation: Gaussian elimination on
 * the augmented matrix with partial pivoting by a permutation of rows (never swapped), each
 * pivot row normalized, only the entries right of the diagonal updated; then back
 * substitution. NEURON solves a LINEAR block with it, so the same matrix gives its bits.
 */
public final class Simeq {
    private static final double ROUNDOFF = 1.e-20;  // scopmath errcodes.h

    private Simeq() {
    }

    /**
     * @param coef the n × (n + 1) augmented matrix, destroyed
     * @param soln receives the n unknowns
     * @return false when a pivot is below 1e-20 in magnitude (scopmath's SINGULAR)
     */
    public static boolean solve(double[][] coef, double[] soln) {
        int n = soln.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int isave = 0;
        for (int j = 0; j < n; j++) {
            int ipivot = perm[j];
            for (int i = j + 1; i < n; i++) {
                int jrow = perm[i];
                if (Math.abs(coef[ipivot][j]) < Math.abs(coef[jrow][j])) {
                    ipivot = jrow;
                    isave = i;
                }
            }
            if (Math.abs(coef[ipivot][j]) < ROUNDOFF) {
                return false;
            }
            if (ipivot != perm[j]) {
                perm[isave] = perm[j];
                perm[j] = ipivot;
            }
            for (int kcol = j + 1; kcol <= n; kcol++) {
                coef[ipivot][kcol] /= coef[ipivot][j];
            }
            for (int i = j + 1; i < n; i++) {
                int jrow = perm[i];
                for (int kcol = j + 1; kcol <= n; kcol++) {
                    coef[jrow][kcol] -= coef[ipivot][kcol] * coef[jrow][j];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int jrow = perm[i];
            soln[i] = coef[jrow][n];
            for (int j = i + 1; j < n; j++) {
                soln[i] -= coef[jrow][j] * soln[j];
            }
        }
        return true;
    }
}
