package org.jpatch.core.mech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Metadata of one mechanism type: what NMODL's NEURON, PARAMETER, ASSIGNED and STATE
 * blocks declare, plus the factory of the kernel that computes it.
 *
 * <p>{@code order} is NEURON's type index (capacitance 3, pas 4, IClamp 7, na_ion 15,
 * k_ion 16, hh 17, ...), the order of registration. Kernels run in NEURON's sweep order
 * derived from it ({@link MechanismCatalogue#sweepOrder()}), which fixes the summation
 * order of currents into a node and which concentrations a mechanism sees.
 */
public final class MechanismType {
    private final String name;
    private final MechanismKind kind;
    private final int order;
    private final List<RangeVariable> variables;
    /** Per variable: false for per-instance state that hoc cannot name (NMODL ASSIGNED not declared RANGE). */
    private final boolean[] visible;
    private final List<GlobalVariable> globals;
    private final List<IonUse> ions;
    private final List<String> pointers;
    private final boolean suffixed;
    private final boolean electrodeCurrent;
    private final double ionCharge;
    private final Supplier<MechanismKernel> kernelFactory;
    /** User-visible name → variable index: looked up for every attribute a model-building script sets. */
    private final Map<String, Integer> indexByRangeName;

    private MechanismType(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.order = b.order;
        this.variables = List.copyOf(b.variables);
        this.visible = new boolean[variables.size()];
        for (int k = 0; k < visible.length; k++) {
            visible[k] = !b.internal.contains(k);
        }
        this.globals = List.copyOf(b.globals);
        this.ions = List.copyOf(b.ions);
        this.pointers = List.copyOf(b.pointers);
        this.suffixed = b.suffixed;
        this.electrodeCurrent = b.electrodeCurrent;
        this.ionCharge = b.ionCharge;
        this.kernelFactory = b.kernelFactory;
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < variables.size(); k++) {
            if (visible[k]) {
                index.putIfAbsent(rangeName(k), k);
            }
        }
        this.indexByRangeName = Map.copyOf(index);
    }

    public static Builder builder(String name, MechanismKind kind, int order) {
        return new Builder(name, kind, order);
    }

    public String name() {
        return name;
    }

    public MechanismKind kind() {
        return kind;
    }

    public int order() {
        return order;
    }

    public List<RangeVariable> variables() {
        return variables;
    }

    /**
     * False for a variable the kernel keeps per instance but users cannot name: NMODL's
     * ASSIGNED not declared RANGE, which NEURON 9 stores per instance out of hoc's reach.
     */
    public boolean isVisible(int variable) {
        return visible[variable];
    }

    public List<GlobalVariable> globals() {
        return globals;
    }

    public List<IonUse> ions() {
        return ions;
    }

    /** NMODL POINTER variables: each instance's refers to a variable elsewhere, set by {@link PointProcess#setPointer}. */
    public List<String> pointers() {
        return pointers;
    }

    /** True for ELECTRODE_CURRENT point processes: their current enters the node (rhs += i). */
    public boolean electrodeCurrent() {
        return electrodeCurrent;
    }

    /**
     * An ion's charge [e] (eion.cpp's global_charge, what Nernst uses); NaN for a type that
     * is no ion. Mechanisms writing a concentration need it at finitialize (nrn_wrote_conc).
     */
    public double ionCharge() {
        return ionCharge;
    }

    /**
     * True when a USEION WRITEs an inside or outside concentration: NEURON runs such types
     * right after the ions (nocmodl's nrn_writes_conc call).
     */
    public boolean writesConcentration() {
        return ions.stream().anyMatch(use -> IonStyle.concentrationUse(use) == 3);
    }

    public boolean isPointProcess() {
        return kind == MechanismKind.POINT || kind == MechanismKind.ARTIFICIAL;
    }

    /**
     * The name users see: {@code gnabar_hh} for density mechanisms, {@code amp} for point
     * processes, {@code ena} for ions; an array element {@code x[j]} of a density mechanism
     * is {@code x_suffix[j]}, as hoc names it.
     */
    public String rangeName(int variable) {
        String v = variables.get(variable).name();
        if (!suffixed) {
            return v;
        }
        int bracket = v.indexOf('[');
        return bracket < 0 ? v + "_" + name : v.substring(0, bracket) + "_" + name + v.substring(bracket);
    }

    /** Index of the visible variable with this user-visible name, or -1. */
    public int indexOf(String rangeName) {
        return indexByRangeName.getOrDefault(rangeName, -1);
    }

    public double[] defaults() {
        double[] d = new double[variables.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = variables.get(k).defaultValue();
        }
        return d;
    }

    /** A fresh kernel, or null for types the solver handles itself (capacitance). */
    public MechanismKernel newKernel() {
        return kernelFactory == null ? null : kernelFactory.get();
    }

    @Override
    public String toString() {
        return name;
    }

    public static final class Builder {
        private final String name;
        private final MechanismKind kind;
        private final int order;
        private final List<RangeVariable> variables = new ArrayList<>();
        private final Set<Integer> internal = new HashSet<>();
        private final List<GlobalVariable> globals = new ArrayList<>();
        private final List<IonUse> ions = new ArrayList<>();
        private final List<String> pointers = new ArrayList<>();
        private boolean suffixed;
        private boolean electrodeCurrent;
        private double ionCharge = Double.NaN;
        private Supplier<MechanismKernel> kernelFactory;

        private Builder(String name, MechanismKind kind, int order) {
            this.name = Objects.requireNonNull(name);
            this.kind = Objects.requireNonNull(kind);
            this.order = order;
            this.suffixed = kind == MechanismKind.DENSITY;
        }

        public Builder variable(RangeVariable v) {
            variables.add(v);
            return this;
        }

        /** A per-instance variable users cannot name ({@link MechanismType#isVisible}). */
        public Builder internal(RangeVariable v) {
            internal.add(variables.size());
            variables.add(v);
            return this;
        }

        public Builder global(String globalName, String units, double defaultValue) {
            globals.add(new GlobalVariable(globalName, units, defaultValue));
            return this;
        }

        public Builder ion(IonUse use) {
            ions.add(use);
            return this;
        }

        public Builder pointer(String pointerName) {
            pointers.add(pointerName);
            return this;
        }

        /** Range names without the {@code _mech} suffix (capacitance's {@code cm}). */
        public Builder unsuffixed() {
            suffixed = false;
            return this;
        }

        public Builder electrodeCurrent() {
            electrodeCurrent = true;
            return this;
        }

        public Builder ionCharge(double charge) {
            ionCharge = charge;
            return this;
        }

        public Builder kernel(Supplier<MechanismKernel> factory) {
            kernelFactory = factory;
            return this;
        }

        public MechanismType build() {
            return new MechanismType(this);
        }
    }
}
