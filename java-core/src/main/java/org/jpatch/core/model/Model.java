package org.jpatch.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismCatalogue;
import org.jpatch.core.mech.PointProcess;

/**
 * The editable description of a simulation: live sections in creation order, point
 * processes, and change counters. {@code structureVersion} bumps when the lowered
 * arrays must be rebuilt; {@code geometryVersion} when only areas and coupling
 * coefficients must be recomputed; {@code storageEpoch} whenever any variable may
 * have moved to another array (references re-resolve on it).
 */
public final class Model {
    private final MechanismCatalogue catalogue;
    private final List<Section> sections = new ArrayList<>();
    private final List<PointProcess> pointProcesses = new ArrayList<>();
    private long structureVersion;
    private long geometryVersion;
    private long storageEpoch;
    private int sectionSerial;
    private long placements;
    private boolean pt3dConst;

    public Model(MechanismCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public MechanismCatalogue catalogue() {
        return catalogue;
    }

    public Section newSection(String name) {
        Section s = new Section(this, name != null ? name : "__nrnsec_" + sectionSerial);
        sectionSerial++;
        sections.add(s);
        structureChanged();
        return s;
    }

    /** NEURON's delete_section: children become roots, the section's point processes go with it. */
    public void deleteSection(Section s) {
        s.checkAlive();
        for (Section child : new ArrayList<>(s.children())) {
            child.disconnect();
        }
        s.disconnect();
        for (PointProcess pp : new ArrayList<>(s.pointProcesses())) {
            deletePointProcess(pp);
        }
        s.markDeleted();
        sections.remove(s);
        structureChanged();
    }

    /** The next placement stamp (see {@link PointProcess#placement()}). */
    long nextPlacement() {
        return ++placements;
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    /**
     * NEURON's secorder (multicore.cpp, reorder_secorder): tree after tree, roots in creation
     * order, each tree breadth first through the children lists, so parents come before their
     * children.
     */
    public List<Section> sectionOrder() {
        List<Section> order = new ArrayList<>(sections.size());
        for (Section root : sections) {
            if (root.parent() == null) {
                int first = order.size();
                order.add(root);
                for (int i = first; i < order.size(); i++) {
                    order.addAll(order.get(i).childrenInOrder());
                }
            }
        }
        return order;
    }

    /** NEURON's pt3dconst: when set, L and diam assignments leave the 3-D points as they are. */
    public boolean pt3dConst() {
        return pt3dConst;
    }

    public void setPt3dConst(boolean constant) {
        pt3dConst = constant;
    }

    /**
     * NEURON's define_shape: 3-D points for every section that has none, and the others moved
     * onto their parents; what NEURON prints goes to {@code print}.
     */
    public void defineShape(java.util.function.Consumer<String> print) {
        ShapeDefinition.define(this, print);
    }

    public void addPointProcess(PointProcess pp, Section sec, double x) {
        Section ionHost = ionHost(pp, sec, x);
        if (ionHost != null) {
            provideIons(pp, ionHost);
        }
        sec.attachPointProcess(pp, x);
        pointProcesses.add(pp);
        structureChanged();
    }

    /** An artificial cell: a point process without a location. */
    public void addArtificial(PointProcess pp) {
        pointProcesses.add(pp);
        structureChanged();
    }

    /** NEURON's loc(): the point process moves to sec(x). */
    public void movePointProcess(PointProcess pp, Section sec, double x) {
        pp.checkAlive();
        sec.checkAlive();
        sec.segment(x);  // validates x before anything changes
        Section ionHost = ionHost(pp, sec, x);
        if (pp.section() != null) {
            pp.section().detachPointProcess(pp);
        }
        if (ionHost != null) {
            provideIons(pp, ionHost);
        }
        sec.attachPointProcess(pp, x);
        structureChanged();
    }

    /**
     * NEURON gives the node of a point process the ions it uses. Here the ions go into the
     * section whose segment that node is (the whole section: ions nobody else uses there
     * compute nothing). Null when the type uses no ion; an InvalidValueException, before
     * anything changes, for a zero-area end node, which has no segment.
     */
    private Section ionHost(PointProcess pp, Section sec, double x) {
        if (pp.type().ions().isEmpty()) {
            return null;
        }
        sec.segment(x);  // validates x
        Section host = sec;
        int slot = host.nodeSlot(x);
        while (slot < 0 && host.parent() != null) {
            double at = host.parentX();
            host = host.parent();
            slot = host.nodeSlot(at);
        }
        if (slot < 0 || slot == host.nseg()) {
            throw new InvalidValueException(pp.type().name() + " uses ions, which a zero-area node cannot hold: "
                    + sec.name() + "(" + x + ")");
        }
        for (IonUse use : pp.type().ions()) {
            catalogue.get(use.ionTypeName());  // UnknownMechanismException before any change
        }
        return host;
    }

    private void provideIons(PointProcess pp, Section host) {
        for (IonUse use : pp.type().ions()) {
            host.insert(use.ionTypeName());
        }
    }

    public void deletePointProcess(PointProcess pp) {
        pp.checkAlive();
        if (pp.section() != null) {
            pp.section().detachPointProcess(pp);
        }
        pointProcesses.remove(pp);
        pp.markDeleted();
        structureChanged();
    }

    /** Live point processes in creation order. */
    public List<PointProcess> pointProcesses() {
        return Collections.unmodifiableList(pointProcesses);
    }

    public long structureVersion() {
        return structureVersion;
    }

    public long geometryVersion() {
        return geometryVersion;
    }

    public long storageEpoch() {
        return storageEpoch;
    }

    void structureChanged() {
        structureVersion++;
        geometryVersion++;
        storageEpoch++;
    }

    void geometryChanged() {
        geometryVersion++;
    }

    /** Lowering moved the values into new arrays. */
    public void storageMoved() {
        storageEpoch++;
    }
}
