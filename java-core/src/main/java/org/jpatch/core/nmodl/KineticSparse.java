package org.jpatch.core.nmodl;

import java.util.Arrays;

/**
 * NEURON's METHOD sparse for one instance of a KINETIC block: implicit Euler on the
 * reaction system, solved by scopmath's {@code sparse_thread} iteration: the states are
 * saved, then the block's function fills the Newton matrix and right-hand side at the
 * present states, the correction is added to the states, once for a linear scheme, else
 * (clamping states at 0, as scopmath does for stability) until the sum of |correction| is
 * at most 1e-6, giving up after 21 iterations; then the function runs once more at the
 * solution and each D is (new - old)/dt. The matrix is scopmath's
 * ({@link ScopmathSparseMatrix}: its minimum-degree ordering, made at the first call, and
 * its elimination), so a solve gives NEURON's bits when the block numbers its states as
 * nocmodl does. The states cross between the block and the iteration as one array per
 * evaluation (no call per state); nothing is allocated per call once ordered. One solver
 * serves every instance of a mechanism, one instance at a time.
 */
public final class KineticSparse {
    /** The KINETIC block of the instance being solved. */
    public interface Block {
        /** states[i] = the instance's state i. */
        void load(double[] states);

        /** The instance's state i = states[i]. */
        void store(double[] states);

        /**
         * nocmodl's generated function: with the matrix's values and {@code rhs} zero, fills
         * row i for each state i at the present states ({@link ScopmathSparseMatrix#at}'s
         * slots of {@link ScopmathSparseMatrix#values()}), {@code old} being the states at
         * the step's start and {@code dtInverse} 1/dt; rows and columns from 0.
         */
        void equations(ScopmathSparseMatrix matrix, double[] rhs, double[] old, double dtInverse);
    }

    private static final double CONVERGE = 1.e-6;  // scopmath errcodes.h
    private static final int MAXSTEPS = 20;
    private static final double STEADY_STATE_DT = 1e9;  // [ms]

    private final int n;
    private final double[] old, states, rhs, derivative;
    private final ScopmathSparseMatrix matrix;

    public KineticSparse(int n) {
        this.n = n;
        old = new double[n];
        states = new double[n];
        rhs = new double[n];
        derivative = new double[n];
        matrix = new ScopmathSparseMatrix(n);
    }

    /** (new - old)/dt of state i after the last step: what secondorder adds, times dt. */
    public double derivative(int i) {
        return derivative[i];
    }

    /**
     * One step of {@code dt}. As in NEURON, whose generated code ignores sparse's error
     * code, a singular matrix stops the step where it is and 21 iterations without
     * convergence stop it after the last correction, both without the final evaluation.
     *
     * @param linear nocmodl's {@code _linmat}: the scheme is linear in its states, one correction solves it
     * @return false where scopmath returns an error
     */
    public boolean step(Block block, double dt, boolean linear) {
        if (!matrix.ordered()) {  // scopmath's create_coef_list: the elements the block names, then their order
            evaluate(block, dt);
            matrix.order();
        }
        block.load(old);
        double err = 1;
        for (int j = 0; err > CONVERGE; j++) {
            evaluate(block, dt);
            if (!matrix.solve(rhs)) {
                return false;
            }
            block.load(states);  // as scopmath, the states as the block left them
            err = 0;
            for (int i = 0; i < n; i++) {
                double s = states[i] + rhs[i];
                if (!linear && s < 0.) {
                    s = 0.;
                }
                states[i] = s;
                err += Math.abs(rhs[i]);
            }
            block.store(states);
            if (j > MAXSTEPS) {
                return false;
            }
            if (linear) {
                break;
            }
        }
        evaluate(block, dt);  // nocmodl runs the block once more at the solution (its assignments)
        block.load(states);
        for (int i = 0; i < n; i++) {
            derivative[i] = (states[i] - old[i]) / dt;
        }
        return true;
    }

    /**
     * SOLVE ... STEADYSTATE sparse: scopmath's {@code _ss_sparse_thread}, steps of 1e9 ms;
     * a linear scheme iterated to convergence, a nonlinear one by single corrections (up
     * to 7, zeroing states below -1e-6 between them) until no state is negative, then
     * iterated. Its error code, too, is ignored by NEURON's generated INITIAL.
     */
    public void steadyState(Block block, boolean linear) {
        if (linear) {
            step(block, STEADY_STATE_DT, false);
            return;
        }
        for (int i = 0; i < 7; i++) {
            if (!step(block, STEADY_STATE_DT, true)) {
                return;
            }
            if (noneNegative(block)) {
                step(block, STEADY_STATE_DT, false);
                return;
            }
        }
    }

    /** scopmath's check_state: states below -1e-6 become 0, and then the answer is no. */
    private boolean noneNegative(Block block) {
        block.load(states);
        boolean none = true;
        for (int i = 0; i < n; i++) {
            if (states[i] < -1e-6) {
                states[i] = 0.;
                none = false;
            }
        }
        block.store(states);
        return none;
    }

    private void evaluate(Block block, double dt) {
        matrix.clear();
        Arrays.fill(rhs, 0.);
        block.equations(matrix, rhs, old, 1.0 / dt);
    }
}
