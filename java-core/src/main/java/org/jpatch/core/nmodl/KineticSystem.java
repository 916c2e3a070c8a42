package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The shape of a KINETIC block's matrix: its states (one row and column each, in order of
 * first mention; a species that is no STATE, e.g. a PARAMETER, only scales its flux), the row each CONSERVE statement takes (that of its last species whose
 * row no earlier CONSERVE took, as nocmodl chooses), and whether the scheme is linear in
 * its states (every reaction first order on both sides, rates free of the block's states),
 * which lets sparse stop after one correction.
 */
record KineticSystem(List<String> states, Map<String, Integer> rows, Map<Statement.Conserve, Integer> conserves,
                     Set<Integer> conserveRows, boolean linear) {

    static KineticSystem of(ModelItem.CodeBlock kinetic, MechanismInterface mechanism) {
        List<String> states = new ArrayList<>();
        List<Statement.Reaction> reactions = new ArrayList<>();
        List<Statement.Conserve> conserveStatements = new ArrayList<>();
        collect(kinetic.body(), states, reactions, conserveStatements, mechanism);
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            rows.put(states.get(i), i);
        }
        Map<Statement.Conserve, Integer> conserves = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Statement.Conserve conserve : conserveStatements) {
            Integer row = null;
            for (int i = conserve.species().size() - 1; i >= 0 && row == null; i--) {
                int candidate = rows.get(conserve.species().get(i).species().name());
                if (!taken.contains(candidate)) {
                    row = candidate;
                }
            }
            if (row == null) {
                throw new NmodlSyntaxException(conserve.position(),
                        "CONSERVE has no species whose equation an earlier CONSERVE did not already replace");
            }
            taken.add(row);
            conserves.put(conserve, row);
        }
        boolean linear = true;
        for (Statement.Reaction r : reactions) {
            linear &= firstOrder(r.left()) && firstOrder(r.right())
                    && !mentionsAny(r.forward(), states) && !mentionsAny(r.backward(), states);
        }
        return new KineticSystem(List.copyOf(states), rows, conserves, Set.copyOf(taken), linear);
    }

    /** The species' row and column; -1 for a species that is no STATE. */
    int row(Expression.VariableRef species) {
        return rows.getOrDefault(species.name(), -1);
    }

    int conserveRow(Statement.Conserve conserve) {
        return conserves.get(conserve);
    }

    private static void collect(List<Statement> body, List<String> states, List<Statement.Reaction> reactions,
                                List<Statement.Conserve> conserves, MechanismInterface mechanism) {
        for (Statement s : body) {
            if (s instanceof Statement.Reaction r) {
                reactions.add(r);
                addSpecies(r.left(), states, mechanism, false);
                addSpecies(r.right(), states, mechanism, false);
            } else if (s instanceof Statement.Conserve c) {
                conserves.add(c);
                addSpecies(c.species(), states, mechanism, true);
            } else if (s instanceof Statement.Compartment c) {
                throw new NmodlSyntaxException(c.position(),
                        "COMPARTMENT not supported yet by jpatch's NMODL translator");
            } else if (s instanceof Statement.If || s instanceof Statement.While || s instanceof Statement.FromLoop
                    || s instanceof Statement.Block) {
                // nocmodl builds the matrix once from the reactions in order; under a condition it would not
                if (mentionsKineticStatement(s)) {
                    throw new NmodlSyntaxException(s.position(),
                            "reactions inside if/while/FROM not supported yet by jpatch's NMODL translator");
                }
            }
        }
    }

    private static boolean mentionsKineticStatement(Statement s) {
        List<Statement> children = List.of();
        if (s instanceof Statement.If i) {
            children = concat(i.body(), i.elseBody());
        } else if (s instanceof Statement.While w) {
            children = w.body();
        } else if (s instanceof Statement.FromLoop f) {
            children = f.body();
        } else if (s instanceof Statement.Block b) {
            children = b.body();
        }
        for (Statement c : children) {
            if (c instanceof Statement.Reaction || c instanceof Statement.Conserve || mentionsKineticStatement(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<Statement> concat(List<Statement> a, List<Statement> b) {
        List<Statement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void addSpecies(List<Statement.Reactant> species, List<String> states, MechanismInterface mechanism,
                                   boolean conserve) {
        for (Statement.Reactant r : species) {
            Expression.VariableRef ref = r.species();
            if (ref.index() != null) {
                throw new NmodlSyntaxException(ref.position(), "arrays not supported yet by jpatch's NMODL translator");
            }
            boolean state = mechanism.states().stream().anyMatch(v -> v.name().equals(ref.name()));
            if (!state && conserve) {
                throw new NmodlSyntaxException(ref.position(), ref.name() + " in CONSERVE is not a STATE");
            }
            // a species that is no STATE is a constant factor of its flux (nocmodl): no row
            if (state && !states.contains(ref.name())) {
                states.add(ref.name());
            }
        }
    }

    private static boolean firstOrder(List<Statement.Reactant> side) {
        return side.size() == 1 && side.get(0).coefficient() == 1;
    }

    private static boolean mentionsAny(Expression e, List<String> states) {
        return states.stream().anyMatch(state -> new SymbolicDerivative(state).mentionsState(e));
    }
}
