package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The part of a generated kernel that lets the integrator split its step over two
 * threads, or says why it may not ({@link ThreadSafety}). A generated kernel keeps the
 * instance being computed ({@code k}, {@code v}) and its solvers' scratch in fields, so
 * the second thread computes its instances with a twin: a second object of the same
 * class over the same instance data. TABLEs and FUNCTION_TABLEs are read through
 * {@link #OWNER}, the kernel that builds and checks them (itself, or for a twin the
 * kernel it was made from), so one copy exists and a twin never rebuilds one. A twin has
 * its own GLOBALs when the step assigns some, and its own top-level LOCALs (fields, as
 * nocmodl's per-thread ones): it takes the kernel's values before each split sweep and
 * gives back those its last instance assigned ({@link ThreadSafety}).
 */
final class ThreadSplitCode {
    /** The field generated code reads TABLEs and FUNCTION_TABLEs through. */
    static final String OWNER = "owner";

    private final String className;
    private final ThreadSafety safety;
    private final UnaryOperator<String> field;
    private final List<Statement.LocalVariable> topLocals;

    /**
     * @param field the Java text of a GLOBAL or top-level LOCAL (a scalar, or an array's
     *     field), as the kernel's other code reads it
     */
    ThreadSplitCode(String className, ThreadSafety safety, UnaryOperator<String> field,
                    List<Statement.LocalVariable> topLocals) {
        this.className = className;
        this.safety = safety;
        this.field = field;
        this.topLocals = topLocals;
    }

    private boolean copiesGlobals() {
        return !safety.copiedAfterCurrents().isEmpty() || !safety.copiedAfterStates().isEmpty()
                || !topLocals.isEmpty();
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
     * The methods of {@link #interfaceNames()}; {@code currents} and {@code states} say
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
        // Janino types an array's clone() as Object (javac: the array type), hence the cast.
        lines.add("    twin.bind(data, nodes, globals, " + (copiesGlobals() ? "(double[]) typeGlobals.clone()" : "typeGlobals")
                + ");");
        lines.add("    return twin;");
        lines.add("}");
        if (copiesGlobals()) {
            lines.add("");
            lines.add("@Override");
            lines.add("public void takeGlobals() {");
            lines.add("    System.arraycopy(" + OWNER + ".typeGlobals, 0, typeGlobals, 0, typeGlobals.length);");
            for (Statement.LocalVariable local : topLocals) {
                String f = field.apply(local.name());
                lines.add(local.arraySize() > 0 ? "    System.arraycopy(" + OWNER + "." + f + ", 0, " + f + ", 0, "
                        + f + ".length);" : "    " + f + " = " + OWNER + "." + f + ";");
            }
            lines.add("}");
            lines.add("");
            lines.add("@Override");
            lines.add("public void giveGlobals(boolean states) {");
            lines.add("    if (states) {");
            safety.copiedAfterStates().stream().sorted().forEach(g -> lines.add("        " + giveBack(g)));
            lines.add("    } else {");
            safety.copiedAfterCurrents().stream().sorted().forEach(g -> lines.add("        " + giveBack(g)));
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

    private String giveBack(String scalar) {
        String f = field.apply(scalar);
        return OWNER + "." + f + " = " + f + ";";
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
