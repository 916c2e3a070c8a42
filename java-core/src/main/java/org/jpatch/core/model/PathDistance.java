package org.jpatch.core.model;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jpatch.core.TopologyException;

/**
 * NEURON's path distance ({@code distance()} in nrnoc/solve.cpp, with topol_distance and
 * node_dist): the length along the tree between the nodes two locations fall on. A
 * location's node is the centre of the segment holding x, or the section's end when x is
 * 0 or 1, so distances step from centre to centre as NEURON's do. Locations in different
 * trees are {@link #UNCONNECTED} apart, as in NEURON. Also keeps NEURON's one origin for the
 * one-location form.
 */
public final class PathDistance {
    /** NEURON's distance between two locations that no path joins. */
    public static final double UNCONNECTED = 1e20;

    private Section originSection;
    private double originX;

    /** NEURON's {@code distance(0, x, sec=section)}: the origin of {@link #fromOrigin}. */
    public void setOrigin(Section section, double x) {
        section.segment(x); // checks that the section is alive and x in [0, 1]
        originSection = section;
        originX = x;
    }

    /** NEURON's {@code distance(1, x, sec=section)}: from the origin set last. */
    public double fromOrigin(Section section, double x) {
        if (originSection == null || originSection.isDeleted()) {
            throw new TopologyException("distance origin not valid: set it first with distance(0, x, sec=section)"
                    + (originSection == null ? "" : " (the origin's section " + originSection + " was deleted)"));
        }
        return between(originSection, originX, section, x);
    }

    /** NEURON's {@code distance(seg1, seg2)}. */
    public static double between(Section a, double xa, Section b, double xb) {
        // Walk up from a, noting for each section on the way the distance walked to reach
        // it and where on it (offset from its connecting end) the walk arrived.
        Map<Section, double[]> walkFromA = new IdentityHashMap<>();
        double walked = 0.0;
        double offset = nodeOffset(a, xa);
        for (Section s = a; s != null; s = s.parent()) {
            walkFromA.put(s, new double[] {walked, offset});
            walked += offset;
            if (s.parent() != null) {
                offset = nodeOffset(s.parent(), s.parentX());
            }
        }
        // Walk up from b until a section of a's walk: the lowest common section.
        walked = 0.0;
        offset = nodeOffset(b, xb);
        for (Section s = b; s != null; s = s.parent()) {
            double[] fromA = walkFromA.get(s);
            if (fromA != null) {
                return fromA[0] + walked + Math.abs(fromA[1] - offset);
            }
            walked += offset;
            if (s.parent() != null) {
                offset = nodeOffset(s.parent(), s.parentX());
            }
        }
        return UNCONNECTED;
    }

    /**
     * NEURON's node_dist(sec, node_exact(sec, x)): how far x's node lies from the section's
     * connecting end — 0 or L at the ends, else the centre of x's segment (node_index, which
     * counts from the connecting end also in a section connected by its 1 end).
     */
    static double nodeOffset(Section s, double x) {
        int segment = s.segment(x);
        if (x <= 0.0 || x >= 1.0) {
            boolean connectingEnd = (x <= 0.0) != (s.childX() == 1.0);
            return connectingEnd ? 0.0 : s.L();
        }
        return s.L() * ((segment + 0.5) / s.nseg());
    }
}
