package org.jpatch.core.solve.cvode;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.mech.VariableRole;
import org.jpatch.core.mech.builtin.Builtins;
import org.jpatch.core.solve.HinesSolver;

/**
 * A lowered model as NEURON hands it to CVODE (occvode.cpp, cvtrset.cpp, capac.cpp):
 * y = v at the nodes with capacitance, then every mechanism's ODE states (types in
 * sweep order, instances, states); zero-area nodes are algebraic, their v made
 * consistent with their neighbours' before each evaluation (Cvode::nocap_v).
 * f = the fixed step's right-hand side divided by cm (nrn_div_capacity) plus each
 * mechanism's ode_spec. The Newton solve is NEURON's solvex_thread: the tree matrix
 * with cm/γ on the diagonal and the membrane conductances of the last f, then each
 * mechanism's ode_matsol for its states.
 */
final class CableOdes implements OdeSystem {
    private final LoweredModel model;
    private final GlobalState globals;
    private final DoubleSupplier stepSize;  // the integrator's present h [ms], NEURON's dt during f
    private final NodeData nodes;
    private final int[] capNode;    // node of equation k < capCount
    private final double[] cm;      // [µF/cm²] per capacitance instance
    private final double[] iCap;    // [mA/cm²] per capacitance instance
    private final int[] noCap;      // zero-area nodes: roots first, then the others, in node order
    private final int[] noCapChild; // nodes whose parent is a zero-area node, in node order
    private final MechanismKernel[] odeKernels;
    private final int[] odeOffset;  // of each odeKernels[k]'s first equation in y
    private final double[] membraneD;  // [S/cm²] the membrane conductances of the last f
    private final int size;
    /** NEURON's f_calls_ and mxb_calls_: right-hand sides evaluated, Newton systems solved. */
    long evaluations, solves;

    CableOdes(LoweredModel model, GlobalState globals, DoubleSupplier stepSize) {
        this.model = model;
        this.globals = globals;
        this.stepSize = stepSize;
        this.nodes = model.nodes;
        InstanceData cap = model.capacitance;
        int capCount = cap == null ? 0 : cap.count;
        capNode = cap == null ? new int[0] : cap.node;
        cm = cap == null ? new double[0] : cap.vars[Builtins.CM];
        iCap = cap == null ? new double[0] : cap.vars[Builtins.I_CAP];
        boolean[] hasCap = new boolean[nodes.count];
        for (int k = 0; k < capCount; k++) {
            hasCap[capNode[k]] = true;
        }
        noCap = indicesWithout(hasCap);
        int children = 0;
        for (int i = nodes.rootCount; i < nodes.count; i++) {
            if (!hasCap[nodes.parent[i]]) {
                children++;
            }
        }
        noCapChild = new int[children];
        for (int i = nodes.rootCount, c = 0; i < nodes.count; i++) {
            if (!hasCap[nodes.parent[i]]) {
                noCapChild[c++] = i;
            }
        }
        int count = 0, n = capCount;
        for (MechanismKernel k : model.kernels) {
            checkIntegrable(k, hasCap);
            if (k.odeCount() > 0) {
                count++;
            }
        }
        odeKernels = new MechanismKernel[count];
        odeOffset = new int[count];
        count = 0;
        for (MechanismKernel k : model.kernels) {
            if (k.odeCount() > 0) {
                odeKernels[count] = k;
                odeOffset[count++] = n;
                n += k.odeCount() * k.instances().count;
            }
        }
        size = n;
        membraneD = new double[nodes.count];
    }

    private static int[] indicesWithout(boolean[] hasCap) {
        int count = 0;
        for (boolean b : hasCap) {
            if (!b) {
                count++;
            }
        }
        int[] idx = new int[count];
        for (int i = 0, c = 0; i < hasCap.length; i++) {
            if (!hasCap[i]) {
                idx[c++] = i;
            }
        }
        return idx;
    }

    /** What this integrator cannot do yet is refused here, naming the mechanism. */
    private static void checkIntegrable(MechanismKernel k, boolean[] hasCap) {
        InstanceData data = k.instances();
        int states = 0;
        for (RangeVariable v : data.type.variables()) {
            if (v.role() == VariableRole.STATE) {
                states++;
            }
        }
        if (states > 0 && k.odeCount() == 0 && data.count > 0) {
            throw new InvalidValueException("CVode: mechanism " + data.type.name()
                    + " has STATEs without an ODE form in this engine yet; use the fixed step");
        }
        if (data.type.kind() == MechanismKind.POINT) {
            for (int i = 0; i < data.count; i++) {
                if (!hasCap[data.node[i]]) {
                    throw new InvalidValueException("CVode: " + data.type.name()
                            + " at a zero-area node (x = 0 or 1) is not supported yet; place it inside the section");
                }
            }
        }
    }

    void resetCounts() {
        evaluations = solves = 0;
    }

    int size() {
        return size;
    }

    LoweredModel model() {
        return model;
    }

    /** gather_y: the model's present v and states into y. */
    void gather(double[] y) {
        double[] v = nodes.v;
        for (int k = 0; k < capNode.length; k++) {
            y[k] = v[capNode[k]];
        }
        for (int k = 0; k < odeKernels.length; k++) {
            odeKernels[k].odeGather(y, odeOffset[k]);
        }
    }

    /** scatter_y then nocap_v: the model takes y's values. */
    private void scatter(double[] y) {
        double[] v = nodes.v;
        for (int k = 0; k < capNode.length; k++) {
            v[capNode[k]] = y[k];
        }
        for (int k = 0; k < odeKernels.length; k++) {
            odeKernels[k].odeScatter(y, odeOffset[k]);
        }
        zeroAreaVoltages();
    }

    /**
     * Cvode::nocap_v without membrane currents at zero-area nodes (refused above): each
     * such node's v balances the axial currents from its parent and children.
     */
    private void zeroAreaVoltages() {
        double[] rhs = nodes.rhs, d = nodes.d, v = nodes.v, a = nodes.a, b = nodes.b;
        int[] parent = nodes.parent;
        for (int i : noCap) {
            rhs[i] = 0.;
            d[i] = 0.;
        }
        for (int i : noCap) {
            rhs[i] += d[i] * v[i];
            if (i >= nodes.rootCount) {
                int p = parent[i];
                rhs[i] -= b[i] * v[p];
                d[i] -= b[i];
            }
        }
        for (int i : noCapChild) {
            int p = parent[i];
            rhs[p] -= a[i] * v[i];
            d[p] -= a[i];
        }
        for (int i : noCap) {
            v[i] = rhs[i] / d[i];
        }
    }

    /** Cvode::fun_thread: y' at (t, y); the model is left holding y, its currents and i_cap. */
    @Override
    public void f(double t, double[] y, double[] ydot) {
        evaluations++;
        globals.t = t;
        double h = stepSize.getAsDouble();
        globals.dt = h == 0. ? 1e-8 : h;
        scatter(y);
        double[] rhs = nodes.rhs, d = nodes.d, v = nodes.v, a = nodes.a, b = nodes.b;
        int[] parent = nodes.parent;
        Arrays.fill(rhs, 0.0);
        Arrays.fill(d, 0.0);
        MechanismKernel[] kernels = model.kernels;
        for (MechanismKernel k : kernels) {
            k.beforeBreakpoint();
        }
        for (MechanismKernel k : kernels) {
            k.current();
        }
        System.arraycopy(d, 0, membraneD, 0, d.length);  // NEURON's jacob adds these at the solve
        for (int i = nodes.rootCount; i < nodes.count; ++i) {
            int p = parent[i];
            double dv = v[p] - v[i];
            rhs[i] -= b[i] * dv;
            rhs[p] += a[i] * dv;
        }
        for (int k = 0; k < odeKernels.length; k++) {
            odeKernels[k].odeSpec(ydot, odeOffset[k]);
        }
        for (int k = 0; k < capNode.length; k++) {
            int nd = capNode[k];
            iCap[k] = rhs[nd];
            rhs[nd] /= 1.e-3 * cm[k];
            ydot[k] = rhs[nd];
        }
    }

    /** Cvode::solvex_thread: b = (I - γJ)⁻¹ b with NEURON's tree-matrix J. */
    @Override
    public void solve(double[] b, double gamma) {
        solves++;
        globals.dt = gamma;
        double cfac = .001 * (1. / gamma);
        double[] rhs = nodes.rhs, d = nodes.d, av = nodes.a, bv = nodes.b;
        int[] parent = nodes.parent;
        System.arraycopy(membraneD, 0, d, 0, d.length);
        for (int k = 0; k < capNode.length; k++) {
            d[capNode[k]] += cfac * cm[k];
        }
        for (int i = nodes.rootCount; i < nodes.count; ++i) {
            d[i] -= bv[i];
            d[parent[i]] -= av[i];
        }
        for (int k = 0; k < capNode.length; k++) {
            rhs[capNode[k]] = b[k];
        }
        for (int k = 0; k < capNode.length; k++) {
            rhs[capNode[k]] *= cfac * cm[k];
        }
        for (int i : noCap) {
            rhs[i] = 0;
        }
        HinesSolver.solve(nodes);
        for (int k = 0; k < odeKernels.length; k++) {
            odeKernels[k].odeMatsol(b, odeOffset[k], gamma);
        }
        for (int k = 0; k < capNode.length; k++) {
            b[k] = rhs[capNode[k]];
        }
    }
}
