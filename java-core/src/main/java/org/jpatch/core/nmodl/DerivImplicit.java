package org.jpatch.core.nmodl;

/**
 * NEURON's derivimplicit for one instance: implicit Euler on the states of a DERIVATIVE
 * block, the residuals D(s) - (s - s_old)/dt solved by scopmath's Newton
 * ({@link ScopmathNewton}), then the block run once more at the solution, as nocmodl's
 * generated states() does. Generated kernels hold one per SOLVE block; nothing is
 * allocated per call.
 */
public final class DerivImplicit {
    /** The DERIVATIVE block of the instance being solved. */
    public interface Block {
        double state(int i);

        void setState(int i, double value);

        /** Runs the block at the present states, writing each state's derivative into {@code derivatives}. */
        void derivatives(double[] derivatives);
    }

    private final int n;
    private final double[] saved, derivative;
    private final ScopmathNewton newton;
    /** The block and step of the present {@link #step}, seen by the equations. */
    private Block block;
    private double dt; // [ms]
    private final ScopmathNewton.Equations implicitEuler = new ScopmathNewton.Equations() {
        @Override
        public double unknown(int i) {
            return block.state(i);
        }

        @Override
        public void setUnknown(int i, double value) {
            block.setState(i, value);
        }

        @Override
        public void residuals(double[] residuals) {
            block.derivatives(derivative);
            for (int i = 0; i < n; i++) {
                residuals[i] = derivative[i] - (block.state(i) - saved[i]) / dt;
            }
        }
    };

    public DerivImplicit(int n) {
        this.n = n;
        saved = new double[n];
        derivative = new double[n];
        newton = new ScopmathNewton(n);
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
        this.block = block;
        this.dt = dt;
        for (int i = 0; i < n; i++) {
            saved[i] = block.state(i);
        }
        ScopmathNewton.Failure failure = newton.solve(implicitEuler);
        if (failure == ScopmathNewton.Failure.SINGULAR) {
            throw new IllegalStateException("derivimplicit: singular Jacobian (NEURON aborts the run here)");
        }
        if (failure == ScopmathNewton.Failure.NO_CONVERGENCE) {
            throw new IllegalStateException("derivimplicit: no convergence in " + ScopmathNewton.MAXITERS
                    + " Newton iterations (NEURON aborts the run here)");
        }
        implicitEuler.residuals(newton.residuals());
    }
}
