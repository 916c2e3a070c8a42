package org.jpatch.core.ref;

import org.jpatch.core.model.Model;
import org.jpatch.core.model.Section;

/**
 * A range variable of a section at x. It caches where the value lives and looks again
 * whenever the model's storage epoch changed (re-lowering, nseg change, insertion).
 * Like NEURON's data handles it stays on its node when nseg changes: the node moves
 * as node_realloc moves it, so the reference may end up at another x.
 */
public final class SegmentVarRef implements VarRef {
    private final Model model;
    private final Section section;
    private final double x;
    private final String var;
    private final boolean diam;  // diam is geometry: writes must go through the section
    private int node;        // pnode index in the section (Section.nodeOf)
    private int movesSeen;   // section's node moves already applied to node
    private double[] array;
    private int index;
    private long epoch = -1;

    /** Resolves once, so that an unknown variable fails here. */
    public SegmentVarRef(Model model, Section section, double x, String var) {
        this.model = model;
        this.section = section;
        this.x = x;
        this.var = var;
        this.diam = var.equals("diam");
        if (diam) {
            section.diam(x);
        } else {
            node = section.nodeOf(var, x);
            movesSeen = section.nodeMoveCount();
            resolve();
        }
    }

    private void resolve() {
        node = section.followNode(node, movesSeen);
        movesSeen = section.nodeMoveCount();
        Section.Location at = section.locateNode(var, node);
        array = at.block().array(at.variable());
        index = at.block().index(at.instance());
        epoch = model.storageEpoch();
    }

    @Override
    public double get() {
        if (diam) {
            return section.diam(x);
        }
        if (epoch != model.storageEpoch()) {
            resolve();
        }
        return array[index];
    }

    @Override
    public void set(double value) {
        if (diam) {
            section.setDiam(x, value);
            return;
        }
        if (epoch != model.storageEpoch()) {
            resolve();
        }
        array[index] = value;
    }

    private record StorageKey(Section section, int node, String var) {}

    @Override
    public Object storageKey() {
        if (diam) { // geometry, not node storage: the segment at x names it
            return new StorageKey(section, section.nodeOf("v", x), var);
        }
        node = section.followNode(node, movesSeen);
        movesSeen = section.nodeMoveCount();
        return new StorageKey(section, node, var);
    }

    @Override
    public String name() {
        return section.name() + "(" + x + ")." + var;
    }
}
