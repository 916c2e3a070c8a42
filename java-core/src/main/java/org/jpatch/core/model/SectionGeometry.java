package org.jpatch.core.model;

/**
 * treeset.cpp's nrn_area_ri for one section: per node (pnode order) the membrane area
 * and the inverse axial resistance to the previous node. Cylinders of length L/nseg
 * without 3-D points; trapezoidal integration over the points with two or more.
 */
final class SectionGeometry {
    private static final double FAR_END_AREA = 1.e2;  // NEURON's placeholder on zero-area nodes

    final double[] area;  // [µm²], nseg+1 entries
    final double[] rinv;  // [µS], nseg+1 entries
    private final long version;

    private SectionGeometry(int nseg, long version) {
        this.area = new double[nseg + 1];
        this.rinv = new double[nseg + 1];
        this.version = version;
    }

    /** The section's geometry, recomputed only when the model's geometry changed. */
    static SectionGeometry of(Section sec) {
        long version = sec.modelGeometryVersion();
        SectionGeometry g = sec.cachedGeometry();
        if (g != null && g.version == version && g.area.length == sec.nseg() + 1) {
            return g;
        }
        g = compute(sec, version);
        sec.cacheGeometry(g);
        return g;
    }

    private static SectionGeometry compute(Section sec, long version) {
        int nseg = sec.nseg();
        SectionGeometry g = new SectionGeometry(nseg, version);
        double ra = sec.Ra();  // [Ω·cm]
        double[] diam = sec.segmentDiameters();
        Points3d pts = sec.points();
        double rright;  // [MΩ] right half of the previous segment
        if (pts.count() > 1) {
            rright = SegmentIntegration.fromPoints(pts.arcs(), pts.diameters(), pts.count(), nseg, ra, diam,
                    g.area, g.rinv);
        } else {
            double dx = sec.storedLength() / ((double) nseg);
            rright = 0.;
            for (int j = 0; j < nseg; j++) {
                double dj = diam[j];
                g.area[j] = Math.PI * dj * dx;
                double rleft = 1e-2 * ra * (dx / 2) / (Math.PI * dj * dj / 4.);
                g.rinv[j] = 1. / (rleft + rright);
                rright = rleft;
            }
        }
        g.area[nseg] = FAR_END_AREA;
        g.rinv[nseg] = 1. / rright;
        return g;
    }
}
