package org.jpatch.core.mech.builtin;

import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.MechanismKernel;

/**
 * hh.mod as nocmodl compiles it: currents by the 0.001 mV difference, cnexp state
 * updates in nocmodl's algebraic form, and the TABLE of (minf, mtau, hinf, htau, ninf,
 * ntau) over v = -100..100 mV in 200 steps, used while usetable_hh != 0 and rebuilt
 * when celsius changes.
 */
final class HodgkinHuxleyKernel extends MechanismKernel {
    private static final int GNABAR = 0, GKBAR = 1, GL = 2, EL = 3, GNA = 4, GK = 5, IL = 6, M = 7, H = 8, N = 9;
    private static final int USETABLE = 0, MINF = 1, HINF = 2, NINF = 3, MTAU = 4, HTAU = 5, NTAU = 6;
    private static final int EREV = 0, CUR = 3, DCURDV = 4;
    private static final int TABLE_SIZE = 201;
    private static final double TABLE_VMIN = -100.0, TABLE_VMAX = 100.0;  // [mV]

    private final double[] tMinf = new double[TABLE_SIZE], tMtau = new double[TABLE_SIZE];
    private final double[] tHinf = new double[TABLE_SIZE], tHtau = new double[TABLE_SIZE];
    private final double[] tNinf = new double[TABLE_SIZE], tNtau = new double[TABLE_SIZE];
    private boolean tableMissing = true;
    private double tableCelsius;  // [°C]
    private double tableFactor;   // 1/Δv of the table [1/mV]

    // Results of the last rates(v), NMODL's GLOBALs of hh.
    private double minf, hinf, ninf, mtau, htau, ntau;

    private double[] gnabar, gkbar, gl, el, gna, gk, il, m, h, n;
    private int[] node, naRow, kRow;
    private double[] ena, ina, dinadv, ek, ik, dikdv;

    @Override
    protected void bound() {
        double[][] x = data.vars;
        gnabar = x[GNABAR]; gkbar = x[GKBAR]; gl = x[GL]; el = x[EL];
        gna = x[GNA]; gk = x[GK]; il = x[IL];
        m = x[M]; h = x[H]; n = x[N];
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
            double dx = (TABLE_VMAX - TABLE_VMIN) / 200.;
            tableFactor = 1. / dx;
            double x = TABLE_VMIN;
            for (int i = 0; i < TABLE_SIZE; x += dx, i++) {  // accumulated, as nocmodl does
                computeRates(x);
                tMinf[i] = minf; tMtau[i] = mtau;
                tHinf[i] = hinf; tHtau[i] = htau;
                tNinf[i] = ninf; tNtau[i] = ntau;
            }
            tableCelsius = globals.celsius;
            tableMissing = false;
        }
    }

    @Override
    public void initialize() {
        double[] v = nodes.v;
        for (int i = 0; i < data.count; i++) {
            rates(v[node[i]]);
            m[i] = minf;
            h[i] = hinf;
            n[i] = ninf;
        }
        publishRates();
    }

    @Override
    public void current() {
        double[] v = nodes.v, rhs = nodes.rhs, d = nodes.d;
        for (int i = 0; i < data.count; i++) {
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
        if (typeGlobals[USETABLE] == 0.0) {
            stateComputingRates();
        } else {
            stateFromTable();
        }
        publishRates();
    }

    private void stateComputingRates() {
        double[] v = nodes.v;
        double dt = globals.dt;
        for (int i = 0; i < data.count; i++) {
            computeRates(v[node[i]]);
            m[i] = cnexp(m[i], minf, mtau, dt);
            h[i] = cnexp(h[i], hinf, htau, dt);
            n[i] = cnexp(n[i], ninf, ntau, dt);
        }
    }

    /** The hot loop: the table interpolation of rates() inlined into the update. */
    private void stateFromTable() {
        double[] v = nodes.v;
        double dt = globals.dt;
        double fac = tableFactor;
        double[] tMinf = this.tMinf, tMtau = this.tMtau, tHinf = this.tHinf;
        double[] tHtau = this.tHtau, tNinf = this.tNinf, tNtau = this.tNtau;
        double[] m = this.m, h = this.h, n = this.n;
        int[] node = this.node;
        double mInf = minf, mTau = mtau, hInf = hinf, hTau = htau, nInf = ninf, nTau = ntau;
        for (int i = 0; i < data.count; i++) {
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
                rates(v[node[i]]);  // the ends of the table and NaN
                mInf = minf; mTau = mtau; hInf = hinf; hTau = htau; nInf = ninf; nTau = ntau;
            }
            m[i] = cnexp(m[i], mInf, mTau, dt);
            h[i] = cnexp(h[i], hInf, hTau, dt);
            n[i] = cnexp(n[i], nInf, nTau, dt);
        }
        minf = mInf; mtau = mTau; hinf = hInf; htau = hTau; ninf = nInf; ntau = nTau;
    }

    /**
     * cnexp for s' = (inf - s)/tau: s += (1 - exp(dt·a))·(-f0/a - s) with a = -1/tau and
     * f0 = inf/tau, spelled exactly as nocmodl emits it.
     */
    private static double cnexp(double s, double inf, double tau, double dt) {
        double a = (-1.0) / tau;
        return s + (1. - Math.exp(dt * a)) * (-(inf / tau) / a - s);
    }

    private void publishRates() {
        if (data.count > 0) {
            typeGlobals[MINF] = minf; typeGlobals[HINF] = hinf; typeGlobals[NINF] = ninf;
            typeGlobals[MTAU] = mtau; typeGlobals[HTAU] = htau; typeGlobals[NTAU] = ntau;
        }
    }

    private void rates(double v) {
        if (typeGlobals[USETABLE] == 0.0) {
            computeRates(v);
            return;
        }
        double xi = tableFactor * (v - TABLE_VMIN);
        if (Double.isNaN(xi)) {
            minf = mtau = hinf = htau = ninf = ntau = xi;
            return;
        }
        if (xi <= 0.) {
            lookup(0, 0.0);
            return;
        }
        if (xi >= 200.) {
            lookup(200, 0.0);
            return;
        }
        int i = (int) xi;
        lookup(i, xi - (double) i);
    }

    private void lookup(int i, double theta) {
        if (theta == 0.0) {
            minf = tMinf[i]; mtau = tMtau[i];
            hinf = tHinf[i]; htau = tHtau[i];
            ninf = tNinf[i]; ntau = tNtau[i];
            return;
        }
        minf = tMinf[i] + theta * (tMinf[i + 1] - tMinf[i]);
        mtau = tMtau[i] + theta * (tMtau[i + 1] - tMtau[i]);
        hinf = tHinf[i] + theta * (tHinf[i + 1] - tHinf[i]);
        htau = tHtau[i] + theta * (tHtau[i + 1] - tHtau[i]);
        ninf = tNinf[i] + theta * (tNinf[i + 1] - tNinf[i]);
        ntau = tNtau[i] + theta * (tNtau[i + 1] - tNtau[i]);
    }

    /** hh.mod's PROCEDURE rates(v) [mV], evaluated directly. */
    private void computeRates(double v) {
        double q10 = Math.pow(3.0, (globals.celsius - 6.3) / 10.0);
        double alpha = .1 * vtrap(-(v + 40.0), 10.0);
        double beta = 4.0 * Math.exp(-(v + 65.0) / 18.0);
        double sum = alpha + beta;
        mtau = 1.0 / (q10 * sum);
        minf = alpha / sum;
        alpha = .07 * Math.exp(-(v + 65.0) / 20.0);
        beta = 1.0 / (Math.exp(-(v + 35.0) / 10.0) + 1.0);
        sum = alpha + beta;
        htau = 1.0 / (q10 * sum);
        hinf = alpha / sum;
        alpha = .01 * vtrap(-(v + 55.0), 10.0);
        beta = .125 * Math.exp(-(v + 65.0) / 80.0);
        sum = alpha + beta;
        ntau = 1.0 / (q10 * sum);
        ninf = alpha / sum;
    }

    private static double vtrap(double x, double y) {
        if (Math.abs(x / y) < 1e-6) {
            return y * (1.0 - x / y / 2.0);
        }
        return x / (Math.exp(x / y) - 1.0);
    }
}
