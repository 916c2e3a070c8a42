package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a generated kernel that lets the integrator split its step over two
 * threads, or says why it may not ({@link ThreadSafety}). A generated kernel keeps the
 * instance being computed ({@code k}, {@code v}) and its solvers' scratch in fields, so
 * the second thread computes its instances with a twin: a second object of the same
 * class over the same instance data. TABLEs and FUNCTION_TABLEs are read through
 * {@link #OWNER}, the kernel that builds and checks them (itself, or for a twin the
 * kernel it was made from), so one copy exists and a twin never rebuilds one. A twin of a
 * kernel whose step assigns GLOBALs has its own copy of the GLOBALs ({@link ThreadSafety}).
 */
final class ThreadSplitCode {
    /** The field generated code reads TABLEs and FUNCTION_TABLEs through. */
    static final String OWNER = "owner";

    private final String className;
    private final ThreadSafety safety;
    private final List<MechanismInterface.Variable> globals;

    ThreadSplitCode(String className, ThreadSafety safety, List<MechanismInterface.Variable> globals) {
        this.className = className;
        this.safety = safety;
        this.globals = globals;
    }

    private boolean copiesGlobals() {
        return !safety.copiedAfterCurrents().isEmpty() || !safety.copiedAfterStates().isEmpty();
    }

    /** The engine interfaces the kernel implements: split with a twin, or kept on one thread. */
    String interfaceNames() {
        if (!safety.splittable()) {
            return "org.jpatch.core.mech.SingleThreadKernel";
        }
        return "org.jpatch.core.mech.TwinRangeKernel"
                + (copiesGlobals() ? ", org.jpatch.core.mech.ThreadGlobals" : "");
    }

    List<String> ownerField() {
        return List.of("private " + className + " " + OWNER + " = this; // whose TABLEs this kernel reads");
    }

    /**
     * The methods of {@link #interfaceName()}; {@code currents} and {@code states} say
     * whether the kernel has range versions of current() and state() (else their ranges
     * have nothing to compute).
     */
    List<String> methods(boolean currents, boolean states) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("@Override");
        if (!safety.splittable()) {
            lines.add("public String singleThreadReason() {");
            lines.add("    return \"" + javaString(safety.reason()) + "\";");
            lines.add("}");
            return lines;
        }
        lines.add("public org.jpatch.core.mech.RangeKernel twin() {");
        lines.add("    " + className + " twin = new " + className + "();");
        lines.add("    twin." + OWNER + " = this;");
        lines.add("    twin.bind(data, nodes, globals, " + (copiesGlobals() ? "typeGlobals.clone()" : "typeGlobals") + ");");
        lines.add("    return twin;");
        lines.add("}");
        if (copiesGlobals()) {
            lines.add("");
            lines.add("@Override");
            lines.add("public void takeGlobals() {");
            lines.add("    System.arraycopy(" + OWNER + ".typeGlobals, 0, typeGlobals, 0, typeGlobals.length);");
            lines.add("}");
            lines.add("");
            lines.add("@Override");
            lines.add("public void giveGlobals(boolean states) {");
            lines.add("    if (states) {");
            safety.copiedAfterStates().stream().sorted().forEach(g -> lines.add("        " + give(g)));
            lines.add("    } else {");
            safety.copiedAfterCurrents().stream().sorted().forEach(g -> lines.add("        " + give(g)));
            lines.add("    }");
            lines.add("}");
        }
        if (!currents) {
            lines.add("");
            lines.add("@Override");
            lines.add("public void current(int from, int to) {");
            lines.add("}");
        }
        if (!states) {
            lines.add("");
            lines.add("@Override");
            lines.add("public void state(int from, int to) {");
            lines.add("}");
        }
        return lines;
    }

    private String give(String global) {
        for (int g = 0; g < globals.size(); g++) {
            if (globals.get(g).name().equals(global)) {
                return OWNER + ".typeGlobals[" + g + "] = typeGlobals[" + g + "];";
            }
        }
        throw new IllegalStateException(global + " is no GLOBAL");
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
