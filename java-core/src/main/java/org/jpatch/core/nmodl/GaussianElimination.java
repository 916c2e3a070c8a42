package org.jpatch.core.nmodl;

/**
 * a·x = b for the small dense systems of KINETIC and LINEAR blocks: elimination with
 * partial pivoting, in place (a is destroyed, x is left in b). scopmath uses a sparse LU
 * (sparse_thread) or simeq for these; the solution is the same to rounding.
 */
public final class GaussianElimination {
    private GaussianElimination() {
    }

    /** @return false for a singular matrix (b then holds no solution) */
    public static boolean solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (a[pivot][col] == 0.) {
                return false;
            }
            if (pivot != col) {
                double[] row = a[pivot];
                a[pivot] = a[col];
                a[col] = row;
                double r = b[pivot];
                b[pivot] = b[col];
                b[col] = r;
            }
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor != 0.) {
                    for (int c = col; c < n; c++) {
                        a[row][c] -= factor * a[col][c];
                    }
                    b[row] -= factor * b[col];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int c = row + 1; c < n; c++) {
                sum -= a[row][c] * b[c];
            }
            b[row] = sum / a[row][row];
        }
        return true;
    }
}
