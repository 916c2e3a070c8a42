package org.jpatch.core.random;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.SymbolLookup;

/**
 * The host C library's log, exp and pow, called through JDK 17's foreign linker: the functions
 * NEURON's distributions call, so the same bits on the same host. Loading this class fails
 * (a LinkageError) unless the JVM runs with {@code --add-modules jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}; {@link DrawMath} then falls back to RoundedMath.
 */
final class HostLibm {
    private static final MethodHandle LOG;
    private static final MethodHandle EXP;
    private static final MethodHandle POW;

    static {
        CLinker linker = CLinker.getInstance();
        SymbolLookup lookup = CLinker.systemLookup();
        MethodType unary = MethodType.methodType(double.class, double.class);
        FunctionDescriptor unaryC = FunctionDescriptor.of(CLinker.C_DOUBLE, CLinker.C_DOUBLE);
        LOG = linker.downcallHandle(lookup.lookup("log").orElseThrow(), unary, unaryC);
        EXP = linker.downcallHandle(lookup.lookup("exp").orElseThrow(), unary, unaryC);
        POW = linker.downcallHandle(lookup.lookup("pow").orElseThrow(),
                MethodType.methodType(double.class, double.class, double.class),
                FunctionDescriptor.of(CLinker.C_DOUBLE, CLinker.C_DOUBLE, CLinker.C_DOUBLE));
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
