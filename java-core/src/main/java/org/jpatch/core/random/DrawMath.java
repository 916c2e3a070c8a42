package org.jpatch.core.random;

/**
 * log, exp and pow as the distributions call them. NEURON calls the host C library's; the
 * engine does too when the JVM grants native access ({@link HostLibm}: {@code
 * --enable-native-access=ALL-UNNAMED}, which the gateway passes), so draws equal NEURON's bit
 * for bit on the same host. Otherwise {@link RoundedMath}: correctly rounded, which glibc's
 * functions are too but in about one argument of a thousand (then 1 ulp apart).
 */
public final class DrawMath {
    private static final boolean HOST_LIBM = hostLibmLoads();

    private DrawMath() {}

    /** Whether the draws use the host C library (else RoundedMath). */
    public static boolean usesHostLibm() {
        return HOST_LIBM;
    }

    private static boolean hostLibmLoads() {
        // Asked first: without native access, linking would print the JVM's restricted-method warning.
        if (!DrawMath.class.getModule().isNativeAccessEnabled()) {
            return false;
        }
        try {
            return HostLibm.log(1.0) == 0.0;
        } catch (LinkageError | RuntimeException unavailable) {
            return false;  // no C library symbol of that name on this platform
        }
    }

    public static double log(double x) {
        return HOST_LIBM ? HostLibm.log(x) : RoundedMath.log(x);
    }

    public static double exp(double x) {
        return HOST_LIBM ? HostLibm.exp(x) : RoundedMath.exp(x);
    }

    public static double pow(double x, double y) {
        return HOST_LIBM ? HostLibm.pow(x, y) : RoundedMath.pow(x, y);
    }
}
