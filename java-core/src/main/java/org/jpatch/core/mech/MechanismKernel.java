package org.jpatch.core.mech;

/**
 * The computation of one mechanism type over all its instances: the shape of the C
 * that nocmodl generates (one loop over instances through {@code data.node}), so that
 * an NMODL compiler can emit kernels of this form and the solver stays unaware of
 * which mechanisms exist. The integrator calls each hook once per type, in sweep order,
 * at NEURON's points; nothing here may allocate, since hooks run every time step.
 *
 * <p>A kernel lives as long as its simulation (tables survive re-lowering) and is
 * re-bound to fresh arrays each time the model is lowered. Kernels of types with a
 * NET_RECEIVE block also implement {@link NetReceiver}.
 */
public abstract class MechanismKernel {
    protected InstanceData data;
    protected NodeData nodes;
    protected GlobalState globals;
    /** The type's GLOBAL values, in the order of {@link MechanismType#globals()}. */
    protected double[] typeGlobals;

    public final void bind(InstanceData data, NodeData nodes, GlobalState globals, double[] typeGlobals) {
        this.data = data;
        this.nodes = nodes;
        this.globals = globals;
        this.typeGlobals = typeGlobals;
        bound();
    }

    /** The instances this kernel is bound to. */
    public final InstanceData instances() {
        return data;
    }

    /** After {@link #bind}: cache array fields here. */
    protected void bound() {}

    /** NEURON's table check: rebuild TABLEs whose DEPEND values changed. Called before INITIAL and each step. */
    public void checkTables() {}

    /** INITIAL block. */
    public void initialize() {}

    /** BEFORE BREAKPOINT blocks, before any current is computed. */
    public void beforeBreakpoint() {}

    /**
     * BREAKPOINT currents at the present v: {@code nodes.rhs} minus the membrane current
     * (plus, for electrode currents) and {@code nodes.d} plus its conductance, both by
     * NEURON's 0.001 mV difference; ion currents and dI/dv accumulated into the ions.
     * NEURON's nrn_cur followed by nrn_jacob.
     */
    public void current() {}

    /** SOLVE blocks: states from t to t + dt with the new v. */
    public void state() {}

    /** AFTER SOLVE blocks. */
    public void afterSolve() {}

    /** BEFORE STEP blocks, just before record at the end of a step. */
    public void beforeStep() {}

    // ------------------------------------------------------------ variable step (CVODE)

    private static final int[] NO_ODE_STATES = {};

    /**
     * The STATE columns integrated by CVODE, in NEURON's order of them (nocmodl's _slist1);
     * empty for a type without ODEs. A type with STATEs but no ODE form overrides nothing
     * here and is refused by the variable-step method.
     */
    protected int[] odeStateColumns() {
        return NO_ODE_STATES;
    }

    /** NEURON's ode_count: equations per instance. */
    public final int odeCount() {
        return odeStateColumns().length;
    }

    /** The NEURON name of ODE state j ("m_hh"), for cvode.atolscale. */
    public final String odeStateName(int j) {
        return data.type.rangeName(odeStateColumns()[j]);
    }

    /** y[offset + i·count + j] = state j of instance i (NEURON's gather_y through ode_map). */
    public final void odeGather(double[] y, int offset) {
        int[] columns = odeStateColumns();
        int count = columns.length;
        for (int j = 0; j < count; j++) {
            double[] s = data.vars[columns[j]];
            for (int i = 0; i < data.count; i++) {
                y[offset + i * count + j] = s[i];
            }
        }
    }

    /** The inverse of {@link #odeGather} (scatter_y). */
    public final void odeScatter(double[] y, int offset) {
        int[] columns = odeStateColumns();
        int count = columns.length;
        for (int j = 0; j < count; j++) {
            double[] s = data.vars[columns[j]];
            for (int i = 0; i < data.count; i++) {
                s[i] = y[offset + i * count + j];
            }
        }
    }

    /**
     * NEURON's ode_spec: the states' time derivatives [1/ms·unit] at the present v, t and
     * states into ydot[offset + i·count + j], in the order of {@link #odeStateColumns}.
     */
    public void odeSpec(double[] ydot, int offset) {}

    /**
     * NEURON's ode_matsol: b[offset + i·count + j] divided by (1 - γ·∂f_j/∂s_j) at the
     * present v (the diagonal of the states' part of CVODE's Newton matrix); γ [ms].
     */
    public void odeMatsol(double[] b, int offset, double gamma) {}

    /**
     * The times [ms] the BREAKPOINT block declares with at_time() (discontinuities the
     * variable-step method must stop at), each given to {@code sink}.
     */
    public void atTimes(java.util.function.DoubleConsumer sink) {}
}
