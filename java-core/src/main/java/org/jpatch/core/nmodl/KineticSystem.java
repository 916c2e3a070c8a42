package org.jpatch.core.nmodl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpatch.core.nmodl.ast.Expression;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.Statement;

/**
 * The shape of a KINETIC block's matrix, numbered as nocmodl's massagekinetic numbers it
 * (the order scopmath's sparse solver then works in): first one row per CONSERVE statement,
 * last statement first, each taking its last scalar species no CONSERVE took yet; then the
 * other states by their name's first character, and within one character the name nocmodl
 * met last first (its symbol lists insert at the head); a STATE array takes one row per
 * element. A species that is no STATE, e.g. a PARAMETER, only scales its flux. Each
 * state's COMPARTMENT (size expression and index variable) scales its row. nocmodl calls
 * the scheme linear, and sparse stops after one correction, when no reaction side holds
 * more than one species (counted with its coefficient); it does not look at the rates.
 */
record KineticSystem(Map<String, Integer> firstRows, Map<String, Integer> arraySizes,
                     Map<Statement.Conserve, Integer> conserves, Set<Integer> conserveRows,
                     Map<String, Statement.Compartment> compartments, boolean linear) {

    /**
     * @param stateSizes  every STATE the block may solve for (ion variables declared STATE too): 0 scalar, else
     *                    array size
     * @param symbolOrder the file's names in the order nocmodl's lexer first met them
     */
    static KineticSystem of(ModelItem.CodeBlock kinetic, Map<String, Integer> stateSizes, List<String> symbolOrder) {
        List<String> states = new ArrayList<>();
        List<Statement.Reaction> reactions = new ArrayList<>();
        List<Statement.Conserve> conserveStatements = new ArrayList<>();
        Map<String, Statement.Compartment> compartments = new LinkedHashMap<>();
        collect(kinetic.body(), states, reactions, conserveStatements, compartments, stateSizes, true);
        compartments.keySet().retainAll(states);
        Map<String, Integer> firstRows = new LinkedHashMap<>();
        Map<Statement.Conserve, Integer> conserves = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        List<Statement.Conserve> lastFirst = new ArrayList<>(conserveStatements);
        java.util.Collections.reverse(lastFirst);  // nocmodl's conslist is built by insertion at its head
        for (Statement.Conserve conserve : lastFirst) {
            String diagonal = null;
            for (int i = conserve.species().size() - 1; i >= 0 && diagonal == null; i--) {
                String candidate = conserve.species().get(i).species().name();
                if (!firstRows.containsKey(candidate)) {
                    diagonal = candidate;
                }
            }
            if (diagonal == null) {
                throw new NmodlSyntaxException(conserve.position(), "Failed to diagonalize the Kinetic matrix:"
                        + " CONSERVE has no species an earlier CONSERVE did not already take");
            }
            taken.add(firstRows.size());
            conserves.put(conserve, firstRows.size());
            firstRows.put(diagonal, firstRows.size());
        }
        List<String> others = new ArrayList<>(states);
        others.removeAll(firstRows.keySet());
        others.sort(java.util.Comparator.comparing((String name) -> name.charAt(0))
                .thenComparing(name -> -symbolOrder.indexOf(name)));
        int size = firstRows.size();
        for (String state : others) {
            firstRows.put(state, size);
            size += Math.max(1, stateSizes.get(state));
        }
        Map<String, Integer> arraySizes = new LinkedHashMap<>();
        for (String state : firstRows.keySet()) {
            arraySizes.put(state, stateSizes.get(state));
        }
        // nocmodl's _linmat: cleared by a matrix term that multiplies in another species
        boolean linear = true;
        for (Statement.Reaction r : reactions) {
            if (r.kind() != Statement.ReactionKind.FLUX_IN) {  // a flux << enters no matrix entry
                linear &= atMostFirstOrder(r.left()) && atMostFirstOrder(r.right());
            }
        }
        return new KineticSystem(firstRows, arraySizes, conserves, Set.copyOf(taken), compartments, linear);
    }

    /** The states in row order (an array's first row, then its other elements). */
    List<String> stateNames() {
        return List.copyOf(firstRows.keySet());
    }

    /**
     * The species' row as Java: a literal for a scalar, {@code first + (int) (index)} for an
     * array element ({@code index} the element's Java index); null for a species that is no STATE.
     */
    String row(Expression.VariableRef species, String index) {
        Integer first = firstRows.get(species.name());
        if (first == null) {
            return null;
        }
        return arraySizes.get(species.name()) == 0 ? String.valueOf(first) : first + " + (int) (" + index + ")";
    }

    /** Whether a row (as {@link #row} writes it) is one a CONSERVE took; an array's never is. */
    boolean isConserveRow(String row) {
        return conserveRows.stream().anyMatch(r -> String.valueOf(r).equals(row));
    }

    int conserveRow(Statement.Conserve conserve) {
        return conserves.get(conserve);
    }

    private static void collect(List<Statement> body, List<String> states, List<Statement.Reaction> reactions,
                                List<Statement.Conserve> conserves, Map<String, Statement.Compartment> compartments,
                                Map<String, Integer> stateSizes, boolean topLevel) {
        for (Statement s : body) {
            if (s instanceof Statement.Reaction r) {
                reactions.add(r);
                addSpecies(r.left(), states, stateSizes, false);
                addSpecies(r.right(), states, stateSizes, false);
            } else if (s instanceof Statement.Conserve c) {
                if (!topLevel) {
                    throw new NmodlSyntaxException(c.position(),
                            "CONSERVE inside FROM not supported yet by jpatch's NMODL translator");
                }
                conserves.add(c);
                addSpecies(c.species(), states, stateSizes, true);
            } else if (s instanceof Statement.Compartment c) {
                compartment(c, compartments, stateSizes, topLevel);
            } else if (s instanceof Statement.FromLoop loop) {
                // nocmodl writes a loop's reactions as a C loop over the element rows
                collect(loop.body(), states, reactions, conserves, compartments, stateSizes, false);
            } else if (s instanceof Statement.If || s instanceof Statement.While || s instanceof Statement.Block) {
                // nocmodl builds the matrix once from the reactions in order; under a condition it would not
                if (mentionsKineticStatement(s)) {
                    throw new NmodlSyntaxException(s.position(),
                            "reactions inside if/while not supported yet by jpatch's NMODL translator");
                }
            }
        }
    }

    /** COMPARTMENT [i,] size {species}: the size of each STATE listed; other names are ignored, as by nocmodl. */
    private static void compartment(Statement.Compartment c, Map<String, Statement.Compartment> compartments,
                                    Map<String, Integer> stateSizes, boolean topLevel) {
        if (c.longitudinalDiffusion() || !topLevel) {
            throw new NmodlSyntaxException(c.position(), (c.longitudinalDiffusion() ? "LONGITUDINAL_DIFFUSION"
                    : "COMPARTMENT inside FROM") + " not supported yet by jpatch's NMODL translator");
        }
        for (String species : c.species()) {
            Integer size = stateSizes.get(species);
            if (size == null) {
                continue;
            }
            if (c.indexVariable() != null && size == 0) {
                throw new NmodlSyntaxException(c.position(), "COMPARTMENT " + c.indexVariable() + ", ... names "
                        + species + ", which is not an array");
            }
            compartments.put(species, c);
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
            if (c instanceof Statement.Reaction || c instanceof Statement.Conserve
                    || c instanceof Statement.Compartment || mentionsKineticStatement(c)) {
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

    private static void addSpecies(List<Statement.Reactant> species, List<String> states,
                                   Map<String, Integer> stateSizes, boolean conserve) {
        for (Statement.Reactant r : species) {
            Expression.VariableRef ref = r.species();
            Integer size = stateSizes.get(ref.name());
            if (size == null && conserve) {
                throw new NmodlSyntaxException(ref.position(), ref.name() + " in CONSERVE is not a STATE");
            }
            if (size != null && (size > 0) != (ref.index() != null)) {
                throw new NmodlSyntaxException(ref.position(), ref.name() + (size > 0 ? " is an array: it needs an index"
                        : " is not an array"));
            }
            if (size != null && size > 0 && conserve) {
                throw new NmodlSyntaxException(ref.position(),
                        "STATE arrays in CONSERVE not supported yet by jpatch's NMODL translator");
            }
            // a species that is no STATE is a constant factor of its flux (nocmodl): no row
            if (size != null && !states.contains(ref.name())) {
                states.add(ref.name());
            }
        }
    }

    private static boolean atMostFirstOrder(List<Statement.Reactant> side) {
        return side.stream().mapToInt(Statement.Reactant::coefficient).sum() <= 1;
    }
}
