package org.jpatch.core.nmodl;

/**
 * NEURON's derivimplicit for one instance: implicit Euler on the states of a DERIVATIVE
 * block, solved by scopmath's Newton iteration ({@code nrn_newton_thread}: Jacobian by
 * central differences with steps max(|0.02·x|, 1e-6), rebuilt while the relative change
 * exceeds 0.05; Crout LU with partial pivoting and implicit equilibration; converged when
 * the relative change ≤ 1e-6 and every residual ≤ 1e-8; at most 50 iterations), written
 * operation for operation so that the states round as NEURON's do. Generated kernels hold
 * one per SOLVE block; nothing is allocated per call.
 */
public final class DerivImplicit {
    /** The DERIVATIVE block of the instance being solved. */
    public interface Block {
        double state(int i);

        void setState(int i, double value);

        /** Runs the block at the present states, writing each state's derivative into {@code derivatives}. */
        void derivatives(double[] derivatives);
    }

    private static final double ROUNDOFF = 1.e-20, ZERO = 1.e-8, STEP = 1.e-6, CONVERGE = 1.e-6, MAXCHANGE = 0.05;
    private static final int MAXITERS = 50;

    private final int n;
    private final double[] saved, derivative, value, high, low, deltaX, rowMax;
    private final double[][] jacobian;
    private final int[] perm;

    public DerivImplicit(int n) {
        this.n = n;
        saved = new double[n];
        derivative = new double[n];
        value = new double[n];
        high = new double[n];
        low = new double[n];
        deltaX = new double[n];
        rowMax = new double[n];
        jacobian = new double[n][n];
        perm = new int[n];
    }

    /** The derivative of state i at the solution (what secondorder adds, times dt). */
    public double derivative(int i) {
        return derivative[i];
    }

    /**
     * Advances the states by one implicit Euler step of {@code dt}, then runs the block once
     * more at the solution, as nocmodl's generated states() does.
     *
     * @throws IllegalStateException where NEURON aborts the run: a singular Jacobian or no
     *         convergence in 50 iterations
     */
    public void step(Block block, double dt) {
        for (int i = 0; i < n; i++) {
            saved[i] = block.state(i);
        }
        newton(block, dt);
        residual(block, dt);
    }

    /** value = D(s) - (s - saved)/dt: zero at the implicit Euler solution. */
    private void residual(Block block, double dt) {
        block.derivatives(derivative);
        for (int i = 0; i < n; i++) {
            value[i] = derivative[i] - (block.state(i) - saved[i]) / dt;
        }
    }

    private void newton(Block block, double dt) {
        int count = 0;
        double change = 1.0;
        while (count++ < MAXITERS) {
            if (change > MAXCHANGE) {
                buildJacobian(block, dt);
                for (int i = 0; i < n; i++) {
                    value[i] = -value[i];
                }
                if (!crout()) {
                    throw new IllegalStateException("derivimplicit: singular Jacobian (NEURON aborts the run here)");
                }
            }
            solve();
            change = 0.0;
            for (int i = 0; i < n; i++) {
                double x = block.state(i);
                double relative;
                if (Math.abs(x) > ZERO && (relative = Math.abs(deltaX[i] / x)) > change) {
                    change = relative;
                }
                block.setState(i, x + deltaX[i]);
            }
            residual(block, dt);
            double maxDeviation = 0.0;
            for (int i = 0; i < n; i++) {
                value[i] = -value[i];
                double deviation = Math.abs(value[i]);
                if (deviation > maxDeviation) {
                    maxDeviation = deviation;
                }
            }
            if (change <= CONVERGE && maxDeviation <= ZERO) {
                return;
            }
        }
        throw new IllegalStateException("derivimplicit: no convergence in " + MAXITERS
                + " Newton iterations (NEURON aborts the run here)");
    }

    private void buildJacobian(Block block, double dt) {
        for (int j = 0; j < n; j++) {
            double increment = fmax(Math.abs(0.02 * block.state(j)), STEP);
            block.setState(j, block.state(j) + increment);
            residual(block, dt);
            System.arraycopy(value, 0, high, 0, n);
            block.setState(j, block.state(j) - 2.0 * increment);
            residual(block, dt);
            for (int i = 0; i < n; i++) {
                low[i] = value[i];
                jacobian[i][j] = (high[i] - low[i]) / (2.0 * increment);
            }
            block.setState(j, block.state(j) + increment);
            residual(block, dt);
        }
    }

    /** scopmath's nrn_crout_thread: false when a pivot is below 1e-20 (singular). */
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

    /** scopmath's nrn_scopmath_solve_thread without a y index: the solution into deltaX. */
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
