package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.Cnexp;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.RangeKernel;

/**
 * hh.mod as nocmodl compiles it: currents by the 0.001 mV difference, cnexp state
 * updates in nocmodl's algebraic form (mech.Cnexp), and the TABLE of (minf, mtau, hinf, htau, ninf,
 * ntau) over v = -100..100 mV in 200 steps, used while usetable_hh != 0 and rebuilt
 * when celsius changes.
 */
final class HodgkinHuxleyKernel extends MechanismKernel implements RangeKernel {
    private static final int GNABAR = 0, GKBAR = 1, GL = 2, EL = 3, GNA = 4, GK = 5, IL = 6;
    private static final int MINF = 7, HINF = 8, NINF = 9, MTAU = 10, HTAU = 11, NTAU = 12, M = 13, H = 14, N = 15;
    private static final int USETABLE = 0;
    private static final int EREV = 0, CUR = 3, DCURDV = 4;
    private static final int TABLE_SIZE = 201;
    private static final double TABLE_VMIN = -100.0, TABLE_VMAX = 100.0;  // [mV]
    /** Instances whose rates are formed, then their states updated, together: in L1 meanwhile. */
    private static final int CHUNK = 256;

    private final double[] tMinf = new double[TABLE_SIZE], tMtau = new double[TABLE_SIZE];
    private final double[] tHinf = new double[TABLE_SIZE], tHtau = new double[TABLE_SIZE];
    private final double[] tNinf = new double[TABLE_SIZE], tNtau = new double[TABLE_SIZE];
    private boolean tableMissing = true;
    private double tableCelsius;  // [°C]
    private double tableFactor;   // 1/Δv of the table [1/mV]

    /** The results of one rates() call; one per range, as ranges may run concurrently. */
    private static final class Rates {
        double minf, hinf, ninf;  // [1]
        double mtau, htau, ntau;  // [ms]
    }

    private final Rates lowerRange = new Rates(), upperRange = new Rates();

    private double[] gnabar, gkbar, gl, el, gna, gk, il, m, h, n;
    private double[] minf, hinf, ninf, mtau, htau, ntau;
    private int[] node, naRow, kRow;
    private double[] ena, ina, dinadv, ek, ik, dikdv;

    @Override
    protected void bound() {
        double[][] x = data.vars;
        gnabar = x[GNABAR]; gkbar = x[GKBAR]; gl = x[GL]; el = x[EL];
        gna = x[GNA]; gk = x[GK]; il = x[IL];
        m = x[M]; h = x[H]; n = x[N];
        minf = x[MINF]; hinf = x[HINF]; ninf = x[NINF];
        mtau = x[MTAU]; htau = x[HTAU]; ntau = x[NTAU];
        node = data.node;
        InstanceData na = data.ions[0], k = data.ions[1];
        naRow = data.ionRow[0];
        kRow = data.ionRow[1];
        ena = na.vars[EREV]; ina = na.vars[CUR]; dinadv = na.vars[DCURDV];
        ek = k.vars[EREV]; ik = k.vars[CUR]; dikdv = k.vars[DCURDV];
    }

    @Override
    public void checkTables() {
        if (typeGlobals[USETABLE] == 0.0) {
            return;
        }
        if (tableMissing || tableCelsius != globals.celsius) {
            Rates r = lowerRange;
            double dx = (TABLE_VMAX - TABLE_VMIN) / 200.;
            tableFactor = 1. / dx;
            double x = TABLE_VMIN;
            for (int i = 0; i < TABLE_SIZE; x += dx, i++) {  // accumulated, as nocmodl does
                computeRates(x, r);
                tMinf[i] = r.minf; tMtau[i] = r.mtau;
                tHinf[i] = r.hinf; tHtau[i] = r.htau;
                tNinf[i] = r.ninf; tNtau[i] = r.ntau;
            }
            tableCelsius = globals.celsius;
            tableMissing = false;
        }
    }

    @Override
    public void initialize() {
        double[] v = nodes.v;
        Rates r = lowerRange;
        for (int i = 0; i < data.count; i++) {
            rates(v[node[i]], r);
            keep(i, r.minf, r.hinf, r.ninf, r.mtau, r.htau, r.ntau);
            m[i] = r.minf;
            h[i] = r.hinf;
            n[i] = r.ninf;
        }
    }

    @Override
    public void current() {
        current(0, data.count);
    }

    @Override
    public void current(int from, int to) {
        double[] v = nodes.v, rhs = nodes.rhs, d = nodes.d;
        for (int i = from; i < to; i++) {
            int nd = node[i];
            int na = naRow[i], kk = kRow[i];
            double vi = v[nd];
            double eNa = ena[na], eK = ek[kk];
            double mi = m[i], hi = h[i], ni = n[i];
            double gNa = gnabar[i] * mi * mi * mi * hi;
            double gK = gkbar[i] * ni * ni * ni * ni;
            double glI = gl[i], elI = el[i];

            double vp = vi + .001;
            double inaPlus = gNa * (vp - eNa);
            double ikPlus = gK * (vp - eK);
            double iPlus = 0.0 + inaPlus + ikPlus + glI * (vp - elI);

            double inaNow = gNa * (vi - eNa);
            double ikNow = gK * (vi - eK);
            double ilNow = glI * (vi - elI);
            double iNow = 0.0 + inaNow + ikNow + ilNow;

            gna[i] = gNa;
            gk[i] = gK;
            il[i] = ilNow;
            dinadv[na] += (inaPlus - inaNow) / .001;
            dikdv[kk] += (ikPlus - ikNow) / .001;
            ina[na] += inaNow;
            ik[kk] += ikNow;
            rhs[nd] -= iNow;
            d[nd] += (iPlus - iNow) / .001;
        }
    }

    @Override
    public void state() {
        state(0, data.count);
    }

    @Override
    public void state(int from, int to) {
        Rates r = from == 0 ? lowerRange : upperRange;
        boolean table = typeGlobals[USETABLE] != 0.0;
        double dt = globals.dt;
        for (int start = from; start < to; start += CHUNK) {
            int end = Math.min(start + CHUNK, to);
            if (table) {
                ratesFromTable(start, end, r);
            } else {
                ratesComputed(start, end, r);
            }
            Cnexp.update(m, minf, mtau, start, end, dt);
            Cnexp.update(h, hinf, htau, start, end, dt);
            Cnexp.update(n, ninf, ntau, start, end, dt);
        }
    }

    private static final int[] ODE_STATES = {M, H, N};

    @Override
    protected int[] odeStateColumns() {
        return ODE_STATES;
    }

    /** nocmodl's _ode_spec1: rates(v), then Dm = (minf - m)/mtau, likewise h and n. */
    @Override
    public void odeSpec(double[] ydot, int offset) {
        double[] v = nodes.v;
        Rates r = lowerRange;
        for (int i = 0; i < data.count; i++) {
            rates(v[node[i]], r);
            keep(i, r.minf, r.hinf, r.ninf, r.mtau, r.htau, r.ntau);
            int at = offset + 3 * i;
            ydot[at] = (r.minf - m[i]) / r.mtau;
            ydot[at + 1] = (r.hinf - h[i]) / r.htau;
            ydot[at + 2] = (r.ninf - n[i]) / r.ntau;
        }
    }

    /** nocmodl's _ode_matsol1: rates(v) again, then Dm /= 1 - γ·(-1/mtau), likewise h and n. */
    @Override
    public void odeMatsol(double[] b, int offset, double gamma) {
        double[] v = nodes.v;
        Rates r = lowerRange;
        for (int i = 0; i < data.count; i++) {
            rates(v[node[i]], r);
            keep(i, r.minf, r.hinf, r.ninf, r.mtau, r.htau, r.ntau);
            int at = offset + 3 * i;
            b[at] = b[at] / (1. - gamma * ((-1.0) / r.mtau));
            b[at + 1] = b[at + 1] / (1. - gamma * ((-1.0) / r.htau));
            b[at + 2] = b[at + 2] / (1. - gamma * ((-1.0) / r.ntau));
        }
    }

    /** rates() of instances start..end computed directly, kept for their cnexp updates. */
    private void ratesComputed(int start, int end, Rates r) {
        double[] v = nodes.v;
        for (int i = start; i < end; i++) {
            computeRates(v[node[i]], r);
            keep(i, r.minf, r.hinf, r.ninf, r.mtau, r.htau, r.ntau);
        }
    }

    /** The hot loop: rates() of instances start..end by the table interpolation, inlined, kept. */
    private void ratesFromTable(int start, int end, Rates r) {
        double[] v = nodes.v;
        double fac = tableFactor;
        double[] tMinf = this.tMinf, tMtau = this.tMtau, tHinf = this.tHinf;
        double[] tHtau = this.tHtau, tNinf = this.tNinf, tNtau = this.tNtau;
        int[] node = this.node;
        for (int i = start; i < end; i++) {
            double mInf, mTau, hInf, hTau, nInf, nTau;
            double xi = fac * (v[node[i]] - TABLE_VMIN);
            if (xi > 0. && xi < 200.) {
                int k = (int) xi;
                double theta = xi - (double) k;
                mInf = tMinf[k] + theta * (tMinf[k + 1] - tMinf[k]);
                mTau = tMtau[k] + theta * (tMtau[k + 1] - tMtau[k]);
                hInf = tHinf[k] + theta * (tHinf[k + 1] - tHinf[k]);
                hTau = tHtau[k] + theta * (tHtau[k + 1] - tHtau[k]);
                nInf = tNinf[k] + theta * (tNinf[k + 1] - tNinf[k]);
                nTau = tNtau[k] + theta * (tNtau[k + 1] - tNtau[k]);
            } else {
                rates(v[node[i]], r);  // the ends of the table and NaN
                mInf = r.minf; mTau = r.mtau; hInf = r.hinf; hTau = r.htau; nInf = r.ninf; nTau = r.ntau;
            }
            keep(i, mInf, hInf, nInf, mTau, hTau, nTau);
        }
    }

    /** The instance's minf, hinf, ninf, mtau, htau, ntau: what its last rates() gave. */
    private void keep(int i, double mInf, double hInf, double nInf, double mTau, double hTau, double nTau) {
        minf[i] = mInf; hinf[i] = hInf; ninf[i] = nInf;
        mtau[i] = mTau; htau[i] = hTau; ntau[i] = nTau;
    }

    /** rates(v) [mV] by the table (nocmodl's _n_rates) or directly when usetable_hh is 0. */
    private void rates(double v, Rates r) {
        if (typeGlobals[USETABLE] == 0.0) {
            computeRates(v, r);
            return;
        }
        double xi = tableFactor * (v - TABLE_VMIN);
        if (Double.isNaN(xi)) {
            r.minf = r.mtau = r.hinf = r.htau = r.ninf = r.ntau = xi;
            return;
        }
        int i;
        double theta;
        if (xi <= 0.) {
            i = 0;
            theta = 0.;
        } else if (xi >= 200.) {
            i = 200;
            theta = 0.;
        } else {
            i = (int) xi;
            theta = xi - (double) i;
        }
        if (theta == 0.) {
            r.minf = tMinf[i]; r.mtau = tMtau[i];
            r.hinf = tHinf[i]; r.htau = tHtau[i];
            r.ninf = tNinf[i]; r.ntau = tNtau[i];
            return;
        }
        r.minf = tMinf[i] + theta * (tMinf[i + 1] - tMinf[i]);
        r.mtau = tMtau[i] + theta * (tMtau[i + 1] - tMtau[i]);
        r.hinf = tHinf[i] + theta * (tHinf[i + 1] - tHinf[i]);
        r.htau = tHtau[i] + theta * (tHtau[i + 1] - tHtau[i]);
        r.ninf = tNinf[i] + theta * (tNinf[i + 1] - tNinf[i]);
        r.ntau = tNtau[i] + theta * (tNtau[i + 1] - tNtau[i]);
    }

    /** hh.mod's PROCEDURE rates(v) [mV], evaluated directly. */
    private void computeRates(double v, Rates r) {
        double q10 = Math.pow(3.0, (globals.celsius - 6.3) / 10.0);
        double alpha = .1 * vtrap(-(v + 40.0), 10.0);
        double beta = 4.0 * Math.exp(-(v + 65.0) / 18.0);
        double sum = alpha + beta;
        r.mtau = 1.0 / (q10 * sum);
        r.minf = alpha / sum;
        alpha = .07 * Math.exp(-(v + 65.0) / 20.0);
        beta = 1.0 / (Math.exp(-(v + 35.0) / 10.0) + 1.0);
        sum = alpha + beta;
        r.htau = 1.0 / (q10 * sum);
        r.hinf = alpha / sum;
        alpha = .01 * vtrap(-(v + 55.0), 10.0);
        beta = .125 * Math.exp(-(v + 65.0) / 80.0);
        sum = alpha + beta;
        r.ntau = 1.0 / (q10 * sum);
        r.ninf = alpha / sum;
    }

    private static double vtrap(double x, double y) {
        if (Math.abs(x / y) < 1e-6) {
            return y * (1.0 - x / y / 2.0);
        }
        return x / (Math.exp(x / y) - 1.0);
    }
}
