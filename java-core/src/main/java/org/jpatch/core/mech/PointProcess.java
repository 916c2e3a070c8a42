package org.jpatch.core.mech;

import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.model.Section;
import org.jpatch.core.ref.VarRef;

/**
 * One point-process object (IClamp[0], ExpSyn[3]): its type, its location and its
 * variables. Created, moved and deleted through the Simulation; the location methods
 * here are the engine's own.
 */
public final class PointProcess {
    private final MechanismType type;
    private final String name;
    private final ValueBlock values;
    /** Targets of the type's POINTER variables, in its order; null until set. */
    private final VarRef[] pointers;
    private Section section;
    private double x;
    private long placement;
    private boolean deleted;

    /** Engine-internal: use {@code Simulation.newPointProcess}. */
    public PointProcess(MechanismType type, String name) {
        this.type = type;
        this.name = name;
        this.values = new ValueBlock(type.defaults(), 1);
        this.pointers = new VarRef[type.pointers().size()];
    }

    /**
     * NEURON's {@code h.setpointer(ref, 'name', pp)}: the POINTER variable {@code name} reads
     * and writes {@code target} from now on (a gap junction's vgap to another node's v).
     */
    public void setPointer(String name, VarRef target) {
        checkAlive();
        int p = type.pointers().indexOf(name);
        if (p < 0) {
            throw new UnknownVariableException(name + " is not a POINTER of " + this.name);
        }
        target.get(); // a reference to something deleted fails here, not during a step
        pointers[p] = target;
    }

    /** The target of POINTER {@code name}, or null when not set. */
    public VarRef pointer(String name) {
        int p = type.pointers().indexOf(name);
        if (p < 0) {
            throw new UnknownVariableException(name + " is not a POINTER of " + this.name);
        }
        return pointers[p];
    }

    /** Engine-internal: the live array of POINTER targets, shared with the lowered instance data. */
    public VarRef[] pointerTargets() {
        return pointers;
    }

    public MechanismType type() {
        return type;
    }

    /** The section it sits in, or null for an artificial cell. */
    public Section section() {
        checkAlive();
        return section;
    }

    /** Position of its node along the section, as NEURON's get_loc() reports it (a segment centre, 0 or 1). */
    public double x() {
        checkAlive();
        return x;
    }

    public double get(String var) {
        checkAlive();
        return values.get(indexOf(var), 0);
    }

    public void set(String var, double value) {
        checkAlive();
        values.set(indexOf(var), 0, value);
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** NEURON-style name, e.g. {@code IClamp[0]}. */
    public String name() {
        return name;
    }

    /** Index of variable {@code var} in the type; UnknownVariableException if it has none. */
    public int indexOf(String var) {
        int k = type.indexOf(var);
        if (k < 0) {
            throw new UnknownVariableException(name + " has no variable '" + var + "'");
        }
        return k;
    }

    /** Engine-internal: the storage of its variables. */
    public ValueBlock values() {
        return values;
    }

    /** Engine-internal: records the location (done by Section). */
    public void place(Section section, double nodeX) {
        this.section = section;
        this.x = nodeX;
    }

    /**
     * Engine-internal: when it was last linked into its node's property list (NEURON's
     * prop_alloc and nrn_loc_point_process link at the head), from a count the model keeps;
     * 0 for artificial cells. Instances at one node run latest placement first.
     */
    public long placement() {
        return placement;
    }

    /** Engine-internal (done by Section). */
    public void setPlacement(long placement) {
        this.placement = placement;
    }

    /** Engine-internal. */
    public void markDeleted() {
        values.detach();
        deleted = true;
        section = null;
    }

    public void checkAlive() {
        if (deleted) {
            throw new DeletedObjectException("point process " + name + " was deleted");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
