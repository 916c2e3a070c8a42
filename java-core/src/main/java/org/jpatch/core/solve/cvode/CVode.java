package org.jpatch.core.solve.cvode;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.MechanismKernel;

/**
 * NEURON's global variable time step (the CVode class with {@code active(1)}, one
 * integrator for the whole model): its settings, statistics and run control, driving
 * {@link Bdf} over {@link CableOdes} in the sequence of NEURON's Cvode (cvodeobj.cpp:
 * init, advance_tn, interpolate; netcvode.cpp: solve, global_microstep, handle_step).
 *
 * <p>Discontinuities declared with at_time (IClamp's onset and end) are stop times:
 * the integrator steps exactly to just before one (t − 100·ε·|t|), then restarts just
 * after it (+1.5·100·ε·|t|), as NEURON does. Not yet here: events (NetCon, self-events,
 * record/play at times), lvardt, DASPK (extracellular, LinearMechanism).
 */
public final class CVode {
    /** NetCvode::eps_: 100 unit roundoffs, relative. */
    private static final double EPS = 100. * Math.ulp(1.0);

    private final Supplier<LoweredModel> lowered;
    private final GlobalState globals;
    private final DiscreteEvents events;
    private final Runnable recordContinuous;
    private final Runnable setInitFlag = this::setInitFlag;
    private final java.util.function.DoubleConsumer atTimeSink = this::atTime;

    private boolean active;
    private double atol = 1e-3;    // [mV, state units]
    private double rtol = 0.0;
    private double maxstep = 0.0;  // [ms], 0: none
    private double minstep = 0.0;  // [ms], 0: none
    private final Map<String, Double> atolscale = new HashMap<>();

    private CableOdes odes;
    private Bdf bdf;
    private double[] y, atolVector;

    private boolean initializing;
    private boolean initialized;   // NetCvode::initialized_: the last microstep was a restart
    private boolean canRetreat;
    private double stopEvent = Double.POSITIVE_INFINITY;  // continuerun's cvode.event(tstop) [ms]
    private double t;              // t_ [ms]: where the model's state is
    private double tn;             // tn_: the end of the last step
    private double t0;             // t0_: its start
    private double tstop;          // tstop_: just before the next at_time
    private double nextAtTime;

    private long advanceCalls, interpolateCalls, initCalls, atTimeInits;
    // the integrator's own counters restart at each init; these hold the earlier runs' sums
    private long earlierSteps, earlierSetups, earlierErrorTestFailures, earlierConvergenceFailures;

    /**
     * @param lowered the model's arrays, lowered afresh when the structure changed
     * @param events  the simulation's event queue ({@link DiscreteEvents#NONE} without one)
     * @param recordContinuous NEURON's Cvode::record_continuous: the every-step records' sample
     *                at the present t, called where NEURON calls it
     */
    public CVode(Supplier<LoweredModel> lowered, GlobalState globals, DiscreteEvents events,
                 Runnable recordContinuous) {
        this.lowered = lowered;
        this.globals = globals;
        this.events = events;
        this.recordContinuous = recordContinuous;
    }

    // ---------------------------------------------------------------- settings

    public boolean active() {
        return active;
    }

    /** cvode.active(on): the next finitialize or step uses the chosen method. */
    public void setActive(boolean on) {
        active = on;
        if (!on) {
            odes = null;
            bdf = null;
        }
    }

    public double atol() {
        return atol;
    }

    /** cvode.atol(x): absolute tolerance [mV and state units], ≥ 0; takes effect at the next initialization. */
    public void setAtol(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new InvalidValueException("CVode atol must be >= 0 and finite, got " + x);
        }
        atol = x;
    }

    public double rtol() {
        return rtol;
    }

    /** cvode.rtol(x): relative tolerance, ≥ 0; takes effect at the next initialization. */
    public void setRtol(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new InvalidValueException("CVode rtol must be >= 0 and finite, got " + x);
        }
        rtol = x;
    }

    public double maxstep() {
        return maxstep;
    }

    /** cvode.maxstep(x) [ms]; 0 removes the bound. */
    public void setMaxstep(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new InvalidValueException("CVode maxstep must be >= 0 and finite, got " + x);
        }
        maxstep = x;
        if (bdf != null) {
            bdf.setMaxStep(x);
        }
    }

    public double minstep() {
        return minstep;
    }

    /** cvode.minstep(x) [ms]; 0 removes the bound. */
    public void setMinstep(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new InvalidValueException("CVode minstep must be >= 0 and finite, got " + x);
        }
        minstep = x;
        if (bdf != null) {
            bdf.setMinStep(x);
        }
    }

    /**
     * cvode.atolscale(name): the factor on atol for a state ("v", "m_hh", ...); 1 when
     * never set. For v NEURON only uses a factor below 1.
     */
    public double atolscale(String stateName) {
        return atolscale.getOrDefault(stateName, 1.0);
    }

    /** cvode.atolscale(name, x), x > 0; takes effect at the next initialization. */
    public void setAtolscale(String stateName, double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new InvalidValueException("CVode atolscale for " + stateName + " must be > 0, got " + x);
        }
        atolscale.put(stateName, x);
    }

    // ---------------------------------------------------------------- statistics

    /** What cvode.statistics() prints, counted since the last finitialize. */
    public record Statistics(long advanceCalls, long interpolateCalls, long initCalls, long atTimeInits,
                             long rhsCalls, long solveCalls, long setups, long steps,
                             long errorTestFailures, long convergenceFailures, int lastOrder, double lastStep) {}

    public Statistics statistics() {
        return new Statistics(advanceCalls, interpolateCalls, initCalls, atTimeInits,
                odes == null ? 0 : odes.evaluations, odes == null ? 0 : odes.solves,
                earlierSetups + (bdf == null ? 0 : bdf.setups()), earlierSteps + (bdf == null ? 0 : bdf.steps()),
                earlierErrorTestFailures + (bdf == null ? 0 : bdf.errorTestFailures()),
                earlierConvergenceFailures + (bdf == null ? 0 : bdf.convergenceFailures()),
                bdf == null ? 0 : bdf.lastOrder(), bdf == null ? 0 : bdf.h());
    }

    // ---------------------------------------------------------------- run control

    /** finitialize's NetCvode::re_init(t0): statistics reset, the integrator started at t0 [ms]. */
    public void initialize(double t0Ms) {
        advanceCalls = interpolateCalls = initCalls = atTimeInits = 0;
        if (bdf != null) {
            earlierSteps = -bdf.steps();
            earlierSetups = -bdf.setups();
            earlierErrorTestFailures = -bdf.errorTestFailures();
            earlierConvergenceFailures = -bdf.convergenceFailures();
        } else {
            earlierSteps = earlierSetups = earlierErrorTestFailures = earlierConvergenceFailures = 0;
        }
        init(t0Ms);
        if (odes != null) {
            odes.resetCounts();
            odes.evaluations = 1;  // the f of the start just made
        }
    }

    /** cvode.re_init(): a restart from the present state at the present t. */
    public void reInit() {
        init(globals.t);
    }

    /**
     * fadvance() under CVode (NetCvode::solve(-1)): microsteps until t advances or the
     * integrator restarted: one step, an interpolation back to an event's time, the
     * delivery of the events due, or a restart after a state jump or at_time.
     */
    public void fadvance() {
        ensureCurrent();
        double tc = t;
        initialized = false;
        while (t <= tc && !initialized) {
            globalMicrostep();
        }
    }

    /**
     * stdrun's continuerun under CVode: cvode.event(tstop), then fadvance while t < tstop
     * [ms]; the run ends exactly at tstop, interpolated there.
     */
    public void continuerun(double tstopMs, Runnable afterEachStep) {
        ensureCurrent();
        stopEvent = tstopMs;
        try {
            while (t < tstopMs) {
                fadvance();
                afterEachStep.run();
            }
        } finally {
            stopEvent = Double.POSITIVE_INFINITY;
        }
    }

    /**
     * cvode.solve(tout): microsteps until t ≥ tout [ms] and no event is due before it,
     * then the state interpolated back to tout (NetCvode::solve with tout ≥ 0, retreat).
     */
    public void solve(double tout) {
        ensureCurrent();
        while (t < tout || nextEventTime() < tout) {
            globalMicrostep();
        }
        interpolate(tout);
        recordContinuous.run();
    }

    private double nextEventTime() {
        return Math.min(events.nextEventTime(), stopEvent);
    }

    /** NetCvode::global_microstep: deliver what is due, else a step of handle_step; never past an event. */
    private void globalMicrostep() {
        double tt = nextEventTime();
        if (tt - t <= 0) {
            deliverEvents(tt);
        } else {
            handleStep(tt);
        }
        double least = nextEventTime();
        if (least < t) {
            interpolate(least);
        }
    }

    /** NetCvode::deliver_events(tt): a delivery to a membrane mechanism sets the restart flag. */
    private void deliverEvents(double tt) {
        if (stopEvent <= tt) {
            stopEvent = Double.POSITIVE_INFINITY;  // continuerun's tstop event records, no more
            globals.t = t;
            recordContinuous.run();
        }
        events.deliverUntil(tt, setInitFlag);
        globals.t = t;
    }

    /** Cvode::set_init_flag: restart at the next microstep; the first since a restart records the state before the jump. */
    private void setInitFlag() {
        if (!initializing) {
            initializing = true;
            double eventT = globals.t;
            globals.t = t;
            recordContinuous.run();
            globals.t = eventT;
        }
    }

    /**
     * Cvode::handle_step(te): conditions checked at t first (a crossing queues an event at t,
     * delivered by the next microstep); then a restart if due, or an interpolation to the
     * event te [ms] or to the step's end, or a new step.
     */
    private void handleStep(double te) {
        globals.t = t;
        events.checkConditions();
        if (nextEventTime() <= t) {
            return;
        }
        if (initializing) {
            init(t);
            initialized = true;
        } else if (te <= tn) {
            interpolate(te);
        } else if (t < tn) {
            interpolate(tn);
        } else {
            recordContinuous.run();
            advance();
        }
    }

    /** Cvode::advance_tn: a step towards tstop_, or the restart past an at_time point. */
    private void advance() {
        if (bdf == null) {  // no equations: NEURON jumps 1e9 ms
            t += 1e9;
            tn = t;
            globals.t = t;
            return;
        }
        if (t >= tstop - eps(t)) {
            atTimeInits++;
            init(tstop + 1.5 * eps(tstop));
            canRetreat = false;
            return;
        }
        advanceCalls++;
        globals.t = t;
        bdf.setStopTime(tstop);
        bdf.step(tstop, y);
        t = bdf.tn();
        odes.f(t, y, scratch);  // the model holds y(t) with its currents, as NEURON's pf_ call
        tn = bdf.tn();
        t0 = tn - bdf.h();
        canRetreat = true;
    }

    /** Cvode::interpolate: the state at tout within the last step [t0, tn]. */
    private void interpolate(double tout) {
        if (bdf == null) {
            t = tout;
            globals.t = t;
            return;
        }
        if (!canRetreat) {
            globals.t = tout;
            return;
        }
        if (Math.abs(tout - t) <= eps(t)) {
            t = tout;
            return;
        }
        if (tout < t0) {
            tout = t0;
        }
        if (tout > tn) {
            tout = tn;
        }
        interpolateCalls++;
        bdf.interpolate(tout, y);
        t = tout;
        odes.f(t, y, scratch);
    }

    private double[] scratch;

    /** Cvode::init: (re)start at tout from the model's present state; the next at_time sets tstop. */
    private void init(double tout) {
        initCalls++;
        initializing = true;
        t = tout;
        t0 = t;
        tn = t;
        nextAtTime = t + 1e5;
        LoweredModel m = lowered.get();
        if (bdf != null) {
            earlierSteps += bdf.steps();
            earlierSetups += bdf.setups();
            earlierErrorTestFailures += bdf.errorTestFailures();
            earlierConvergenceFailures += bdf.convergenceFailures();
        }
        if (odes == null || odes.model() != m) {
            odes = new CableOdes(m, globals, this::stepSize);
            int n = odes.size();
            bdf = n == 0 ? null : new Bdf(odes, n);
            y = new double[n];
            scratch = new double[n];
            atolVector = new double[n];
        }
        if (bdf != null) {
            odes.gather(y);
            fillTolerances(m);
            bdf.init(t, y, atolVector, rtol);
            bdf.setMaxStep(maxstep);
            bdf.setMinStep(minstep);
            odes.f(t, y, scratch);
                for (MechanismKernel k : m.kernels) {
                k.atTimes(atTimeSink);
            }
        }
        globals.t = t;
        tstop = nextAtTime - eps(nextAtTime);
        initializing = false;
        canRetreat = false;
    }

    /** at_time(te) while initializing (Cvode::at_time): the nearest future discontinuity. */
    private void atTime(double te) {
        if (t0 < te && te < nextAtTime) {
            nextAtTime = te;
        }
    }

    /** The atol vector of init_eqn: atol, times atolscale("v") (if < 1) for v, atolscale per state. */
    private void fillTolerances(LoweredModel m) {
        int capCount = m.capacitance == null ? 0 : m.capacitance.count;
        double vtol = Math.min(1.0, atolscale("v"));
        for (int k = 0; k < capCount; k++) {
            atolVector[k] = atol * vtol;
        }
        int at = capCount;
        for (MechanismKernel k : m.kernels) {
            int per = k.odeCount();
            if (per == 0) {
                continue;
            }
            for (int i = 0; i < k.instances().count; i++) {
                for (int j = 0; j < per; j++) {
                    atolVector[at++] = atol * atolscale(k.odeStateName(j));
                }
            }
        }
    }

    /** The model changed since the integrator was started: restart it at the present t (NEURON's re_init). */
    private void ensureCurrent() {
        if (odes == null || odes.model() != lowered.get()) {
            init(globals.t);
        }
    }

    private double stepSize() {
        return bdf == null ? 0.0 : bdf.h();
    }

    private static double eps(double x) {
        return EPS * Math.abs(x);
    }

    /** The time the model's state is at [ms] (Cvode::t_). */
    public double time() {
        return t;
    }
}
