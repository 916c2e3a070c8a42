package org.jpatch.core.model;

/**
 * treeset.cpp's diam_from_list: per segment, trapezoidal integration over the 3-D
 * points of diameter, lateral (frustum) area and axial resistance, each segment split
 * in two halves so the resistance towards each neighbour is known.
 */
final class SegmentIntegration {
    private SegmentIntegration() {}

    /**
     * Fills {@code area} [µm²] and {@code rinv} [µS] for the nseg centre nodes, updates
     * {@code diam} [µm] where the integrated value differs by more than 1e-9 µm, and
     * returns the right-half resistance [MΩ] of the last segment.
     */
    static double fromPoints(double[] arc, float[] d, int npt, int nseg, double ra,
                             double[] diam, double[] area, double[] rinv) {
        int j = 0;
        double x1 = arc[0];
        double y1 = Math.abs(d[0]);
        double ds = arc[npt - 1] / ((double) nseg);
        double rright = 0.;
        for (int inode = 0; inode < nseg; inode++) {
            double si = (double) inode * ds;
            double diamSum = 0.;
            double areaSum = 0.;
            double rleft = 0.;
            double ri = 0.;
            for (int ihalf = 0; ihalf < 2; ihalf++) {
                ri = 0.;
                double sip = si + ds / 2.;
                for (;;) {
                    int jp = j + 1;
                    int jnext;
                    double x2, y2;
                    double xj = arc[j];
                    double xjp = arc[jp];
                    if (xjp > sip || jp == npt - 1) {
                        double frac = Math.abs(xjp - xj) < 1e-10 ? 1 : (sip - xj) / (xjp - xj);
                        x2 = sip;
                        y2 = (1. - frac) * Math.abs(d[j]) + frac * Math.abs(d[jp]);
                        jnext = j;
                    } else {
                        x2 = xjp;
                        y2 = Math.abs(d[jp]);
                        jnext = jp;
                    }
                    double delta = x2 - x1;
                    diamSum += (y2 + y1) * delta;
                    if (delta < 1e-15) {
                        delta = 1e-15;
                    }
                    double temp = y2 * y1 / delta;
                    if (temp == 0) {
                        temp = 1e-15;
                    }
                    ri += 1 / temp;
                    temp = .5 * (y2 - y1);
                    temp = Math.sqrt(delta * delta + temp * temp);
                    areaSum += (y2 + y1) * temp;
                    x1 = x2;
                    y1 = y2;
                    if (j == jnext) {
                        break;
                    }
                    j = jnext;
                }
                if (ihalf == 0) {
                    rleft = ri * ra / Math.PI * (4. * .01);
                } else {
                    ri = ri * ra / Math.PI * (4. * .01);
                }
                si = sip;
            }
            rinv[inode] = 1. / (rright + rleft);
            diamSum *= .5 / ds;
            if (Math.abs(diamSum - diam[inode]) > 1e-9 || diamSum < 1e-5) {
                diam[inode] = diamSum;
            }
            area[inode] = areaSum * .5 * Math.PI;
            rright = ri;
        }
        return rright;
    }
}
