package org.jpatch.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.TopologyException;
import org.jpatch.core.UnknownMechanismException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.ValueBlock;

/**
 * One unbranched cable, as NEURON's Section: geometry, its place in the tree, the
 * mechanisms inserted in it and their per-segment values.
 *
 * <p>Per-node values are kept in NEURON's node order within the section ("pnode"
 * order): index j &lt; nseg is a segment centre counted from the end that connects to
 * the parent, index nseg is the far end node (zero area). For a section connected by
 * its x=0 end that is increasing x; connected by x=1 it is decreasing x, as NEURON's
 * {@code node_index} maps it. Every value is checked before anything changes.
 */
public final class Section {
    static final String CAPACITANCE = "capacitance";
    static final double DEFAULT_L = 100.0;      // [µm]
    static final double DEFAULT_DIAM = 500.0;   // [µm]
    static final double DEFAULT_RA = 35.4;      // [Ω·cm]
    static final double DEFAULT_V = -65.0;      // [mV]
    public static final int MAX_NSEG = 32767;  // NEURON's limit

    private final Model model;
    private final String name;

    private double length = DEFAULT_L;           // [µm]
    private double axialResistivity = DEFAULT_RA;  // [Ω·cm]
    private int nseg = 1;
    private double[] diam = {DEFAULT_DIAM};      // [µm] per segment, pnode order
    private ValueBlock nodeV;                    // [mV] nseg+1 nodes, pnode order
    private final ValueBlock rootV;              // [mV] the node at the x=0 end while this is a root
    private final ValueBlock capacitance;        // cm [µF/cm²], i_cap: every section has it, as NEURON
    private final Map<MechanismType, ValueBlock> mechanisms = new LinkedHashMap<>();  // inserted, without capacitance
    private final Points3d points = new Points3d();
    private float[] logicalConnection;           // [µm] x, y, z under pt3dstyle 1, else null

    private Section parent;
    private double parentX;
    private double childX;                       // 0 or 1: which end touches the parent
    private final List<Section> children = new ArrayList<>();  // NEURON's sibling order
    private final List<PointProcess> pointProcesses = new ArrayList<>();
    // Each nseg change or reversal moves nodes (NEURON's node_realloc / reverse_nodes):
    // entry k maps a pnode index before move k to its index after it.
    private final List<int[]> nodeMoves = new ArrayList<>();
    private boolean deleted;

    Section(Model model, String name) {
        this.model = model;
        this.name = name;
        this.nodeV = new ValueBlock(new double[] {DEFAULT_V}, 2);
        this.rootV = new ValueBlock(new double[] {DEFAULT_V}, 1);
        MechanismType cap = model.catalogue().get(CAPACITANCE);
        this.capacitance = new ValueBlock(cap.defaults(), 1);
    }

    // ---- identity ----

    public String name() {
        return name;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void checkAlive() {
        if (deleted) {
            throw new DeletedObjectException("section " + name + " was deleted");
        }
    }

    void markDeleted() {
        deleted = true;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- geometry ----

    public double L() {
        checkAlive();
        return points.count() > 1 ? points.arc(points.count() - 1) : length;
    }

    /** Sets the length; with 3-D points present they are rescaled from the first, as NEURON does. */
    public void setL(double um) {
        checkAlive();
        requirePositive("L", um);
        if (model.pt3dConst()) {
            return;  // NEURON's can_change_morph: the length stays what the 3-D points say
        }
        if (points.count() > 1) {
            points.scaleLengthTo(um);
        }
        length = um;
        model.geometryChanged();
    }

    public double Ra() {
        checkAlive();
        return axialResistivity;
    }

    public void setRa(double ohmCm) {
        checkAlive();
        requirePositive("Ra", ohmCm);
        axialResistivity = ohmCm;
        model.geometryChanged();
    }

    public int nseg() {
        checkAlive();
        return nseg;
    }

    /** Changes the number of segments keeping values by position, as NEURON's node_realloc. */
    public void setNseg(int n) {
        checkAlive();
        if (n < 1 || n > MAX_NSEG) {
            throw new InvalidValueException("nseg must be in 1.." + MAX_NSEG + ", got " + n);
        }
        if (n == nseg) {
            return;
        }
        int[] source = NsegRemap.sources(nseg, n);
        int[] target = NsegRemap.targets(nseg, n);
        double[] newDiam = new double[n];
        for (int i = 0; i < n; i++) {
            newDiam[i] = diam[source[i]];
        }
        diam = newDiam;
        int[] nodeSource = new int[n + 1];
        System.arraycopy(source, 0, nodeSource, 0, n);
        nodeSource[n] = nseg;  // the far end node stays
        nodeV.remap(nodeSource);
        capacitance.remap(source);
        for (ValueBlock block : mechanisms.values()) {
            block.remap(source);
        }
        int[] moves = new int[nseg + 1];
        System.arraycopy(target, 0, moves, 0, nseg);
        moves[nseg] = n;
        nodeMoves.add(moves);
        int oldNseg = nseg;
        nseg = n;
        List<Relinked> relinked = new ArrayList<>();
        for (PointProcess pp : pointProcesses) {
            int oldIndex = pnodeIndexOfX(pp.x(), oldNseg);
            if (oldIndex >= 0 && oldIndex < oldNseg) {
                if (source[target[oldIndex]] != oldIndex) {
                    relinked.add(new Relinked(pp, oldIndex));
                }
                pp.place(this, centreX(target[oldIndex]));
            }
        }
        relink(relinked);
        model.structureChanged();
    }

    /** Diameter [µm] of the segment containing x; with 3-D points, integrated from them first, as NEURON. */
    public double diam(double x) {
        checkAlive();
        checkX(x);
        if (points.count() > 1) {
            SectionGeometry.of(this);  // recalc: diameters from the points
        }
        return diam[segmentIndex(x)];
    }

    /** Sets every segment's diameter; with 3-D points present, rewrites their diameters. */
    public void setDiam(double um) {
        checkAlive();
        requirePositive("diam", um);
        if (model.pt3dConst()) {
            return;  // NEURON's can_change_morph refuses a section-wide diameter silently
        }
        if (points.count() > 0) {
            points.setAllDiameters(um);
        }
        java.util.Arrays.fill(diam, um);
        model.geometryChanged();
    }

    public void setDiam(double x, double um) {
        checkAlive();
        checkX(x);
        requirePositive("diam", um);
        diam[segmentIndex(x)] = um;
        if (points.count() > 0 && !model.pt3dConst()) {
            // NEURON rewrites the points from the segments' diameters as they are now
            points.setDiametersFromSegments(diam, this::segmentIndex);
        }
        model.geometryChanged();
    }

    public double cm(double x) {
        return get("cm", x);
    }

    public void setCm(double uFPerCm2) {
        checkAlive();
        requirePositive("cm", uFPerCm2);
        setAll("cm", uFPerCm2);
    }

    public void setCm(double x, double uFPerCm2) {
        checkAlive();
        requirePositive("cm", uFPerCm2);
        set("cm", x, uFPerCm2);
    }

    /** Membrane area [µm²] of the segment containing x; 0 at x = 0 and 1, as NEURON. */
    public double area(double x) {
        checkAlive();
        checkX(x);
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        return SectionGeometry.of(this).area[segmentIndex(x)];
    }

    /**
     * Axial resistance [MΩ] between the node at x and its parent node, NEURON's
     * {@code ri()}: 1/RINV of the node. At the connecting end the node is the parent's
     * (its ri there), or a root node, which has no parent: 1e30, as NEURON reports.
     */
    public double ri(double x) {
        checkAlive();
        checkX(x);
        int j = pnodeIndexOfX(x, nseg);
        if (j < 0) {
            return parent == null ? 1e30 : parent.ri(parentX);
        }
        return 1.0 / SectionGeometry.of(this).rinv[j];
    }

    // ---- 3-D points ----

    public int n3d() {
        checkAlive();
        return points.count();
    }

    public void pt3dadd(double x, double y, double z, double d) {
        checkAlive();
        checkFinite("pt3dadd", x, y, z, d);
        if (d < 0) {
            throw new InvalidValueException("pt3dadd diameter must be >= 0, got " + d);
        }
        points.add(x, y, z, d);
        model.geometryChanged();
    }

    public void pt3dclear() {
        checkAlive();
        if (points.count() > 1) {
            length = points.arc(points.count() - 1);
        }
        points.clear();
        model.geometryChanged();
    }

    /**
     * NEURON's pt3dchange(i, x, y, z, d): point i moves and takes diameter d [µm]; later arcs
     * follow. A negative d is NEURON's spine mark: the point's diameter is |d|.
     */
    public void pt3dchange(int i, double x, double y, double z, double d) {
        checkPoint(i);
        checkFinite("pt3dchange", x, y, z, d);
        points.set(i, x, y, z, d);
        model.geometryChanged();
    }

    /** NEURON's pt3dchange(i, d): point i takes diameter d [µm] and stays where it is. */
    public void pt3dchange(int i, double d) {
        checkPoint(i);
        checkFinite("pt3dchange", d);
        points.setDiameter(i, d);
        model.geometryChanged();
    }

    /** NEURON's pt3dinsert: a new point i (0..n3d) before the present point i; d as pt3dchange's. */
    public void pt3dinsert(int i, double x, double y, double z, double d) {
        checkAlive();
        if (i < 0 || i > points.count()) {
            throw new InvalidValueException("pt3dinsert index " + i + " out of range 0.." + points.count());
        }
        checkFinite("pt3dinsert", x, y, z, d);
        points.insert(i, x, y, z, d);
        model.geometryChanged();
    }

    /**
     * NEURON's pt3dremove: point i goes. Left with fewer than two points, the section keeps the
     * length it had (NEURON would read a length from a point that is gone).
     */
    public void pt3dremove(int i) {
        checkPoint(i);
        if (points.count() == 2) {
            length = points.arc(1);
        }
        points.remove(i);
        model.geometryChanged();
    }

    /**
     * pt3dstyle 1: the section's connection point [µm] as its own, not its first 3-D point, so
     * define_shape moves it by as much as that point moves instead of onto the parent.
     */
    public void setLogicalConnection(double x, double y, double z) {
        checkAlive();
        checkFinite("pt3dstyle", x, y, z);
        logicalConnection = new float[] {(float) x, (float) y, (float) z};
        model.geometryChanged();
    }

    /** pt3dstyle 0: define_shape snaps the first 3-D point onto the parent again. */
    public void clearLogicalConnection() {
        checkAlive();
        logicalConnection = null;
        model.geometryChanged();
    }

    public boolean hasLogicalConnection() {
        checkAlive();
        return logicalConnection != null;
    }

    private static void checkFinite(String call, double... values) {
        for (double c : values) {
            if (Double.isNaN(c) || Double.isInfinite(c)) {
                throw new InvalidValueException(call + " coordinate must be finite, got " + c);
            }
        }
    }

    /**
     * nrn_translate_shape: moves the points so the connection point (the logical one if set,
     * else the first 3-D point) is at (x, y, z) [µm], in float as NEURON. Nothing moves under
     * pt3dconst.
     */
    void translateConnectionTo(float x, float y, float z) {
        if (model.pt3dConst()) {
            return;
        }
        float dx, dy, dz;
        if (logicalConnection != null) {
            dx = x - logicalConnection[0];
            dy = y - logicalConnection[1];
            dz = z - logicalConnection[2];
            logicalConnection[0] = x;
            logicalConnection[1] = y;
            logicalConnection[2] = z;
        } else {
            dx = x - (float) points.x(0);
            dy = y - (float) points.y(0);
            dz = z - (float) points.z(0);
        }
        points.translate(dx, dy, dz);
        model.geometryChanged();
    }

    /** define_shape gave this section its points. */
    void shapeDefined() {
        model.geometryChanged();
    }

    public double x3d(int i) {
        return points.x(checkPoint(i));
    }

    public double y3d(int i) {
        return points.y(checkPoint(i));
    }

    public double z3d(int i) {
        return points.z(checkPoint(i));
    }

    public double diam3d(int i) {
        return points.d(checkPoint(i));
    }

    public double arc3d(int i) {
        return points.arc(checkPoint(i));
    }

    private int checkPoint(int i) {
        checkAlive();
        if (i < 0 || i >= points.count()) {
            throw new InvalidValueException("3-D point index " + i + " out of range 0.." + (points.count() - 1));
        }
        return i;
    }

    private SectionGeometry geometry;

    long modelGeometryVersion() {
        return model.geometryVersion();
    }

    SectionGeometry cachedGeometry() {
        return geometry;
    }

    void cacheGeometry(SectionGeometry g) {
        geometry = g;
    }

    Points3d points() {
        return points;
    }

    double storedLength() {
        return length;
    }

    double[] segmentDiameters() {
        return diam;
    }

    // ---- topology ----

    /**
     * Connects this section's end {@code childX} (0 or 1) to {@code parent} at
     * {@code parentX}, replacing any previous connection, as NEURON's connect.
     */
    public void connect(Section parent, double parentX, double childX) {
        checkAlive();
        if (parent == null) {
            throw new InvalidValueException("connect: parent section is null");
        }
        parent.checkAlive();
        checkX(parentX);
        if (childX != 0.0 && childX != 1.0) {
            throw new InvalidValueException("connect: child end must be 0 or 1, got " + childX);
        }
        for (Section s = parent; s != null; s = s.parent) {
            if (s == this) {
                throw new TopologyException("connecting " + name + " to " + parent.name + " would form a loop");
            }
        }
        if (this.parent != null) {
            this.parent.children.remove(this);
        }
        if (childX != this.childX) {
            reverseNodeOrder();
        }
        this.parent = parent;
        this.parentX = parentX;
        this.childX = childX;
        parent.addChildInSiblingOrder(this);
        model.structureChanged();
    }

    /** Makes this section a root again (its children stay attached to it). */
    public void disconnect() {
        checkAlive();
        if (parent == null) {
            return;
        }
        rootV.set(0, 0, DEFAULT_V);  // NEURON allocates a fresh root node (v = DEF_vrest)
        parent.children.remove(this);
        parent = null;
        parentX = 0.0;
        model.structureChanged();
    }

    public Section parent() {
        checkAlive();
        return parent;
    }

    public double parentX() {
        checkAlive();
        return parentX;
    }

    public double childX() {
        checkAlive();
        return childX;
    }

    /** Children in NEURON's sibling order (increasing connection position). */
    public List<Section> children() {
        checkAlive();
        return Collections.unmodifiableList(new ArrayList<>(children));
    }

    List<Section> childrenInOrder() {
        return children;
    }

    public Section root() {
        checkAlive();
        Section s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    /**
     * Every section of this tree, depth first from the root with children in sibling
     * order, as NEURON's Python {@code Section.wholetree()} (hoc's SectionList.wholetree
     * is breadth first).
     */
    public List<Section> wholetree() {
        checkAlive();
        List<Section> out = new ArrayList<>();
        java.util.ArrayDeque<Section> pending = new java.util.ArrayDeque<>();
        pending.push(root());
        while (!pending.isEmpty()) {
            Section s = pending.pop();
            out.add(s);
            for (int i = s.children.size() - 1; i >= 0; i--) {
                pending.push(s.children.get(i));
            }
        }
        return out;
    }

    /** Whether the section's nodes run from x=1 to x=0 (connected by its x=1 end). */
    private boolean reversed() {
        return childX == 1.0;
    }

    // NEURON keeps the sibling list ordered by connection position measured along the
    // parent's own node order; a new child goes before children at the same position.
    private void addChildInSiblingOrder(Section child) {
        double x = child.positionAlongParentNodes();
        int at = 0;
        while (at < children.size() && children.get(at).positionAlongParentNodes() < x) {
            at++;
        }
        children.add(at, child);
    }

    private double positionAlongParentNodes() {
        return parent.reversed() ? 1.0 - parentX : parentX;
    }

    // NEURON's reverse_nodes: the values travel with their positions.
    private void reverseNodeOrder() {
        int[] rev = new int[nseg];
        for (int i = 0; i < nseg; i++) {
            rev[i] = nseg - 1 - i;
        }
        double[] newDiam = new double[nseg];
        for (int i = 0; i < nseg; i++) {
            newDiam[i] = diam[rev[i]];
        }
        diam = newDiam;
        int[] nodeRev = new int[nseg + 1];
        System.arraycopy(rev, 0, nodeRev, 0, nseg);
        nodeRev[nseg] = nseg;
        nodeV.remap(nodeRev);
        nodeMoves.add(nodeRev);  // a reversal is its own inverse
        // Segment nodes keep their x through a reversal; the two end nodes swap x. Point
        // processes stay on their node: one at the connecting end goes to the new
        // connecting end (nrn_relocate_old_points), one at the far end stays there.
        for (PointProcess pp : pointProcesses) {
            if (pp.x() == 0.0 || pp.x() == 1.0) {
                pp.place(this, 1.0 - pp.x());
            }
        }
        capacitance.remap(rev);
        for (ValueBlock block : mechanisms.values()) {
            block.remap(rev);
        }
        Collections.reverse(children);
    }

    // ---- mechanisms ----

    /** Inserts a density mechanism (and the ions it uses), NEURON's insert; no-op if present. */
    public void insert(String mech) {
        checkAlive();
        MechanismType type = densityType(mech);
        if (mechanisms.containsKey(type)) {
            return;
        }
        for (IonUse use : type.ions()) {
            MechanismType ion = model.catalogue().get(use.ionTypeName());
            mechanisms.putIfAbsent(ion, new ValueBlock(ion.defaults(), nseg));
        }
        mechanisms.put(type, new ValueBlock(type.defaults(), nseg));
        model.structureChanged();
    }

    public void uninsert(String mech) {
        checkAlive();
        MechanismType type = densityType(mech);
        if (!mechanisms.containsKey(type)) {
            return;
        }
        if (type.kind() == MechanismKind.ION) {
            // NEURON: "Not allowed to uninsert ions"; the mechanisms using it keep it
            throw new InvalidValueException("not allowed to uninsert ions: " + mech);
        }
        mechanisms.remove(type);
        model.structureChanged();
    }

    public boolean has(String mech) {
        checkAlive();
        return model.catalogue().contains(mech) && mechanisms.containsKey(model.catalogue().get(mech));
    }

    /** Names of the inserted mechanisms in insertion order (ions before their users; no capacitance). */
    public List<String> mechanisms() {
        checkAlive();
        List<String> out = new ArrayList<>();
        for (MechanismType t : mechanisms.keySet()) {
            out.add(t.name());
        }
        return out;
    }

    private MechanismType densityType(String mech) {
        if (mech == null || !model.catalogue().contains(mech)) {
            throw new UnknownMechanismException("unknown mechanism: " + mech);
        }
        MechanismType type = model.catalogue().get(mech);
        if (type.name().equals(CAPACITANCE)
                || (type.kind() != MechanismKind.DENSITY && type.kind() != MechanismKind.ION)) {
            throw new UnknownMechanismException(mech + " is not a density mechanism");
        }
        return type;
    }

    /** Engine-internal: the inserted types and their values, in insertion order. */
    public Map<MechanismType, ValueBlock> mechanismBlocks() {
        return Collections.unmodifiableMap(mechanisms);
    }

    // ---- range variables ----

    /** A range variable at x: "v", "diam", "cm", or a mechanism variable by NEURON name. */
    public double get(String rangeVar, double x) {
        checkAlive();
        checkX(x);
        if ("diam".equals(rangeVar)) {
            return diam(x);
        }
        Location at = locate(rangeVar, x);
        return at.block.get(at.variable, at.instance);
    }

    public void set(String rangeVar, double x, double value) {
        checkAlive();
        checkX(x);
        if ("diam".equals(rangeVar)) {
            setDiam(x, value);
            return;
        }
        if ("cm".equals(rangeVar)) {
            requirePositive("cm", value);
        }
        Location at = locate(rangeVar, x);
        at.block.set(at.variable, at.instance, value);
    }

    /** Sets the variable in every segment (and, for v, every node of the section). */
    public void setAll(String rangeVar, double value) {
        checkAlive();
        if ("diam".equals(rangeVar)) {
            setDiam(value);
            return;
        }
        if ("cm".equals(rangeVar)) {
            requirePositive("cm", value);
        }
        if ("v".equals(rangeVar)) {
            // NEURON's nrn_rangeconst for v: every node of the section, the connecting
            // node (the parent's or the root's) included
            for (int j = 0; j <= nseg; j++) {
                nodeV.set(0, j, value);
            }
            Location end = voltageSlot(reversed() ? 1.0 : 0.0);
            end.block.set(0, end.instance, value);
            return;
        }
        Location at = locate(rangeVar, 0.5);
        for (int j = 0; j < nseg; j++) {
            at.block.set(at.variable, j, value);
        }
    }

    /**
     * Where a range variable at x lives: its block, variable index and instance. v at x=0
     * and x=1 is the end node's (possibly the parent's node or the root node); any other
     * variable at the ends is the nearest segment's, as NEURON.
     */
    private Location locate(String rangeVar, double x) {
        return locateNode(rangeVar, nodeOf(rangeVar, x));
    }

    private String missingMechanismHint(String rangeVar) {
        for (MechanismType t : model.catalogue().types()) {
            if (t.kind() == MechanismKind.DENSITY && t.indexOf(rangeVar) >= 0) {
                return " (" + t.name() + " is not inserted)";
            }
        }
        return "";
    }

    /**
     * The pnode index a variable at x lives on: for v, NEURON's node_exact (-1 for the
     * connecting end, nseg for the far end); for mechanism variables, the segment.
     * With {@link #followNode} and {@link #locateNode} a reference keeps to its node
     * through nseg changes, as NEURON's data handles do.
     */
    public int nodeOf(String rangeVar, double x) {
        checkAlive();
        checkX(x);
        return "v".equals(rangeVar) ? pnodeIndexOfX(x, nseg) : segmentIndex(x);
    }

    /** Number of node moves so far (nseg changes and reversals). */
    public int nodeMoveCount() {
        return nodeMoves.size();
    }

    /** Where the node that had pnode index {@code node} after {@code movesSeen} moves is now. */
    public int followNode(int node, int movesSeen) {
        for (int k = movesSeen; k < nodeMoves.size() && node >= 0; k++) {
            node = nodeMoves.get(k)[node];
        }
        return node;
    }

    /** Where a variable lives on the node with pnode index {@code node} (see {@link #nodeOf}). */
    public Location locateNode(String rangeVar, int node) {
        checkAlive();
        if ("v".equals(rangeVar)) {
            if (node >= 0) {
                return new Location(nodeV, 0, node);
            }
            return voltageSlot(reversed() ? 1.0 : 0.0);
        }
        int segment = Math.min(node, nseg - 1);
        if ("cm".equals(rangeVar) || "i_cap".equals(rangeVar)) {
            return new Location(capacitance, "cm".equals(rangeVar) ? 0 : 1, segment);
        }
        for (Map.Entry<MechanismType, ValueBlock> e : mechanisms.entrySet()) {
            int k = e.getKey().indexOf(rangeVar);
            if (k >= 0) {
                return new Location(e.getValue(), k, segment);
            }
        }
        throw new UnknownVariableException(
                "section " + name + " has no range variable '" + rangeVar + "'" + missingMechanismHint(rangeVar));
    }

    /** A variable's storage: {@code block.get(variable, instance)}. */
    public record Location(ValueBlock block, int variable, int instance) {}

    private Location voltageSlot(double x) {
        int j = pnodeIndexOfX(x, nseg);
        if (j >= 0) {
            return new Location(nodeV, 0, j);
        }
        // the connecting end: the parent's node there, or this root's own node
        if (parent == null) {
            return new Location(rootV, 0, 0);
        }
        return parent.voltageSlot(parentX);
    }

    /** Engine-internal: the section's nodes' voltages (pnode order, nseg+1). */
    public ValueBlock vBlock() {
        return nodeV;
    }

    /** Engine-internal: the voltage of the node at the connecting end while this is a root. */
    public ValueBlock rootVBlock() {
        return rootV;
    }

    /** Engine-internal: cm and i_cap per segment (pnode order). */
    public ValueBlock capacitanceBlock() {
        return capacitance;
    }

    /**
     * Engine-internal: NEURON's node_exact(x) as an index into this section's nodes
     * (pnode order, nseg = far end), or -1 for the connecting end (a node of the parent
     * or the root node).
     */
    public int nodeSlot(double x) {
        return pnodeIndexOfX(x, nseg);
    }

    /** Engine-internal: node areas [µm²] in pnode order, 100 for the far end node (NEURON's placeholder). */
    public double[] nodeAreas() {
        return SectionGeometry.of(this).area;
    }

    /**
     * Engine-internal: each node's segment diameter [µm] in pnode order (what a mechanism's
     * {@code diam} reads); the far end node, which holds no segment, repeats the last one.
     */
    public double[] nodeDiameters() {
        SectionGeometry.of(this);  // recalc: diameters from the 3-D points
        double[] perNode = Arrays.copyOf(diam, nseg + 1);
        perNode[nseg] = diam[nseg - 1];
        return perNode;
    }

    /** Engine-internal: 1/(axial resistance to the previous node) [µS] per node, pnode order. */
    public double[] nodeRinv() {
        return SectionGeometry.of(this).rinv;
    }

    // ---- point processes ----

    public List<PointProcess> pointProcesses() {
        checkAlive();
        return Collections.unmodifiableList(pointProcesses);
    }

    void attachPointProcess(PointProcess pp, double x) {
        checkAlive();
        checkX(x);
        pointProcesses.add(pp);
        pp.place(this, nodeX(x));
        pp.setPlacement(model.nextPlacement());
    }

    /** A point process moved to another node by an nseg change, and the old segment it was on. */
    private record Relinked(PointProcess pp, int oldSegment) {}

    /**
     * Shrinking nseg, node_realloc (solve.cpp) keeps some old nodes and hands the point
     * processes of the others to a kept one by nrn_relocate_old_points: old node by old
     * node, each node's list from its head (latest placed first), each linked at the head
     * of its new node's list. Growing keeps every old node, with its list.
     */
    private void relink(List<Relinked> relinked) {
        relinked.sort(Comparator.comparingInt(Relinked::oldSegment)
                .thenComparing(Comparator.comparingLong((Relinked r) -> r.pp().placement()).reversed()));
        for (Relinked r : relinked) {
            r.pp().setPlacement(model.nextPlacement());
        }
    }

    void detachPointProcess(PointProcess pp) {
        pointProcesses.remove(pp);
    }

    /** The x NEURON reports for a point process placed at x: 0, 1 or its segment's centre. */
    private double nodeX(double x) {
        if (x == 0.0 || x == 1.0) {
            return x;
        }
        return centreX(pnodeIndexOfX(x, nseg));
    }

    private double centreX(int pnodeIndex) {
        int k = reversed() ? nseg - 1 - pnodeIndex : pnodeIndex;
        return (k + 0.5) / nseg;
    }

    // ---- indices ----

    /** Checks x and returns the pnode index of the segment containing it; InvalidValueException outside [0, 1]. */
    public int segment(double x) {
        checkAlive();
        checkX(x);
        return segmentIndex(x);
    }

    /** NEURON's node_index: the pnode index of the segment containing x. */
    private int segmentIndex(double x) {
        return segmentIndex(x, nseg);
    }

    private int segmentIndex(double x, int n) {
        int i = (int) (n * x);
        if (i == n) {
            i = n - 1;
        }
        return reversed() ? n - i - 1 : i;
    }

    /**
     * NEURON's node_exact as a pnode index: x=0/1 give the far end (nseg) or the
     * connecting end (-1: the parent's node, or the root node); else the segment's index.
     */
    private int pnodeIndexOfX(double x, int n) {
        if (x == 0.0 || x == 1.0) {
            double along = reversed() ? 1.0 - x : x;
            return along == 0.0 ? -1 : n;
        }
        return segmentIndex(x, n);
    }

    static void checkX(double x) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new InvalidValueException("x must be in [0, 1], got " + x);
        }
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new InvalidValueException(what + " must be > 0, got " + value);
        }
    }
}
