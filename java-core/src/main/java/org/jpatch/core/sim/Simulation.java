package org.jpatch.core.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.UnknownMechanismException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.lower.LoweredModel;
import org.jpatch.core.lower.Lowering;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.Builtins;
import org.jpatch.core.model.Model;
import org.jpatch.core.model.PathDistance;
import org.jpatch.core.model.Section;
import org.jpatch.core.ref.GlobalVarRef;
import org.jpatch.core.ref.PointProcessVarRef;
import org.jpatch.core.ref.SegmentVarRef;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.solve.FixedStepIntegrator;
import org.jpatch.core.solve.cvode.CVode;
import org.jpatch.core.solve.cvode.DiscreteEvents;

/**
 * The engine's facade: the model, the globals, NEURON's finitialize/fadvance and
 * stdrun's run control. The model is lowered lazily: structural edits only bump a
 * version, and the arrays are rebuilt before the next initialisation or step.
 */
public final class Simulation {
    private final MechanismCatalogue catalogue = Builtins.catalogue();
    private final Model model = new Model(catalogue);
    private final GlobalState globals = new GlobalState();
    private final Map<MechanismType, MechanismKernel> kernels = new HashMap<>();
    private final Map<MechanismType, double[]> typeGlobals = new HashMap<>();
    private final Map<String, Integer> pointProcessCounters = new HashMap<>();
    private final List<StepObserver> observerList = new ArrayList<>();
    private StepObserver[] observers = new StepObserver[0];
    private EventDelivery events;
    private final PathDistance pathDistance = new PathDistance();
    private final CVode cvode = new CVode(this::lowered, globals, new DiscreteEvents() {
        @Override
        public double nextEventTime() {
            return events == null ? Double.POSITIVE_INFINITY : events.nextEventTime();
        }

        @Override
        public void deliverUntil(double t, Runnable beforeMembraneReceive) {
            if (events != null) {
                events.deliverUntil(Simulation.this, t, beforeMembraneReceive);
            }
        }

        @Override
        public void checkConditions() {
            if (events != null) {
                events.checkConditions(Simulation.this);
            }
        }

    }, this::recordVariableStep);

    /** NEURON's Cvode::record_continuous: BEFORE STEP blocks, then every observer's variable-step sample. */
    private void recordVariableStep() {
        FixedStepIntegrator.beforeStepBlocks(lowered());
        for (StepObserver o : observers) {
            o.variableStepRecord(this);
        }
    }

    // stdrun.hoc
    private double tstop = 5.0;        // [ms]
    private double vInit = -65.0;      // [mV]
    private double stepsPerMs = 40.0;  // [1/ms]
    private int nstepSteprun = 1;
    // NEURON's default: one thread. A second one only when asked (nthread(2)), as it keeps
    // a core busy between sweeps.
    private boolean twoThreads = false;
    private int threads = 1;

    // Set by another thread (the bridge, on Ctrl-C in Python) to end a run at the next step
    // boundary; one volatile read per step (checkStop), nothing allocated.
    private volatile boolean stopRequested;

    private LoweredModel lowered;
    private long loweredStructure = -1;
    private long loweredGeometry = -1;

    public Simulation() {}

    // ---------------------------------------------------------------- model

    public Section newSection(String name) {
        return model.newSection(name);
    }

    public void deleteSection(Section s) {
        model.deleteSection(s);
    }

    public List<Section> sections() {
        return model.sections();
    }

    /** NEURON's distance(): path lengths along the tree, and the origin of its one-location form. */
    public PathDistance pathDistance() {
        return pathDistance;
    }

    public MechanismCatalogue catalogue() {
        return catalogue;
    }

    /** A point process of {@code type} at sec(x); sec may be null only for artificial cells. */
    public PointProcess newPointProcess(String type, Section sec, double x) {
        MechanismType t = catalogue.get(type);
        if (!t.isPointProcess()) {
            throw new UnknownMechanismException(type + " is not a point process");
        }
        if (sec == null && t.kind() != MechanismKind.ARTIFICIAL) {
            throw new InvalidValueException(type + " needs a section");
        }
        if (sec != null) {
            sec.checkAlive();
            sec.segment(x);  // validates x before anything changes
        }
        int n = pointProcessCounters.getOrDefault(type, 0);
        PointProcess pp = new PointProcess(t, type + "[" + n + "]");
        if (sec != null) {
            model.addPointProcess(pp, sec, x);
        } else {
            model.addArtificial(pp);
        }
        pointProcessCounters.put(type, n + 1);
        return pp;
    }

    public void movePointProcess(PointProcess pp, Section sec, double x) {
        model.movePointProcess(pp, sec, x);
    }

    public void deletePointProcess(PointProcess pp) {
        model.deletePointProcess(pp);
    }

    public long structureVersion() {
        return model.structureVersion();
    }

    // ---------------------------------------------------------------- globals

    public double getGlobal(String name) {
        switch (name) {
            case "t": return globals.t;
            case "dt": return globals.dt;
            case "celsius": return globals.celsius;
            case "secondorder": return globals.secondorder;
            case "tstop": return tstop;
            case "v_init": return vInit;
            case "steps_per_ms": return stepsPerMs;
            default:
                TypeGlobal g = typeGlobal(name);
                return globalsFor(g.type)[g.index];
        }
    }

    public void setGlobal(String name, double value) {
        switch (name) {
            case "t":
                requireFinite(name, value);
                globals.t = value;
                return;
            case "dt":
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new InvalidValueException("dt must be > 0, got " + value);
                }
                globals.dt = value;
                return;
            case "celsius":
                requireFinite(name, value);
                globals.celsius = value;
                return;
            case "secondorder":
                if (value != 0 && value != 1 && value != 2) {
                    throw new InvalidValueException("secondorder must be 0, 1 or 2, got " + value);
                }
                globals.secondorder = (int) value;
                return;
            case "tstop":
                requireFinite(name, value);
                tstop = value;
                return;
            case "v_init":
                requireFinite(name, value);
                vInit = value;
                return;
            case "steps_per_ms":
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new InvalidValueException("steps_per_ms must be > 0, got " + value);
                }
                stepsPerMs = value;
                return;
            default:
                TypeGlobal g = typeGlobal(name);
                globalsFor(g.type)[g.index] = value;
        }
    }

    public boolean hasGlobal(String name) {
        switch (name) {
            case "t", "dt", "celsius", "secondorder", "tstop", "v_init", "steps_per_ms":
                return true;
            default:
                return findTypeGlobal(name) != null;
        }
    }

    /** Whether NEURON declares the global an int (Python then reads 0, not 0.0): only secondorder. */
    public boolean isIntegerGlobal(String name) {
        return name.equals("secondorder");
    }

    public double t() {
        return globals.t;
    }

    public double dt() {
        return globals.dt;
    }

    private record TypeGlobal(MechanismType type, int index) {}

    private TypeGlobal findTypeGlobal(String name) {
        for (MechanismType type : catalogue.types()) {
            List<GlobalVariable> gs = type.globals();
            for (int k = 0; k < gs.size(); k++) {
                if (gs.get(k).name().equals(name)) {
                    return new TypeGlobal(type, k);
                }
            }
        }
        return null;
    }

    private TypeGlobal typeGlobal(String name) {
        TypeGlobal g = findTypeGlobal(name);
        if (g == null) {
            throw new UnknownVariableException("unknown global variable: " + name);
        }
        return g;
    }

    private double[] globalsFor(MechanismType type) {
        return typeGlobals.computeIfAbsent(type, t -> {
            double[] values = new double[t.globals().size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = t.globals().get(k).defaultValue();
            }
            return values;
        });
    }

    private MechanismKernel kernelFor(MechanismType type) {
        if (!kernels.containsKey(type)) {
            kernels.put(type, type.newKernel());
        }
        return kernels.get(type);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(name + " must be finite, got " + value);
        }
    }

    // ---------------------------------------------------------------- run control

    /** NEURON's finitialize() without setting v. */
    public void finitialize() {
        initialize(false, 0.0);
    }

    /** NEURON's finitialize(v): every node's v [mV] set, then INITIAL blocks. */
    public void finitialize(double vInitMv) {
        requireFinite("v", vInitMv);
        initialize(true, vInitMv);
    }

    private void initialize(boolean setV, double v) {
        LoweredModel m = lowered();
        globals.t = 0.0;
        FixedStepIntegrator.checkTables(m);
        if (events != null) {
            events.initializing(this);
        }
        for (StepObserver o : observers) {
            o.initializing(this); // Vector.play's first values, before v is set (nrn_play_init)
        }
        if (setV) {
            FixedStepIntegrator.setVoltage(m, v);
        }
        FixedStepIntegrator.initialize(m);
        if (events != null) {
            events.initialize(this);
        }
        if (cvode.active()) {
            cvode.initialize(globals.t);  // its f sets up the currents: NEURON skips setup_tree_matrix here
        } else {
            FixedStepIntegrator.setupTreeMatrix(m, globals, twoThreads);
        }
        for (StepObserver o : observers) {
            o.initialized(this);
        }
    }

    /** NEURON's CVode object: the variable step, used by fadvance and continuerun while active. */
    public CVode cvode() {
        return cvode;
    }


    /** One fixed step of dt, in nrn_fixed_step's order. Allocates nothing once lowered. */
    public void fadvance() {
        if (cvode.active()) {
            cvode.fadvance();
            return;
        }
        LoweredModel m = lowered();
        FixedStepIntegrator.checkTables(m);
        if (events != null) {
            events.beforeStep(this);
        }
        StepObserver[] obs = observers;
        for (StepObserver o : obs) {
            o.beforeStep(this);
        }
        globals.t += .5 * globals.dt;
        for (StepObserver o : obs) {
            o.timeAdvanced(this);
        }
        FixedStepIntegrator.setupTreeMatrix(m, globals, twoThreads);
        FixedStepIntegrator.solveAndUpdate(m, globals);
        globals.t += .5 * globals.dt;
        for (StepObserver o : obs) {
            o.timeAdvanced(this);
        }
        FixedStepIntegrator.updateStates(m, twoThreads);
        FixedStepIntegrator.beforeStepBlocks(m);
        for (StepObserver o : obs) {
            o.afterStep(this);
        }
        if (events != null) {
            events.afterStep(this);
        }
    }

    /** stdrun's setdt(): dt divides 1/steps_per_ms into a whole number of steps. */
    public void setdt() {
        double bigDt = 1. / stepsPerMs;
        int nstep = (int) (bigDt / globals.dt);
        if (nstep == 0) {
            nstep = 1;
        }
        double dtnew = bigDt / nstep;
        if (Math.abs(globals.dt * nstep * stepsPerMs - 1.) > 1e-6) {
            globals.dt = dtnew;
        }
        nstepSteprun = nstep;
    }

    /** stdrun's run(): stdinit() (setdt, finitialize(v_init)) then continuerun(tstop). */
    public void run() {
        setdt();
        finitialize(vInit);
        continuerun(tstop);
    }

    /** stdrun's continuerun: steps of nstep_steprun fadvances while t < tstop - dt/2. */
    public void continuerun(double tstopMs) {
        if (cvode.active()) {
            cvode.continuerun(tstopMs, this::checkStop);
            return;
        }
        double ts = tstopMs - globals.dt / 2;
        while (globals.t < ts) {
            for (int i = 0; i < nstepSteprun; i++) {
                fadvance();
                checkStop();
            }
        }
    }

    /**
     * Asks the run in progress (or the next one, until {@link #clearStopRequest}) to end at
     * its next step boundary with {@link RunInterruptedException}. Safe from any thread.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Withdraws a stop request no run has seen. */
    public void clearStopRequest() {
        stopRequested = false;
    }

    /** Called by run loops after each step: ends the run if a stop was requested. */
    public void checkStop() {
        if (stopRequested) {
            stopRequested = false;
            throw new RunInterruptedException(globals.t);
        }
    }

    /**
     * Threads a step may use (NEURON's ParallelContext.nthread), 1 by default. With 2 or more,
     * models of 4000 nodes or more whose mechanisms all allow it compute their currents and
     * states on two threads — the split is into two node ranges, so a larger count computes
     * as two, which a script asking for its machine's cores runs unchanged; the results are
     * identical to one thread's whatever the count, as NEURON's
     * ({@code lowered().singleThreadReason()} says why a model is not split). n below 1 is
     * refused: InvalidValueException naming it.
     */
    public void setThreads(int n) {
        if (n < 1) {
            throw new InvalidValueException("threads: " + n + " is not a thread count (1 or more)");
        }
        threads = n;
        twoThreads = n >= 2;
    }

    /** The count last set (a step uses at most two: see {@link #setThreads}). */
    public int threads() {
        return threads;
    }

    // ---------------------------------------------------------------- references and hooks

    public VarRef ref(Section sec, double x, String var) {
        return new SegmentVarRef(model, sec, x, var);
    }

    public VarRef ref(PointProcess pp, String var) {
        return new PointProcessVarRef(model, pp, var);
    }

    public VarRef globalRef(String name) {
        switch (name) {
            case "t":
                return new GlobalVarRef(name, () -> globals.t, v -> globals.t = v);
            case "dt":
                return new GlobalVarRef(name, () -> globals.dt, v -> setGlobal("dt", v));
            case "celsius":
                return new GlobalVarRef(name, () -> globals.celsius, v -> globals.celsius = v);
            default:
                getGlobal(name);  // UnknownVariableException now, not at first use
                return new GlobalVarRef(name, () -> getGlobal(name), v -> setGlobal(name, v));
        }
    }

    public void addStepObserver(StepObserver o) {
        observerList.add(o);
        observers = observerList.toArray(new StepObserver[0]);
    }

    public void removeStepObserver(StepObserver o) {
        observerList.remove(o);
        observers = observerList.toArray(new StepObserver[0]);
    }

    public void setEventDelivery(EventDelivery ed) {
        this.events = ed;
    }

    /** The event delivery set with {@link #setEventDelivery}, or null. */
    public EventDelivery eventDelivery() {
        return events;
    }

    // ---------------------------------------------------------------- engine-internal access

    /** The lowered arrays, rebuilt first if the model changed since the last lowering. */
    public LoweredModel lowered() {
        if (lowered == null || loweredStructure != model.structureVersion()) {
            lowered = Lowering.lower(model, globals, this::kernelFor, this::globalsFor);
            loweredStructure = model.structureVersion();
            loweredGeometry = model.geometryVersion();
        } else if (loweredGeometry != model.geometryVersion()) {
            lowered.updateGeometry();
            loweredGeometry = model.geometryVersion();
        }
        return lowered;
    }

    /** The kernel of a type (for NET_RECEIVE); a point process's row is {@code pp.values().index(0)} once lowered. */
    public MechanismKernel kernel(MechanismType type) {
        return kernelFor(type);
    }

    public GlobalState globals() {
        return globals;
    }

    public Model model() {
        return model;
    }
}
