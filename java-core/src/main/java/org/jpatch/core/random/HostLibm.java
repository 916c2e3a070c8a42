package org.jpatch.core.random;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The host C library's log, exp and pow, called through the Foreign Function &amp; Memory API: the
 * functions NEURON's distributions call, so the same bits on the same host. Linking them is a
 * restricted operation: {@link DrawMath} uses this class only when the JVM grants native access
 * ({@code --enable-native-access=ALL-UNNAMED}), else RoundedMath.
 */
final class HostLibm {
    private static final MethodHandle LOG;
    private static final MethodHandle EXP;
    private static final MethodHandle POW;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lookup = linker.defaultLookup();
        FunctionDescriptor unary = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
        LOG = linker.downcallHandle(lookup.find("log").orElseThrow(), unary);
        EXP = linker.downcallHandle(lookup.find("exp").orElseThrow(), unary);
        POW = linker.downcallHandle(lookup.find("pow").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private HostLibm() {}

    static double log(double x) {
        try {
            return (double) LOG.invokeExact(x);
        } catch (Throwable e) {
            throw new IllegalStateException("the C library's log failed", e);
        }
    }

    static double exp(double x) {
        try {
            return (double) EXP.invokeExact(x);
        } catch (Throwable e) {
            throw new IllegalStateException("the C library's exp failed", e);
        }
    }

    static double pow(double x, double y) {
        try {
            return (double) POW.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("the C library's pow failed", e);
        }
    }
}
