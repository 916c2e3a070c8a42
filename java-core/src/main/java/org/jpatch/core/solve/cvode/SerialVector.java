package org.jpatch.core.solve.cvode;

/**
 * SUNDIALS' serial N_Vector operations, each with the special cases of
 * nvector_serial.c: which one runs decides how a sum is rounded, so CVODE's step
 * sequence depends on them (a·(x+y) and a·x+a·y differ in the last bit).
 */
final class SerialVector {
    private SerialVector() {}

    /** N_VLinearSum: z = a·x + b·y. */
    static void linearSum(double a, double[] x, double b, double[] y, double[] z) {
        int n = z.length;
        if (b == 1.0 && z == y) {
            axpy(a, x, y);
            return;
        }
        if (a == 1.0 && z == x) {
            axpy(b, y, x);
            return;
        }
        if (a == 1.0 && b == 1.0) {
            for (int i = 0; i < n; i++) {
                z[i] = x[i] + y[i];
            }
            return;
        }
        if (a == 1.0 && b == -1.0) {
            for (int i = 0; i < n; i++) {
                z[i] = x[i] - y[i];
            }
            return;
        }
        if (a == -1.0 && b == 1.0) {
            for (int i = 0; i < n; i++) {
                z[i] = y[i] - x[i];
            }
            return;
        }
        if (a == 1.0 || b == 1.0) {  // z = c·v1 + v2
            boolean aIsOne = a == 1.0;
            double c = aIsOne ? b : a;
            double[] v1 = aIsOne ? y : x, v2 = aIsOne ? x : y;
            for (int i = 0; i < n; i++) {
                z[i] = c * v1[i] + v2[i];
            }
            return;
        }
        if (a == -1.0 || b == -1.0) {  // z = c·v1 - v2
            boolean aIsMinusOne = a == -1.0;
            double c = aIsMinusOne ? b : a;
            double[] v1 = aIsMinusOne ? y : x, v2 = aIsMinusOne ? x : y;
            for (int i = 0; i < n; i++) {
                z[i] = c * v1[i] - v2[i];
            }
            return;
        }
        if (a == b) {
            for (int i = 0; i < n; i++) {
                z[i] = a * (x[i] + y[i]);
            }
            return;
        }
        if (a == -b) {
            for (int i = 0; i < n; i++) {
                z[i] = a * (x[i] - y[i]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            z[i] = a * x[i] + b * y[i];
        }
    }

    /** y += a·x (Vaxpy_Serial). */
    private static void axpy(double a, double[] x, double[] y) {
        int n = y.length;
        if (a == 1.0) {
            for (int i = 0; i < n; i++) {
                y[i] += x[i];
            }
        } else if (a == -1.0) {
            for (int i = 0; i < n; i++) {
                y[i] -= x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[i] += a * x[i];
            }
        }
    }

    /** N_VScale: z = c·x. */
    static void scale(double c, double[] x, double[] z) {
        int n = z.length;
        if (z == x) {
            for (int i = 0; i < n; i++) {
                x[i] *= c;
            }
        } else if (c == 1.0) {
            System.arraycopy(x, 0, z, 0, n);
        } else if (c == -1.0) {
            for (int i = 0; i < n; i++) {
                z[i] = -x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                z[i] = c * x[i];
            }
        }
    }

    /** N_VWrmsNorm: sqrt(Σ(x·w)² / n), summed in index order. */
    static double wrmsNorm(double[] x, double[] w) {
        double sum = 0.0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double p = x[i] * w[i];
            sum += p * p;
        }
        return sqrt(sum / n);
    }

    /** RSqrt: 0 for arguments <= 0. */
    static double sqrt(double x) {
        return x <= 0.0 ? 0.0 : Math.sqrt(x);
    }

    /** RPowerR: 0 for bases <= 0. */
    static double powerR(double base, double exponent) {
        return base <= 0.0 ? 0.0 : Math.pow(base, exponent);
    }

    /** RPowerI: repeated multiplication, reciprocal for negative exponents. */
    static double powerI(double base, int exponent) {
        double prod = 1.0;
        for (int i = 1, e = Math.abs(exponent); i <= e; i++) {
            prod *= base;
        }
        return exponent < 0 ? 1.0 / prod : prod;
    }
}
