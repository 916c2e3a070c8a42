package org.jpatch.core.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * NEURON's define_shape (treeset.cpp, nrn_define_shape), re-expressed. Sections are visited in
 * NEURON's section order, so a parent has its points before its children. A section without
 * 3-D points gets a straight line of them in the plane of its tree: a root starts at
 * (0, 0, 100 µm × its place in the order) and points along x; a child starts at its connection
 * point on the parent's first-to-last chord and points along that chord (backwards when it
 * connects in the parent's first half), turned by 90° when it connects inside the parent and
 * fanned out over ±0.4 rad among siblings at the same place. A section that has points is moved
 * so it starts at its connection point. NEURON computes in float here (its Pt3d fields, the
 * position and angle variables, the C library's atan2f and sincosf): so does this
 * ({@link CFloatMath}), to give the same points.
 */
final class ShapeDefinition {
    private static final float ROOT_SPACING = 100f;  // [µm] in z between roots

    private ShapeDefinition() {}

    static void define(Model model, Consumer<String> print) {
        List<Section> order = model.sectionOrder();
        for (int i = 0; i < order.size(); i++) {
            Section sec = order.get(i);
            Section parent = sec.parent();
            double arc = sec.parentX();
            float x, y, z, dx, dy;  // [µm] the connection point, and the direction to draw along
            if (parent == null) {
                x = 0;
                y = 0;
                z = i * ROOT_SPACING;
                dx = 1;
                dy = 0;
            } else {
                Points3d pp = parent.points();
                int last = pp.count() - 1;
                float firstX = (float) pp.x(0), firstY = (float) pp.y(0), firstZ = (float) pp.z(0);
                float lastX = (float) pp.x(last), lastY = (float) pp.y(last), lastZ = (float) pp.z(last);
                double along = parent.childX() == 0.0 ? arc : 1.0 - arc;  // from the parent's first point
                dx = lastX - firstX;
                dy = lastY - firstY;
                if (along < 0.5) {
                    dx = -dx;
                    dy = -dy;
                }
                x = (float) (lastX * along + firstX * (1 - along));
                y = (float) (lastY * along + firstY * (1 - along));
                z = (float) (lastZ * along + firstZ * (1 - along));
            }
            if (sec.points().count() > 0) {
                if (parent != null) {
                    sec.translateConnectionTo(x, y, z);
                }
                continue;
            }
            float angle;  // [rad]
            if (Math.abs(dy) < 1e-6 && Math.abs(dx) < 1e-6) {
                print.accept("nrn_define_shape: " + parent.name() + " first and last 3-d point at same (x,y)\n");
                angle = 0;
            } else {
                angle = CFloatMath.atan2f(dy, dx);
            }
            if (arc > 0 && arc < 1) {
                angle = (float) (angle + Math.PI / 2);
            }
            if (parent != null) {
                angle = fanOut(angle, sec, parent, arc);
            }
            addLine(sec, x, y, z, angle);
        }
    }

    /** Siblings at the same connection point spread over 0.8 rad in their sibling order. */
    private static float fanOut(float angle, Section sec, Section parent, double arc) {
        float siblings = 0, index = 0;
        for (Section child : parent.childrenInOrder()) {
            if (child == sec) {
                index = siblings;
            }
            if (child.parentX() == arc) {
                siblings++;
            }
        }
        if (siblings > 1) {
            return (float) (angle + (index / (siblings - 1.0) * .8 - .4));
        }
        return angle;
    }

    /**
     * The section's points: its start, one at each segment centre, its end; each takes the
     * diameter of its segment (the end the last segment's). The last arc is the section's length
     * exactly, free of the round-off of the float coordinates.
     */
    private static void addLine(Section sec, float x, float y, float z, float angle) {
        double length = sec.storedLength();
        double[] diam = sec.segmentDiameters();  // [µm] in node order from the connecting end
        int nseg = diam.length;
        float endX = (float) (x + length * CFloatMath.cosf(angle));
        float endY = (float) (y + length * CFloatMath.sinf(angle));
        Points3d points = sec.points();
        points.add(x, y, z, diam[0]);
        for (int j = 0; j < nseg; j++) {
            double frac = (j + .5) / nseg;
            points.add(x * (1 - frac) + endX * frac, y * (1 - frac) + endY * frac, z, diam[j]);
        }
        points.add(endX, endY, z, diam[nseg - 1]);
        points.setLastArc(length);
        sec.shapeDefined();
    }
}
