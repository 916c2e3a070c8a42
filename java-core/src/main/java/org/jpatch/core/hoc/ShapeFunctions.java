package org.jpatch.core.hoc;

import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;

/**
 * NEURON's shape functions (treeset.cpp): define_shape, and the edits of a section's 3-D points
 * (pt3dchange, pt3dinsert, pt3dremove, pt3dstyle) with the global pt3dconst. The section is
 * {@code sec=}, else the accessed one. Values return as hoc does (0 or 1 as floats); a point index
 * out of range is hoc's error, raised before anything changes. A negative diameter is accepted as
 * NEURON's spine mark (the point's diameter is its magnitude).
 */
final class ShapeFunctions {
    private ShapeFunctions() {}

    static void register(HocRegistry registry, Simulation sim) {
        HocOutput output = registry.output();
        registry.add(new HocFunction("define_shape",
                "define_shape(): gives every section without 3-D points NEURON's computed ones (a straight"
                        + " line from its connection point, branches fanned out in the x-y plane) and moves"
                        + " sections that have points onto their parents. Returns 1.",
                args -> {
                    args.expect(0, 0);
                    sim.model().defineShape(output::print);
                    return 1.0;
                }));
        registry.add(new HocFunction("pt3dchange",
                "pt3dchange(i, x, y, z, diam, sec=): moves 3-D point i and sets its diameter [µm];"
                        + " pt3dchange(i, diam, sec=) sets the diameter only.",
                args -> {
                    if (args.size() != 2 && args.size() != 5) {
                        throw new HocArgumentException(args.call() + " takes 2 or 5 arguments, got " + args.size());
                    }
                    Section sec = HocSections.section(args, sim);
                    int i = pointIndex(args, sec.n3d() - 1);
                    if (args.size() == 5) {
                        sec.pt3dchange(i, args.number(1), args.number(2), args.number(3), args.number(4));
                    } else {
                        sec.pt3dchange(i, args.number(1));
                    }
                    return 0.0;
                }));
        registry.add(new HocFunction("pt3dinsert",
                "pt3dinsert(i, x, y, z, diam, sec=): inserts a 3-D point [µm] before point i (0..n3d()).",
                args -> {
                    args.expect(5, 5);
                    Section sec = HocSections.section(args, sim);
                    int i = pointIndex(args, sec.n3d());
                    sec.pt3dinsert(i, args.number(1), args.number(2), args.number(3), args.number(4));
                    return 0.0;
                }));
        registry.add(new HocFunction("pt3dremove",
                "pt3dremove(i, sec=): removes 3-D point i; the later points' arcs follow.",
                args -> {
                    args.expect(1, 1);
                    Section sec = HocSections.section(args, sim);
                    sec.pt3dremove(pointIndex(args, sec.n3d() - 1));
                    return 0.0;
                }));
        registry.add(new HocFunction("pt3dconst",
                "pt3dconst([flag]): returns the flag (0 or 1) and, given one, sets it; while it is 1,"
                        + " assigning L or diam leaves the 3-D points (and so L and diam) as they are.",
                args -> {
                    args.expect(0, 1);
                    double before = sim.model().pt3dConst() ? 1.0 : 0.0;
                    if (args.size() == 1) {
                        sim.model().setPt3dConst((int) inRange(args, 0, 0, 1) == 1);
                    }
                    return before;
                }));
        registry.add(new HocFunction("pt3dstyle",
                "pt3dstyle([style, x, y, z], sec=): 1 when the section has a logical connection point;"
                        + " pt3dstyle(1, x, y, z) sets it [µm] (define_shape then moves the section by as"
                        + " much as its parent's end moved), pt3dstyle(0) returns to snapping the first 3-D"
                        + " point onto the parent.",
                args -> {
                    args.expect(0, 4);
                    Section sec = HocSections.section(args, sim);
                    if (args.size() > 0) {
                        boolean logical = (int) inRange(args, 0, 0, 1) == 1;
                        if (logical && args.size() != 4) {
                            throw new HocArgumentException(args.call() + "(1, x, y, z) needs the connection point,"
                                    + " got " + (args.size() - 1) + " coordinates");
                        }
                        if (logical) {
                            sec.setLogicalConnection(args.number(1), args.number(2), args.number(3));
                        } else {
                            sec.clearLogicalConnection();
                        }
                    }
                    return sec.hasLogicalConnection() ? 1.0 : 0.0;
                }));
    }

    /** Argument 0 as a point index in 0..max, hoc's chkarg. */
    private static int pointIndex(HocArgs args, int max) {
        int i = args.integer(0);
        if (i < 0 || i > max) {
            throw new HocExecError(args.call() + ": point index " + i + " out of range 0.." + max);
        }
        return i;
    }

    private static double inRange(HocArgs args, int index, double min, double max) {
        double x = args.number(index);
        if (!(x >= min && x <= max)) {
            throw new HocExecError(args.call() + " argument " + (index + 1) + " out of range " + min + ".." + max
                    + ": " + x);
        }
        return x;
    }
}
