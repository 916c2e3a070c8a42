package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;

/**
 * NEURON's VClamp ({@code src/nrnoc/vclmp.mod}): a two-electrode voltage clamp, an
 * amplifier of gain {@code gain} with time constants tau1, tau2 driving the electrode
 * through rstim, holding amp[j] for dur[j] in turn. Its LINEAR block is solved as
 * nocmodl compiles it: the same 3×4 augmented matrix, Gaussian elimination with partial
 * pivoting as scopmath's simeq, on each current evaluation and again after the voltage
 * update. Array elements are the variables {@code dur[0]}..{@code dur[2]}, {@code amp[0]}..
 */
public final class VClamp extends MechanismKernel {
    /** NEURON's type index: after SEClamp (11). */
    public static final int ORDER = 12;
    private static final int LEVELS = 3;
    private static final int DUR = 0, AMP = 3, GAIN = 6, RSTIM = 7, TAU1 = 8, TAU2 = 9, E0 = 10, VO0 = 11, VI0 = 12,
            FAC = 13, I = 14, STIM = 15, TC = 16, E = 17, VO = 18, VI = 19;
    /** simeq's singularity bound. */
    private static final double ROUNDOFF = 1.e-20;
    /** Matrix columns: the unknowns in the order of nocmodl's _slist (vi, vo, e), then the right side. */
    private static final int COL_VI = 0, COL_VO = 1, COL_E = 2, COL_RHS = 3;

    public static final MechanismType TYPE = buildType();

    private static MechanismType buildType() {
        MechanismType.Builder b = MechanismType.builder("VClamp", MechanismKind.POINT, ORDER);
        for (int j = 0; j < LEVELS; j++) {
            b.variable(RangeVariable.parameter("dur[" + j + "]", "ms", 0.0));
        }
        for (int j = 0; j < LEVELS; j++) {
            b.variable(RangeVariable.parameter("amp[" + j + "]", "mV", 0.0));
        }
        return b.variable(RangeVariable.parameter("gain", "", 1e5))
                .variable(RangeVariable.parameter("rstim", "megohm", 1.0))
                .variable(RangeVariable.parameter("tau1", "ms", 0.001))
                .variable(RangeVariable.parameter("tau2", "ms", 0.0))
                .variable(RangeVariable.parameter("e0", "mV", 0.0))
                .variable(RangeVariable.parameter("vo0", "mV", 0.0))
                .variable(RangeVariable.parameter("vi0", "mV", 0.0))
                .variable(RangeVariable.parameter("fac", "1", 0.0))
                .variable(RangeVariable.assigned("i", "nA"))
                .variable(RangeVariable.assigned("stim", "mV"))
                .variable(RangeVariable.assigned("tc", "ms"))
                .variable(RangeVariable.state("e", "mV"))
                .variable(RangeVariable.state("vo", "mV"))
                .variable(RangeVariable.state("vi", "mV"))
                .electrodeCurrent()
                .kernel(VClamp::new)
                .build();
    }

    private final double[][] matrix = new double[3][4];
    private final int[] perm = new int[3];
    private final double[] solution = new double[3];

    private double[][] dur = new double[LEVELS][]; // [ms]
    private double[][] amp = new double[LEVELS][]; // [mV]
    private double[] gain, rstim, tau1, tau2, e0, vo0, vi0, fac; // [1], [MΩ], [ms], [ms], [mV]×3, [1]
    private double[] i;    // [nA]
    private double[] stim; // [mV]
    private double[] tc;   // [ms]
    private double[] e, vo, vi; // [mV]

    @Override
    protected void bound() {
        double[][] x = data.vars;
        for (int j = 0; j < LEVELS; j++) {
            dur[j] = x[DUR + j];
            amp[j] = x[AMP + j];
        }
        gain = x[GAIN];
        rstim = x[RSTIM];
        tau1 = x[TAU1];
        tau2 = x[TAU2];
        e0 = x[E0];
        vo0 = x[VO0];
        vi0 = x[VI0];
        fac = x[FAC];
        i = x[I];
        stim = x[STIM];
        tc = x[TC];
        e = x[E];
        vo = x[VO];
        vi = x[VI];
    }

    @Override
    public void initialize() {
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            double vk = v[node[k]];
            e0[k] = 0.0;
            vo[k] = vk;
            vo0[k] = vk;
            vi[k] = vk;
            vi0[k] = vk;
            e[k] = 0.0;
        }
    }

    @Override
    public void current() {
        double t = globals.t;
        int[] node = data.node;
        double[] v = nodes.v, rhs = nodes.rhs, d = nodes.d, area = nodes.area;
        // vclmp.mod is not thread safe: nocmodl keeps _g in one static, so NEURON's
        // jacobian adds the last instance's conductance at every instance's node.
        double lastConductance = 0.0;
        for (int k = 0; k < data.count; k++) {
            int n = node[k];
            double vk = v[n];
            setCommand(k, t);
            double iShifted = clampCurrent(k, vk + 0.001, t);
            setCommand(k, t);
            double current = clampCurrent(k, vk, t);
            i[k] = current;
            double scale = 1.e2 / area[n];
            lastConductance = (iShifted - current) / 0.001 * scale;
            rhs[n] += current * scale;
        }
        for (int k = 0; k < data.count; k++) {
            d[node[k]] -= lastConductance;
        }
    }

    /** update(): the current with the new v, then the clamp's memory of this step. */
    @Override
    public void state() {
        double t = globals.t;
        int[] node = data.node;
        double[] v = nodes.v;
        for (int k = 0; k < data.count; k++) {
            i[k] = clampCurrent(k, v[node[k]], t);
            e0[k] = e[k];
            vo0[k] = vo[k];
            vi0[k] = vi[k];
        }
    }

    /** vstim(): the level in force at t [ms]; tc is the end of the levels, +100 while on. */
    private void setCommand(int k, double t) {
        tc[k] = 0.0;
        for (int j = 0; j < LEVELS; j++) {
            stim[k] = amp[j][k];
            tc[k] = tc[k] + dur[j][k];
            if (t < tc[k]) {
                tc[k] = tc[k] + 100.0;
                break;
            }
        }
    }

    /** icur() [nA] at membrane potential vm [mV]: solves the clamp's LINEAR block when on. */
    private double clampCurrent(int k, double vm, double t) {
        if (t > tc[k]) {
            e0[k] = 0.0;
            vo0[k] = 0.0;
            return 0.0;
        }
        fillMatrix(k, vm);
        solve();
        vi[k] = solution[COL_VI];
        vo[k] = solution[COL_VO];
        e[k] = solution[COL_E];
        return (vo[k] - vm) / rstim[k];
    }

    /** The LINEAR clamp block, term by term in nocmodl's order. */
    private void fillMatrix(int k, double vm) {
        for (double[] row : matrix) {
            java.util.Arrays.fill(row, 0.0);
        }
        double t1 = tau1[k] / globals.dt;
        double t2 = tau2[k] / globals.dt;
        // ~ vi = v + fac*vo - fac*v
        matrix[0][COL_VI] -= 1.0;
        matrix[0][COL_RHS] -= vm;
        matrix[0][COL_VO] += fac[k] * 1.0;
        matrix[0][COL_RHS] += fac[k] * vm;
        // ~ t2*vo - t2*vo0 + vo = -gain*e
        matrix[1][COL_VO] -= t2 * 1.0;
        matrix[1][COL_RHS] -= t2 * vo0[k];
        matrix[1][COL_VO] -= 1.0;
        matrix[1][COL_E] -= gain[k] * 1.0;
        // ~ -stim - e + vi - e + t1*vi - t1*e - t1*(vi0 - e0) = 0
        matrix[2][COL_RHS] -= stim[k];
        matrix[2][COL_E] += 1.0;
        matrix[2][COL_VI] -= 1.0;
        matrix[2][COL_E] += 1.0;
        matrix[2][COL_VI] -= t1 * 1.0;
        matrix[2][COL_E] += t1 * 1.0;
        matrix[2][COL_RHS] -= t1 * (vi0[k] - e0[k]);
        matrix[2][COL_RHS] -= 0.0;
    }

    /** scopmath's simeq for n = 3, including its pivot bookkeeping. */
    private void solve() {
        int n = 3;
        for (int r = 0; r < n; r++) {
            perm[r] = r;
        }
        int isave = 0;
        for (int j = 0; j < n; j++) {
            int ipivot = perm[j];
            for (int r = j + 1; r < n; r++) {
                int jrow = perm[r];
                if (Math.abs(matrix[ipivot][j]) < Math.abs(matrix[jrow][j])) {
                    ipivot = jrow;
                    isave = r;
                }
            }
            if (Math.abs(matrix[ipivot][j]) < ROUNDOFF) {
                throw new ArithmeticException("VClamp: singular clamp equations (simeq)");
            }
            if (ipivot != perm[j]) {
                perm[isave] = perm[j];
                perm[j] = ipivot;
            }
            for (int col = j + 1; col <= n; col++) {
                matrix[ipivot][col] /= matrix[ipivot][j];
            }
            for (int r = j + 1; r < n; r++) {
                int jrow = perm[r];
                for (int col = j + 1; col <= n; col++) {
                    matrix[jrow][col] -= matrix[ipivot][col] * matrix[jrow][j];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            int jrow = perm[r];
            solution[r] = matrix[jrow][n];
            for (int c = r + 1; c < n; c++) {
                solution[r] -= matrix[jrow][c] * solution[c];
            }
        }
    }
}
