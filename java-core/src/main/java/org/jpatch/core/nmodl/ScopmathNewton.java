package org.jpatch.core.nmodl;

/**
 * scopmath's Newton iteration ({@code newton.hpp}, and {@code nrn_newton_thread}, which
 * computes the same): Jacobian by central differences with steps max(|0.02·x|, 1e-6),
 * rebuilt while the relative change exceeds 0.05; Crout LU with partial pivoting and
 * implicit equilibration; converged when the relative change ≤ 1e-6 and every residual
 * ≤ 1e-8; at most 50 iterations. Written operation for operation so that the unknowns
 * round as NEURON's do; nothing is allocated per solve.
 */
public final class ScopmathNewton {
    /** The equations of one instance: residuals that are 0 at the solution. */
    public interface Equations {
        double unknown(int i);

        void setUnknown(int i, double value);

        /** Evaluates every equation at the present unknowns, into {@code residuals}. */
        void residuals(double[] residuals);
    }

    /** Why a solve failed; NEURON aborts the run in both cases. */
    public enum Failure { SINGULAR, NO_CONVERGENCE }

    public static final int MAXITERS = 50;
    private static final double ROUNDOFF = 1.e-20, ZERO = 1.e-8, STEP = 1.e-6, CONVERGE = 1.e-6, MAXCHANGE = 0.05;

    private final int n;
    private final double[] value, high, low, deltaX, rowMax;
    private final double[][] jacobian;
    private final int[] perm;

    public ScopmathNewton(int n) {
        this.n = n;
        value = new double[n];
        high = new double[n];
        low = new double[n];
        deltaX = new double[n];
        rowMax = new double[n];
        jacobian = new double[n][n];
        perm = new int[n];
    }

    /** The residuals at the last evaluation. */
    double[] residuals() {
        return value;
    }

    /** Moves the unknowns to the solution; null on success, else why not. */
    public Failure solve(Equations equations) {
        int count = 0;
        double change = 1.0;
        while (count++ < MAXITERS) {
            if (change > MAXCHANGE) {
                buildJacobian(equations);
                for (int i = 0; i < n; i++) {
                    value[i] = -value[i];
                }
                if (!crout()) {
                    return Failure.SINGULAR;
                }
            }
            solve();
            change = 0.0;
            for (int i = 0; i < n; i++) {
                double x = equations.unknown(i);
                double relative;
                if (Math.abs(x) > ZERO && (relative = Math.abs(deltaX[i] / x)) > change) {
                    change = relative;
                }
                equations.setUnknown(i, x + deltaX[i]);
            }
            equations.residuals(value);
            double maxDeviation = 0.0;
            for (int i = 0; i < n; i++) {
                value[i] = -value[i];
                double deviation = Math.abs(value[i]);
                if (deviation > maxDeviation) {
                    maxDeviation = deviation;
                }
            }
            if (change <= CONVERGE && maxDeviation <= ZERO) {
                return null;
            }
        }
        return Failure.NO_CONVERGENCE;
    }

    private void buildJacobian(Equations equations) {
        for (int j = 0; j < n; j++) {
            double increment = fmax(Math.abs(0.02 * equations.unknown(j)), STEP);
            equations.setUnknown(j, equations.unknown(j) + increment);
            equations.residuals(value);
            System.arraycopy(value, 0, high, 0, n);
            equations.setUnknown(j, equations.unknown(j) - 2.0 * increment);
            equations.residuals(value);
            for (int i = 0; i < n; i++) {
                low[i] = value[i];
                jacobian[i][j] = (high[i] - low[i]) / (2.0 * increment);
            }
            equations.setUnknown(j, equations.unknown(j) + increment);
            equations.residuals(value);
        }
    }

    /** scopmath's crout: false when a pivot is below 1e-20 (singular). */
    private boolean crout() {
        double[][] a = jacobian;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            int k = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(a[i][j]) > Math.abs(a[i][k])) {
                    k = j;
                }
            }
            rowMax[i] = a[i][k];
        }
        int saveI = 0;
        for (int r = 0; r < n; r++) {
            for (int i = r; i < n; i++) {
                double sum = 0.0;
                int iRow = perm[i];
                for (int k = 0; k < r; k++) {
                    sum += a[iRow][k] * a[perm[k]][r];
                }
                a[iRow][r] -= sum;
            }
            int pivot = perm[r];
            double equil1 = Math.abs(a[pivot][r] / rowMax[pivot]);
            for (int i = r + 1; i < n; i++) {
                int iRow = perm[i];
                double equil2 = Math.abs(a[iRow][r] / rowMax[iRow]);
                if (equil2 > equil1) {
                    pivot = iRow;
                    saveI = i;
                    equil1 = equil2;
                }
            }
            if (pivot != perm[r]) {
                perm[saveI] = perm[r];
                perm[r] = pivot;
            }
            if (Math.abs(a[pivot][r]) < ROUNDOFF) {
                return false;
            }
            for (int j = r + 1; j < n; j++) {
                double sum = 0.0;
                for (int k = 0; k < r; k++) {
                    sum += a[pivot][k] * a[perm[k]][j];
                }
                a[pivot][j] = (a[pivot][j] - sum) / a[pivot][r];
            }
        }
        return true;
    }

    /** scopmath's solve without a y index: the solution into deltaX. */
    private void solve() {
        double[][] a = jacobian;
        for (int i = 0; i < n; i++) {
            int pivot = perm[i];
            double sum = 0.0;
            for (int j = 0; j < i; j++) {
                sum += a[pivot][j] * deltaX[j];
            }
            deltaX[i] = (value[pivot] - sum) / a[pivot][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int pivot = perm[i];
            double sum = 0.0;
            for (int j = i + 1; j < n; j++) {
                sum += a[pivot][j] * deltaX[j];
            }
            deltaX[i] -= sum;
        }
    }

    /** C's fmax: a NaN argument yields the other one. */
    private static double fmax(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.max(a, b);
    }
}
