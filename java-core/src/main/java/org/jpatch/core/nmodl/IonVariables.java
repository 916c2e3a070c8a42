package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NeuronStatement;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The Java of a mechanism's USEION variables, as nocmodl's nrn_init/nrn_cur/nrn_state
 * handle them: each kernel loop starts an instance by copying the ion's values into the
 * mechanism's own variables ({@code cai = _ion_cai}), and ends it by copying written
 * concentrations back ({@code _ion_cai = cai}); after INITIAL a written concentration also
 * sets the reversal potential by Nernst when the ion's style says so (nrn_wrote_conc).
 * A written current is the mechanism's own value that current() adds into the ion. A
 * variable only READ and never assigned is read from the ion in place: the same value,
 * without the copy.
 */
final class IonVariables {
    private final MechanismInterface mechanism;
    private final Set<String> assigned;
    private final Map<String, String> fileScope;
    private final List<String> copies = new ArrayList<>();

    /** @param assigned every name some statement of the file assigns */
    IonVariables(MechanismInterface mechanism, Set<String> assigned, Map<String, String> fileScope) {
        this.mechanism = mechanism;
        this.assigned = assigned;
        this.fileScope = fileScope;
    }

    /** The ion currents a USEION writes ({@code ica}): everything else it writes is a concentration. */
    static List<String> writtenCurrents(MechanismInterface.Ion ion) {
        return ion.write().stream().filter(w -> w.equals("i" + ion.ion())).toList();
    }

    static List<String> writtenConcentrations(MechanismInterface.Ion ion) {
        return ion.write().stream().filter(w -> w.equals(ion.ion() + "i") || w.equals(ion.ion() + "o")).toList();
    }

    /** Field declarations; puts each variable's Java into the file scope. */
    List<String> fields() {
        List<String> lines = new ArrayList<>();
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            String row = "row_" + ion.ion();
            lines.add("private int[] " + row + ";");
            for (String name : ionArrays(ion)) {
                lines.add("private double[] x_" + name + ";");
            }
            if (!writtenConcentrations(ion).isEmpty()) {
                lines.add("private int[] style_" + ion.ion() + ";");
            }
            for (String name : variables(ion)) {
                boolean current = writtenCurrents(ion).contains(name);
                boolean direct = !current && !ion.write().contains(name) && !assigned.contains(name);
                if (direct) {
                    fileScope.put(name, "x_" + name + "[" + row + "[k]]");
                    continue;
                }
                if (!fileScope.containsKey(name)) {  // a RANGE current is already the mechanism's column
                    lines.add("private double w_" + name + ";");
                    fileScope.put(name, "w_" + name);
                }
                if (!current || ion.read().contains(name)) {
                    copies.add(name);
                }
            }
        }
        return lines;
    }

    /** In bound(): the ion arrays and the instances' rows in them. */
    List<String> bind() {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < mechanism.ions().size(); u++) {
            MechanismInterface.Ion ion = mechanism.ions().get(u);
            String ionData = "data.ions[" + u + "]";
            lines.add("row_" + ion.ion() + " = data.ionRow[" + u + "];");
            for (String name : ionArrays(ion)) {
                lines.add("x_" + name + " = " + ionData + ".vars[" + ionData + ".type.indexOf(\"" + name + "\")];");
            }
            if (!writtenConcentrations(ion).isEmpty()) {
                lines.add("style_" + ion.ion() + " = " + ionData + ".flags;");
            }
        }
        return lines;
    }

    /** At the start of each instance in every kernel loop: the ion's values into the mechanism's copies. */
    List<String> copyIn() {
        List<String> lines = new ArrayList<>();
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            for (String name : variables(ion)) {
                if (copies.contains(name)) {
                    lines.add(fileScope.get(name) + " = x_" + name + "[row_" + ion.ion() + "[k]];");
                }
            }
        }
        return lines;
    }

    /** At the end of each instance in every kernel loop: written concentrations back into the ion. */
    List<String> writeBack() {
        List<String> lines = new ArrayList<>();
        for (MechanismInterface.Ion ion : mechanism.ions()) {
            for (String name : writtenConcentrations(ion)) {
                lines.add("x_" + name + "[row_" + ion.ion() + "[k]] = " + fileScope.get(name) + ";");
            }
        }
        return lines;
    }

    /** After INITIAL's write-back: eion.cpp's nrn_wrote_conc, Nernst where the style has einit (040). */
    List<String> wroteConcentrations() {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < mechanism.ions().size(); u++) {
            MechanismInterface.Ion ion = mechanism.ions().get(u);
            if (writtenConcentrations(ion).isEmpty()) {
                continue;
            }
            String x = ion.ion(), row = "row_" + x + "[k]";
            lines.add("if ((style_" + x + "[" + row + "] & org.jpatch.core.mech.IonStyle.INIT_REVERSAL) != 0) {");
            lines.add("    x_e" + x + "[" + row + "] = org.jpatch.core.mech.IonStyle.nernst(x_" + x + "i[" + row
                    + "], x_" + x + "o[" + row + "], data.ions[" + u + "].type.ionCharge(), globals.celsius);");
            lines.add("}");
        }
        return lines;
    }

    /** The USEION's variables, READ ones first, each once. */
    private static Set<String> variables(MechanismInterface.Ion ion) {
        Set<String> names = new LinkedHashSet<>(ion.read());
        names.addAll(ion.write());
        return names;
    }

    /** The ion's arrays the kernel touches: its variables, dI/dv of written currents, e/ci/co for Nernst. */
    private static Set<String> ionArrays(MechanismInterface.Ion ion) {
        Set<String> names = variables(ion);
        for (String current : writtenCurrents(ion)) {
            names.add("d" + current + "_dv_");
        }
        if (!writtenConcentrations(ion).isEmpty()) {
            names.addAll(List.of("e" + ion.ion(), ion.ion() + "i", ion.ion() + "o"));
        }
        return names;
    }

    /**
     * nocmodl's refusal (cvode_conc_map, when the BREAKPOINT has exactly one SOLVE of a
     * DERIVATIVE or KINETIC block): a concentration WRITTEN but not a STATE must be assigned
     * in a FUNCTION, PROCEDURE, DERIVATIVE, KINETIC, LINEAR or NONLINEAR block, the
     * statement CVODE would use to keep it current.
     */
    static void requireConcentrationAssignments(NeuronStatement.UseIon use, List<ModelItem> items) {
        ModelItem.CodeBlock breakpoint = null;
        Set<String> states = new java.util.HashSet<>();
        Set<String> solvable = new java.util.HashSet<>();
        List<ModelItem> procfunc = new ArrayList<>();
        for (ModelItem item : items) {
            if (item instanceof ModelItem.CodeBlock block && block.kind() == ModelItem.BlockKind.BREAKPOINT) {
                breakpoint = block;
            } else if (item instanceof ModelItem.CodeBlock block && block.kind() != ModelItem.BlockKind.INITIAL) {
                procfunc.add(item);
                if (block.kind() == ModelItem.BlockKind.DERIVATIVE || block.kind() == ModelItem.BlockKind.KINETIC) {
                    solvable.add(block.name());
                }
            } else if (item instanceof ModelItem.Function) {
                procfunc.add(item);
            } else if (item instanceof ModelItem.Variables variables && variables.state()) {
                variables.variables().forEach(v -> states.add(v.name()));
            }
        }
        List<Statement.Solve> solves = breakpoint == null ? List.of() : breakpoint.body().stream()
                .filter(s -> s instanceof Statement.Solve).map(s -> (Statement.Solve) s).toList();
        if (solves.size() != 1 || !solvable.contains(solves.get(0).block())) {
            return;
        }
        Set<String> assignedThere = assignedNames(procfunc);
        for (String conc : use.write()) {
            boolean concentration = conc.equals(use.ion() + "i") || conc.equals(use.ion() + "o");
            if (concentration && !states.contains(conc) && !assignedThere.contains(conc)) {
                throw new NmodlSyntaxException(use.position(), conc + " is WRITE but is not a STATE and has no"
                        + " assignment statement in a FUNCTION, PROCEDURE, DERIVATIVE or KINETIC block (nocmodl's rule)");
            }
        }
    }

    /** Every name some assignment in the file targets (nocmodl lets a READ ion variable be assigned: its copy). */
    static Set<String> assignedNames(List<ModelItem> items) {
        Set<String> names = new java.util.HashSet<>();
        for (ModelItem item : items) {
            if (item instanceof ModelItem.CodeBlock block) {
                collectAssigned(block.body(), names);
            } else if (item instanceof ModelItem.Function function) {
                collectAssigned(function.body(), names);
            } else if (item instanceof ModelItem.NetReceive netReceive) {
                collectAssigned(netReceive.body(), names);
            }
        }
        return names;
    }

    private static void collectAssigned(List<Statement> body, Set<String> names) {
        for (Statement s : body) {
            if (s instanceof Statement.Assign assign) {
                names.add(assign.target().name());
            } else if (s instanceof Statement.Protect protect) {
                names.add(protect.assignment().target().name());
            } else if (s instanceof Statement.If i) {
                collectAssigned(i.body(), names);
                collectAssigned(i.elseBody(), names);
            } else if (s instanceof Statement.While w) {
                collectAssigned(w.body(), names);
            } else if (s instanceof Statement.FromLoop f) {
                collectAssigned(f.body(), names);
            } else if (s instanceof Statement.Block b) {
                collectAssigned(b.body(), names);
            } else if (s instanceof Statement.NetReceiveInitial n) {
                collectAssigned(n.body(), names);
            } else if (s instanceof Statement.ForNetcons f) {
                collectAssigned(f.body(), names);
            }
        }
    }
}
