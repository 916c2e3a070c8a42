package org.jpatch.core.model;

/**
 * The C library's float functions that NEURON's define_shape calls (atan2f, and sinf/cosf as
 * its compiler fuses them into sincosf), computed as GNU libc computes them on x86-64 (glibc
 * 2.36, the oracle's): Java's double functions rounded to float differ from them in the last
 * bit for about 1 in 6 arc tangents and 1 in 80 cosines, which moves a drawn section by one
 * float ulp and every section drawn from it.
 *
 * <p>atan2f is fdlibm's single-precision algorithm (argument reduction to |x| &lt; 7/16 about
 * atan(0.5), atan(1), atan(1.5) or infinity, then an odd polynomial), all in float arithmetic.
 * sincosf reduces the angle by the nearest multiple of π/2 and evaluates even and odd
 * polynomials in double, with the fused multiply-adds the library's FMA build uses; only
 * |a| &lt; 120 rad is reduced (define_shape's angles stay within ±5.1 rad).
 */
final class CFloatMath {
    private CFloatMath() {}

    private static final float PI_O_4 = f(0x3f490fdb);
    private static final float PI_O_2 = f(0x3fc90fdb);
    private static final float PI = f(0x40490fdb);
    private static final float PI_LO = f(0xb3bbbd2e);
    // atan of 0.5, 1, 1.5 and infinity, as a float and the float of what it leaves
    private static final float[] ATAN_HI = {f(0x3eed6338), f(0x3f490fda), f(0x3f7b985e), f(0x3fc90fda)};
    private static final float[] ATAN_LO = {f(0x31ac3769), f(0x33222168), f(0x33140fb4), f(0x33a22168)};
    // atan(x) ≈ x - x·Σ AT[i]·x^(2i+2): odd terms in z = x², even terms in w = x⁴. AT[0] is the
    // library's 3.3333334327e-01f, 0x3eaaaaab (its source's comment says ...aa; the binary has ...ab).
    private static final float[] AT = {
        f(0x3eaaaaab), f(0xbe4ccccd), f(0x3e124925), f(0xbde38e38), f(0x3dba2e6e), f(0xbd9d8795),
        f(0x3d886b35), f(0xbd6ef16b), f(0x3d4bda59), f(0xbd15a221), f(0x3c8569d7),
    };

    private static final double HALF_PI_INV_2_24 = 0x1.45F306DC9C883p+23;  // 2/π scaled so the quadrant is in bits 24..31
    private static final double HALF_PI = 0x1.921FB54442D18p0;
    // cos(x) ≈ C0 + C1·x² + C2·x⁴ + C3·x⁶ + C4·x⁸; sin(x) ≈ x + S1·x³ + S2·x⁵ + S3·x⁷
    private static final double C0 = 0x1p0, C1 = -0x1.ffffffd0c621cp-2, C2 = 0x1.55553e1068f19p-5;
    private static final double C3 = -0x1.6c087e89a359dp-10, C4 = 0x1.99343027bf8c3p-16;
    private static final double S1 = -0x1.555545995a603p-3, S2 = 0x1.1107605230bc4p-7, S3 = -0x1.994eb3774cf24p-13;
    private static final float PI_O_4_F = 0x1.921FB6p-1f;
    private static final float SMALL = 0x1p-12f;
    private static final float REDUCED_LIMIT = 120.0f;

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    static float atanf(float x) {
        int hx = Float.floatToRawIntBits(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x4c000000) {  // |x| >= 2^25, or NaN
            if (ix > 0x7f800000) {
                return x + x;
            }
            return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
        }
        int id;
        if (ix < 0x3ee00000) {  // |x| < 7/16
            if (ix < 0x31000000) {  // |x| < 2^-29: atan(x) is x
                return x;
            }
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3f980000) {  // |x| < 19/16
                if (ix < 0x3f300000) {  // |x| < 11/16
                    id = 0;
                    x = (2.0f * x - 1.0f) / (2.0f + x);
                } else {
                    id = 1;
                    x = (x - 1.0f) / (x + 1.0f);
                }
            } else if (ix < 0x401c0000) {  // |x| < 39/16
                id = 2;
                x = (x - 1.5f) / (1.0f + 1.5f * x);
            } else {
                id = 3;
                x = -1.0f / x;
            }
        }
        float z = x * x;
        float w = z * z;
        float s1 = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
        float s2 = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
        if (id < 0) {
            return x - x * (s1 + s2);
        }
        z = ATAN_HI[id] - ((x * (s1 + s2) - ATAN_LO[id]) - x);
        return hx < 0 ? -z : z;
    }

    static float atan2f(float y, float x) {
        int hx = Float.floatToRawIntBits(x);
        int ix = hx & 0x7fffffff;
        int hy = Float.floatToRawIntBits(y);
        int iy = hy & 0x7fffffff;
        if (ix > 0x7f800000 || iy > 0x7f800000) {
            return x + y;
        }
        if (hx == 0x3f800000) {  // x = 1
            return atanf(y);
        }
        int m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2);  // 2·sign(x) + sign(y)
        if (iy == 0) {
            return m < 2 ? y : (m == 2 ? PI : -PI);
        }
        if (ix == 0) {
            return hy < 0 ? -PI_O_2 : PI_O_2;
        }
        if (ix == 0x7f800000) {
            if (iy == 0x7f800000) {
                return switch (m) {
                    case 0 -> PI_O_4;
                    case 1 -> -PI_O_4;
                    case 2 -> 3.0f * PI_O_4;
                    default -> -3.0f * PI_O_4;
                };
            }
            return switch (m) {
                case 0 -> 0.0f;
                case 1 -> -0.0f;
                case 2 -> PI;
                default -> -PI;
            };
        }
        if (iy == 0x7f800000) {
            return hy < 0 ? -PI_O_2 : PI_O_2;
        }
        int k = (iy - ix) >> 23;
        float z;
        if (k > 60) {
            z = PI_O_2 + 0.5f * PI_LO;
        } else if (hx < 0 && k < -60) {
            z = 0.0f;
        } else {
            z = atanf(Math.abs(y / x));
        }
        return switch (m) {
            case 0 -> z;
            case 1 -> -z;
            case 2 -> PI - (z - PI_LO);
            default -> (z - PI_LO) - PI;
        };
    }

    static float sinf(float a) {
        return sincosf(a, true);
    }

    static float cosf(float a) {
        return sincosf(a, false);
    }

    private static int abstop12(float a) {
        return (Float.floatToRawIntBits(a) >>> 20) & 0x7ff;
    }

    private static float sincosf(float a, boolean sine) {
        int top = abstop12(a);
        if (top >= abstop12(REDUCED_LIMIT)) {
            throw new IllegalArgumentException("sincosf is reduced here only for |a| < 120 rad, got " + a);
        }
        double x = a;
        if (top < abstop12(PI_O_4_F)) {
            if (top < abstop12(SMALL)) {
                return sine ? a : 1.0f;
            }
            return polynomial(x, x * x, 1.0, 0, sine);
        }
        int n = ((int) (x * HALF_PI_INV_2_24) + 0x800000) >> 24;  // the nearest quadrant
        x = Math.fma(-n, HALF_PI, x);
        double sign = (n & 3) == 1 || (n & 3) == 2 ? -1.0 : 1.0;  // of the sine in that quadrant
        double cosineSign = (n & 2) != 0 ? -1.0 : 1.0;
        return polynomial(x * sign, x * x, cosineSign, n, sine);
    }

    /** sin and cos of x in (-π/4, π/4) (swapped in odd quadrants); the cosine times cosineSign. */
    private static float polynomial(double x, double x2, double cosineSign, int n, boolean sine) {
        if (((n & 1) == 0) == sine) {
            double x3 = x2 * x;
            double x5 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x5, Math.fma(x2, S3, S2), s);
        }
        double x4 = x2 * x2;
        double x6 = x4 * x2;
        double c1 = Math.fma(x2, cosineSign * C1, cosineSign * C0);
        double c = Math.fma(x4, cosineSign * C2, c1);
        return (float) Math.fma(x6, Math.fma(x2, cosineSign * C4, cosineSign * C3), c);
    }
}
