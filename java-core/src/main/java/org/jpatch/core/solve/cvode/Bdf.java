package org.jpatch.core.solve.cvode;

import static org.jpatch.core.solve.cvode.SerialVector.linearSum;
import static org.jpatch.core.solve.cvode.SerialVector.powerI;
import static org.jpatch.core.solve.cvode.SerialVector.powerR;
import static org.jpatch.core.solve.cvode.SerialVector.scale;
import static org.jpatch.core.solve.cvode.SerialVector.wrmsNorm;

import org.jpatch.core.InvalidValueException;

/**
 * CVODE's variable-order, variable-step BDF method with Newton iteration, as NEURON
 * uses it (the CVODES copy in NEURON's src/sundials/cvodes/cvodes.c, without
 * sensitivities, quadratures or root finding): the Nordsieck history array, the
 * initial step of CVHin, the local error test, the step and order selection, and the
 * stop time. Re-expressed from that source; every arithmetic operation keeps its order
 * there, so the steps are NEURON's to the last bit where the right-hand side is.
 *
 * <p>A vector tolerance (NEURON's per-state atol), a scalar rtol. The linear solve is the
 * system's ({@link OdeSystem#solve}); the "setup" NEURON attaches does nothing but mark
 * the Jacobian as current, and CVODE's bookkeeping around it is kept because it decides
 * when a failed Newton iteration is retried. Nothing is allocated per step.
 */
public final class Bdf {
    /** Outcome of {@link #step}: a step was taken, or the stop time reached. */
    public static final int SUCCESS = 0, TSTOP_RETURN = 1;

    private static final int QMAX = 5, LMAX = QMAX + 1;
    private static final double UROUND = Math.ulp(1.0);
    private static final double ETAMX1 = 10000.0, ETAMX2 = 10.0, ETAMX3 = 10.0, ETAMXF = 0.2;
    private static final double ETAMIN = 0.1, ETACF = 0.25, ADDON = 0.000001;
    private static final double BIAS1 = 6.0, BIAS2 = 6.0, BIAS3 = 10.0, ONEPSM = 1.000001, THRESH = 1.5;
    private static final int SMALL_NST = 10, MXNCF = 10, MXNEF = 7, MXNEF1 = 3, SMALL_NEF = 2, LONG_WAIT = 10;
    private static final int MAXCOR = 3, MSBP = 20, MXSTEP = 500, MAX_ITERS = 4;
    private static final double CORTES = 0.1, CRDOWN = 0.3, DGMAX = 0.3, RDIV = 2.0;
    private static final double FUZZ_FACTOR = 100.0, HLB_FACTOR = 100.0, HUB_FACTOR = 0.1, H_BIAS = 0.5;

    // nonlinear-solve and step-attempt flags of cvodes.c
    private static final int SOLVED = 0, CONV_FAIL = -1, TRY_AGAIN = 99;
    private static final int FIRST_CALL = 0, PREV_CONV_FAIL = -1, PREV_ERR_FAIL = -2;
    private static final int DO_ERROR_TEST = 1, PREDICT_AGAIN = -5, REP_ERR_FAIL = -1, REP_CONV_FAIL = -2;

    private final OdeSystem system;
    private final int n;
    private final double[][] zn = new double[LMAX][];
    private final double[] ewt, acor, y, tempv, ftemp, abstol;
    private double reltol;

    private final double[] tau = new double[LMAX + 1], tq = new double[6], l = new double[LMAX];
    private int q, qprime, nextQ, qwait, bigL;
    private double h, hprime, nextH, eta, hscale, tn, hu, h0u, etamax, tretlast;
    private double gamma, gammap, gamrat, rl1, crate, acnrm, savedTq5, tolsf;
    private double etaq, etaqm1, etaqp1;
    private boolean jcur;
    private long nst, nfe, nsetups, nni, ncfn, netf, nstlp, nscon;
    private int qu;
    private double hmin = 0.0, hmaxInv = 0.0, tstop;
    private boolean tstopSet;

    /** For n equations; tolerances are set by {@link #init}. */
    public Bdf(OdeSystem system, int n) {
        this.system = system;
        this.n = n;
        for (int j = 0; j < LMAX; j++) {
            zn[j] = new double[n];
        }
        ewt = new double[n];
        acor = new double[n];
        y = new double[n];
        tempv = new double[n];
        ftemp = new double[n];
        abstol = new double[n];
    }

    public int size() {
        return n;
    }

    /**
     * CVodeMalloc/CVodeReInit: a fresh start at t0 [ms] from y0 with the absolute
     * tolerances per equation and one relative tolerance. The step and order restart
     * (order 1, the initial step chosen at the first {@link #step}).
     */
    public void init(double t0, double[] y0, double[] atol, double rtol) {
        System.arraycopy(atol, 0, abstol, 0, n);
        reltol = rtol;
        tn = t0;
        q = 1;
        bigL = 2;
        qwait = bigL;
        etamax = ETAMX1;
        qu = 0;
        hu = 0.0;
        tolsf = 1.0;
        scale(1.0, y0, zn[0]);
        nst = nfe = ncfn = netf = nni = nsetups = nstlp = nscon = 0;
        h = 0.0;
        gamma = 0.0;
    }

    /** CVodeSetMaxStep; 0 (NEURON's default) leaves the step unbounded. */
    public void setMaxStep(double hmax) {
        if (hmax > 0) {
            hmaxInv = 1.0 / hmax;
        }
    }

    /** CVodeSetMinStep; 0 removes the bound (NEURON sets cv_hmin = 0 itself). */
    public void setMinStep(double hminValue) {
        hmin = hminValue > 0 ? hminValue : 0.0;
    }

    /** CVodeSetStopTime: {@link #step} never goes past it. */
    public void setStopTime(double t) {
        tstop = t;
        tstopSet = true;
    }

    /** The time reached [ms] (cv_tn). */
    public double tn() {
        return tn;
    }

    /** The present step size [ms] (cv_h); 0 before the first step. */
    public double h() {
        return h;
    }

    /** γ = h/l₁ of the present step (cv_gamma); 0 after {@link #init}. */
    public double gamma() {
        return gamma;
    }

    /** The order of the last step taken (CVodeGetLastOrder). */
    public int lastOrder() {
        return qu;
    }

    public long steps() {
        return nst;
    }

    public long rhsEvaluations() {
        return nfe;
    }

    public long newtonIterations() {
        return nni;
    }

    public long setups() {
        return nsetups;
    }

    public long errorTestFailures() {
        return netf;
    }

    public long convergenceFailures() {
        return ncfn;
    }

    /**
     * CVode(mem, tout, yout, &t, CV_ONE_STEP_TSTOP): one internal step, or the stop time
     * when the step reaches it (then yout is interpolated there and tn set to it).
     * tout only sizes the very first step. Returns {@link #SUCCESS} or
     * {@link #TSTOP_RETURN}; the reached time is {@link #tn()}.
     *
     * @throws IntegrationException when CVODE would return an error flag
     */
    public int step(double tout, double[] yout) {
        tretlast = tn;
        if (nst == 0) {
            firstCall(tout);
        } else {
            if (tstopSet && (tstop - tn) * h < 0.0) {
                throw new IntegrationException("tstop = " + tstop + " is behind t = " + tn);
            }
            if (tretlast != tn) {
                scale(1.0, zn[0], yout);
                return SUCCESS;
            }
            if (tstopSet) {
                double troundoff = FUZZ_FACTOR * UROUND * (Math.abs(tn) + Math.abs(h));
                if (Math.abs(tn - tstop) <= troundoff) {
                    getDky(tstop, yout);
                    tretlast = tstop;
                    tn = tstop;
                    return TSTOP_RETURN;
                }
                if ((tn + hprime - tstop) * h > 0.0) {
                    hprime = tstop - tn;
                    eta = hprime / h;
                }
            }
        }
        nextH = h;
        nextQ = q;
        if (nst > 0) {
            setErrorWeights(zn[0]);
        }
        double nrm = wrmsNorm(zn[0], ewt);
        tolsf = UROUND * nrm;
        if (tolsf > 1.0) {
            tolsf *= 2.0;
            scale(1.0, zn[0], yout);
            throw new IntegrationException("at t = " + tn + " too much accuracy requested (tolsf = " + tolsf + ")");
        }
        tolsf = 1.0;
        int kflag = takeStep();
        if (kflag != 0) {
            scale(1.0, zn[0], yout);
            throw new IntegrationException(kflag == REP_ERR_FAIL
                    ? "at t = " + tn + " and h = " + h + " the error test failed repeatedly or with |h| = hmin"
                    : "at t = " + tn + " and h = " + h + " the corrector failed to converge repeatedly or with |h| = hmin");
        }
        if (tstopSet) {
            double troundoff = FUZZ_FACTOR * UROUND * (Math.abs(tn) + Math.abs(h));
            if (Math.abs(tn - tstop) <= troundoff) {
                getDky(tstop, yout);
                tretlast = tstop;
                tn = tstop;
                return TSTOP_RETURN;
            }
            if ((tn + hprime - tstop) * h > 0.0) {
                hprime = tstop - tn;
                eta = hprime / h;
            }
        }
        tretlast = tn;
        scale(1.0, zn[0], yout);
        nextQ = qprime;
        nextH = hprime;
        return SUCCESS;
    }

    /**
     * CVode in CV_NORMAL mode for a tout within the last step: y(tout) by the
     * interpolating polynomial (NEURON's Cvode::interpolate). The history is unchanged.
     */
    public void interpolate(double tout, double[] yout) {
        getDky(tout, yout);
    }

    /** The first-call block of CVode: f at t0, the initial step (CVHin), zn[1] = h·y'(t0). */
    private void firstCall(double tout) {
        if (!setErrorWeights(zn[0])) {
            throw new IntegrationException("an error weight is not positive (atol and rtol both 0?)");
        }
        system.f(tn, zn[0], zn[1]);
        nfe++;
        h = 0.0;
        if (!initialStep(tout)) {
            throw new IntegrationException("tout = " + tout + " too close to t0 = " + tn + " to start");
        }
        double rh = Math.abs(h) * hmaxInv;
        if (rh > 1.0) {
            h /= rh;
        }
        if (Math.abs(h) < hmin) {
            h *= hmin / Math.abs(h);
        }
        if (tstopSet) {
            if ((tstop - tn) * h < 0.0) {
                throw new IntegrationException("tstop = " + tstop + " is behind t0 = " + tn);
            }
            if ((tn + h - tstop) * h > 0.0) {
                h = tstop - tn;
            }
        }
        hscale = h;
        h0u = h;
        hprime = h;
        scale(h, zn[1], zn[1]);
    }

    /** CVEwtSetSV: ewt = 1/(rtol·|y| + atol); false if a weight would not be positive. */
    private boolean setErrorWeights(double[] ycur) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            tempv[i] = reltol * Math.abs(ycur[i]) + abstol[i];
            if (i == 0 || tempv[i] < min) {
                min = tempv[i];
            }
        }
        if (n > 0 && min <= 0.0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            ewt[i] = 1.0 / tempv[i];
        }
        return true;
    }

    /** CVHin: the initial step from an estimate of y'' along the first-order prediction. */
    private boolean initialStep(double tout) {
        double tdiff = tout - tn;
        if (tdiff == 0.0) {
            return false;
        }
        int sign = tdiff > 0.0 ? 1 : -1;
        double tdist = Math.abs(tdiff);
        double tround = UROUND * Math.max(Math.abs(tn), Math.abs(tout));
        if (tdist < 2.0 * tround) {
            return false;
        }
        double hlb = HLB_FACTOR * tround;
        double hub = upperBoundH0(tdist);
        double hg = SerialVector.sqrt(hlb * hub);
        if (hub < hlb) {
            h = sign == -1 ? -hg : hg;
            return true;
        }
        double hnew;
        int count = 0;
        while (true) {
            double hgs = hg * sign;
            double yddnrm = yddNorm(hgs);
            hnew = (yddnrm * hub * hub > 2.0) ? SerialVector.sqrt(2.0 / yddnrm) : SerialVector.sqrt(hg * hub);
            count++;
            if (count >= MAX_ITERS) {
                break;
            }
            double hrat = hnew / hg;
            if (hrat > 0.5 && hrat < 2.0) {
                break;
            }
            if (count >= 2 && hrat > 2.0) {
                hnew = hg;
                break;
            }
            hg = hnew;
        }
        double h0 = H_BIAS * hnew;
        if (h0 < hlb) {
            h0 = hlb;
        }
        if (h0 > hub) {
            h0 = hub;
        }
        h = sign == -1 ? -h0 : h0;
        return true;
    }

    /** CVUpperBoundH0: no step that changes a component by more than 10 % of |y| + atol... */
    private double upperBoundH0(double tdist) {
        double hubInv = 0.0;
        for (int i = 0; i < n; i++) {
            double bound = HUB_FACTOR * Math.abs(zn[0][i]) + abstol[i];
            double ratio = Math.abs(zn[1][i]) / bound;
            if (Math.abs(ratio) > hubInv) {
                hubInv = Math.abs(ratio);
            }
        }
        double hub = HUB_FACTOR * tdist;
        if (hub * hubInv > 1.0) {
            hub = 1.0 / hubInv;
        }
        return hub;
    }

    /** CVYddNorm: ||(f(t+hg, y+hg·y') - y')/hg|| in the error weights. */
    private double yddNorm(double hg) {
        linearSum(hg, zn[1], 1.0, zn[0], y);
        system.f(tn + hg, y, tempv);
        nfe++;
        linearSum(1.0, tempv, -1.0, zn[1], tempv);
        scale(1.0 / hg, tempv, tempv);
        return wrmsNorm(tempv, ewt);
    }

    /** CVStep: attempts until a step passes the corrector and the error test. */
    private int takeStep() {
        double savedT = tn;
        int[] counters = this.failureCounters;  // ncf, nef
        counters[0] = counters[1] = 0;
        int nflag = FIRST_CALL;
        if (nst > 0 && hprime != h) {
            adjustParams();
        }
        double dsm;
        while (true) {
            predict();
            setCoefficients();
            nflag = newton(nflag);
            int kflag = handleNonlinearFailure(nflag, savedT);
            if (kflag == PREDICT_AGAIN) {
                nflag = PREV_CONV_FAIL;
                continue;
            }
            if (kflag != DO_ERROR_TEST) {
                return kflag;
            }
            dsm = acnrm / tq[2];
            if (dsm <= 1.0) {
                break;
            }
            if (!afterErrorTestFailure(dsm, savedT)) {
                return REP_ERR_FAIL;
            }
            nflag = PREV_ERR_FAIL;
        }
        completeStep();
        prepareNextStep(dsm);
        etamax = (nst <= SMALL_NST) ? ETAMX2 : ETAMX3;
        scale(1.0 / tq[2], acor, acor);
        return 0;
    }

    private final int[] failureCounters = new int[2];

    private void adjustParams() {
        if (qprime != q) {
            adjustOrder(qprime - q);
            q = qprime;
            bigL = q + 1;
            qwait = bigL;
        }
        rescale();
    }

    private void adjustOrder(int deltaq) {
        if (q == 2 && deltaq != 1) {
            return;
        }
        if (deltaq == 1) {
            increaseOrder();
        } else if (deltaq == -1) {
            decreaseOrder();
        }
    }

    /** CVIncreaseBDF: the new column from Δ_n kept in zn[qmax], corrections to the others. */
    private void increaseOrder() {
        for (int i = 0; i <= QMAX; i++) {
            l[i] = 0.0;
        }
        double alpha1 = 1.0, prod = 1.0, xiold = 1.0;
        l[2] = 1.0;
        double alpha0 = -1.0;
        double hsum = hscale;
        if (q > 1) {
            for (int j = 1; j < q; j++) {
                hsum += tau[j + 1];
                double xi = hsum / hscale;
                prod *= xi;
                alpha0 -= 1.0 / (j + 1);
                alpha1 += 1.0 / xi;
                for (int i = j + 2; i >= 2; i--) {
                    l[i] = l[i] * xiold + l[i - 1];
                }
                xiold = xi;
            }
        }
        double a1 = (-alpha0 - alpha1) / prod;
        scale(a1, zn[QMAX], zn[bigL]);
        for (int j = 2; j <= q; j++) {
            linearSum(l[j], zn[bigL], 1.0, zn[j], zn[j]);
        }
    }

    /** CVDecreaseBDF: each zn[j] corrected by a multiple of zn[q]. */
    private void decreaseOrder() {
        for (int i = 0; i <= QMAX; i++) {
            l[i] = 0.0;
        }
        l[2] = 1.0;
        double hsum = 0.0;
        for (int j = 1; j <= q - 2; j++) {
            hsum += tau[j];
            double xi = hsum / hscale;
            for (int i = j + 2; i >= 2; i--) {
                l[i] = l[i] * xi + l[i - 1];
            }
        }
        for (int j = 2; j < q; j++) {
            linearSum(-l[j], zn[q], 1.0, zn[j], zn[j]);
        }
    }

    /** CVRescale: zn[j] *= eta^j; h = hscale·eta. */
    private void rescale() {
        double factor = eta;
        for (int j = 1; j <= q; j++) {
            scale(factor, zn[j], zn[j]);
            factor *= eta;
        }
        h = hscale * eta;
        hscale = h;
        nscon = 0;
    }

    /** CVPredict: tn += h; zn = zn·Pascal (the predicted history). */
    private void predict() {
        tn += h;
        for (int k = 1; k <= q; k++) {
            for (int j = q; j >= k; j--) {
                linearSum(1.0, zn[j - 1], 1.0, zn[j], zn[j - 1]);
            }
        }
    }

    /** CVSet + CVSetBDF + CVSetTqBDF: the method coefficients l and error constants tq. */
    private void setCoefficients() {
        l[0] = l[1] = 1.0;
        double xiInv = 1.0, xistarInv = 1.0;
        for (int i = 2; i <= q; i++) {
            l[i] = 0.0;
        }
        double alpha0 = -1.0, alpha0Hat = -1.0;
        double hsum = h;
        if (q > 1) {
            for (int j = 2; j < q; j++) {
                hsum += tau[j - 1];
                xiInv = h / hsum;
                alpha0 -= 1.0 / j;
                for (int i = j; i >= 1; i--) {
                    l[i] += l[i - 1] * xiInv;
                }
            }
            alpha0 -= 1.0 / q;
            xistarInv = -l[1] - alpha0;
            hsum += tau[q - 1];
            xiInv = h / hsum;
            alpha0Hat = -l[1] - xiInv;
            for (int i = q; i >= 1; i--) {
                l[i] += l[i - 1] * xistarInv;
            }
        }
        setErrorConstants(hsum, alpha0, alpha0Hat, xiInv, xistarInv);
        rl1 = 1.0 / l[1];
        gamma = h * rl1;
        if (nst == 0) {
            gammap = gamma;
        }
        gamrat = (nst > 0) ? gamma / gammap : 1.0;
    }

    private void setErrorConstants(double hsum, double alpha0, double alpha0Hat, double xiInv, double xistarInv) {
        double a1 = 1.0 - alpha0Hat + alpha0;
        double a2 = 1.0 + q * a1;
        tq[2] = Math.abs(alpha0 * (a2 / a1));
        tq[5] = Math.abs(a2 / (l[q] * xiInv / xistarInv));
        if (qwait == 1) {
            double c = xistarInv / l[q];
            double a3 = alpha0 + 1.0 / q;
            double a4 = alpha0Hat + xiInv;
            double cPrime = a3 / (1.0 - a4 + a3);
            tq[1] = Math.abs(cPrime / c);
            hsum += tau[q];
            xiInv = h / hsum;
            double a5 = alpha0 - (1.0 / (q + 1));
            double a6 = alpha0Hat - xiInv;
            double cPrimePrime = a2 / (1.0 - a6 + a5);
            tq[3] = Math.abs(cPrimePrime * xiInv * (q + 2) * a5);
        }
        tq[4] = CORTES * tq[2];
    }

    /** CVNlsNewton: f at the prediction, the (empty) setup when due, then the iteration. */
    private int newton(int nflag) {
        boolean callSetup = nflag == PREV_CONV_FAIL || nflag == PREV_ERR_FAIL || nst == 0
                || nst >= nstlp + MSBP || Math.abs(gamrat - 1.0) > DGMAX;
        while (true) {
            system.f(tn, zn[0], ftemp);
            nfe++;
            if (callSetup) {
                // NEURON's msetup only declares the Jacobian current
                jcur = true;
                nsetups++;
                callSetup = false;
                gamrat = 1.0;
                gammap = gamma;
                crate = 1.0;
                nstlp = nst;
            }
            java.util.Arrays.fill(acor, 0.0);
            scale(1.0, zn[0], y);
            int ier = newtonIteration();
            if (ier != TRY_AGAIN) {
                return ier;
            }
            callSetup = true;
        }
    }

    /** CVNewtonIteration: at most maxcor corrections, with CVODE's convergence-rate test. */
    private int newtonIteration() {
        int m = 0;
        double delp = 0.0;
        while (true) {
            linearSum(rl1, zn[1], 1.0, acor, tempv);
            linearSum(gamma, ftemp, -1.0, tempv, tempv);
            if (gamma != 0.0) {  // NEURON's msolve: x = b when gamma is 0
                system.solve(tempv, gamma);
            }
            nni++;
            double del = wrmsNorm(tempv, ewt);
            linearSum(1.0, acor, 1.0, tempv, acor);
            linearSum(1.0, zn[0], 1.0, acor, y);
            if (m > 0) {
                crate = Math.max(CRDOWN * crate, del / delp);
            }
            double dcon = del * Math.min(1.0, crate) / tq[4];
            if (dcon <= 1.0) {
                acnrm = (m == 0) ? del : wrmsNorm(acor, ewt);
                jcur = false;
                return SOLVED;
            }
            m++;
            if (m == MAXCOR || (m >= 2 && del > RDIV * delp)) {
                return !jcur ? TRY_AGAIN : CONV_FAIL;
            }
            delp = del;
            system.f(tn, y, ftemp);
            nfe++;
        }
    }

    /** CVHandleNFlag: after a convergence failure, restore and retry with h/4. */
    private int handleNonlinearFailure(int nflag, double savedT) {
        if (nflag == SOLVED) {
            return DO_ERROR_TEST;
        }
        ncfn++;
        restore(savedT);
        failureCounters[0]++;
        etamax = 1.0;
        if (Math.abs(h) <= hmin * ONEPSM || failureCounters[0] == MXNCF) {
            return REP_CONV_FAIL;
        }
        eta = Math.max(ETACF, hmin / Math.abs(h));
        rescale();
        return PREDICT_AGAIN;
    }

    /** CVRestore: tn and zn back to the start of the failed attempt. */
    private void restore(double savedT) {
        tn = savedT;
        for (int k = 1; k <= q; k++) {
            for (int j = q; j >= k; j--) {
                linearSum(1.0, zn[j - 1], -1.0, zn[j], zn[j - 1]);
            }
        }
    }

    /** The failure branch of CVDoErrorTest: false when the step cannot be retried. */
    private boolean afterErrorTestFailure(double dsm, double savedT) {
        int nef = ++failureCounters[1];
        netf++;
        restore(savedT);
        if (Math.abs(h) <= hmin * ONEPSM || nef == MXNEF) {
            return false;
        }
        etamax = 1.0;
        if (nef <= MXNEF1) {
            eta = 1.0 / (powerR(BIAS2 * dsm, 1.0 / bigL) + ADDON);
            eta = Math.max(ETAMIN, Math.max(eta, hmin / Math.abs(h)));
            if (nef >= SMALL_NEF) {
                eta = Math.min(eta, ETAMXF);
            }
            rescale();
            return true;
        }
        if (q > 1) {
            eta = Math.max(ETAMIN, hmin / Math.abs(h));
            adjustOrder(-1);
            bigL = q;
            q--;
            qwait = bigL;
            rescale();
            return true;
        }
        eta = Math.max(ETAMIN, hmin / Math.abs(h));
        h *= eta;
        hscale = h;
        qwait = LONG_WAIT;
        nscon = 0;
        system.f(tn, zn[0], tempv);
        nfe++;
        scale(h, tempv, zn[1]);
        return true;
    }

    /** CVCompleteStep: the history updated with the correction; Δ_n kept for an order increase. */
    private void completeStep() {
        nst++;
        nscon++;
        hu = h;
        qu = q;
        for (int i = q; i >= 2; i--) {
            tau[i] = tau[i - 1];
        }
        if (q == 1 && nst > 1) {
            tau[2] = tau[1];
        }
        tau[1] = h;
        for (int j = 0; j <= q; j++) {
            linearSum(l[j], acor, 1.0, zn[j], zn[j]);
        }
        qwait--;
        if (qwait == 1 && q != QMAX) {
            scale(1.0, acor, zn[QMAX]);
            savedTq5 = tq[5];
        }
    }

    /** CVPrepareNextStep: the next step size and order (CVSetEta, CVChooseEta). */
    private void prepareNextStep(double dsm) {
        if (etamax == 1.0) {
            qwait = Math.max(qwait, 2);
            qprime = q;
            hprime = h;
            eta = 1.0;
            return;
        }
        etaq = 1.0 / (powerR(BIAS2 * dsm, 1.0 / bigL) + ADDON);
        if (qwait != 0) {
            eta = etaq;
            qprime = q;
            setEta();
            return;
        }
        qwait = 2;
        etaqm1 = etaLowerOrder();
        etaqp1 = etaHigherOrder();
        chooseEta();
        setEta();
    }

    private void setEta() {
        if (eta < THRESH) {
            eta = 1.0;
            hprime = h;
        } else {
            eta = Math.min(eta, etamax);
            eta /= Math.max(1.0, Math.abs(h) * hmaxInv * eta);
            hprime = h * eta;
            if (qprime < q) {
                nscon = 0;
            }
        }
    }

    private double etaLowerOrder() {
        double eta1 = 0.0;
        if (q > 1) {
            double ddn = wrmsNorm(zn[q], ewt);
            ddn = ddn / tq[1];
            eta1 = 1.0 / (powerR(BIAS1 * ddn, 1.0 / q) + ADDON);
        }
        return eta1;
    }

    private double etaHigherOrder() {
        double eta1 = 0.0;
        if (q != QMAX) {
            double cquot = (tq[5] / savedTq5) * powerI(h / tau[2], bigL);
            linearSum(-cquot, zn[QMAX], 1.0, acor, tempv);
            double dup = wrmsNorm(tempv, ewt);
            dup = dup / tq[3];
            eta1 = 1.0 / (powerR(BIAS3 * dup, 1.0 / (bigL + 1)) + ADDON);
        }
        return eta1;
    }

    private void chooseEta() {
        double etam = Math.max(etaqm1, Math.max(etaq, etaqp1));
        if (etam < THRESH) {
            eta = 1.0;
            qprime = q;
            return;
        }
        if (etam == etaq) {
            eta = etaq;
            qprime = q;
        } else if (etam == etaqm1) {
            eta = etaqm1;
            qprime = q - 1;
        } else {
            eta = etaqp1;
            qprime = q + 1;
            scale(1.0, acor, zn[QMAX]);
        }
    }

    /** CVodeGetDky with k = 0: the interpolating polynomial at t, within the last step. */
    private void getDky(double t, double[] dky) {
        double tfuzz = FUZZ_FACTOR * UROUND * (Math.abs(tn) + Math.abs(hu));
        if (hu < 0.0) {
            tfuzz = -tfuzz;
        }
        double tp = tn - hu - tfuzz;
        double tn1 = tn + tfuzz;
        if ((t - tp) * (t - tn1) > 0.0) {
            throw new InvalidValueException("t = " + t + " is outside the last step [" + (tn - hu) + ", " + tn + "]");
        }
        double s = (t - tn) / h;
        for (int j = q; j >= 0; j--) {
            if (j == q) {
                scale(1.0, zn[q], dky);
            } else {
                linearSum(1.0, zn[j], s, dky, dky);
            }
        }
    }
}
