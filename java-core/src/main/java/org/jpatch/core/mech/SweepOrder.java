package org.jpatch.core.mech;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NEURON's {@code memb_order_}: the order in which every per-step sweep visits the
 * mechanism types, which is not the type index order. References are to NEURON 9.0.2.
 *
 * <p><b>Where the order is used.</b> {@code thread_memblist_setup} (src/nrnoc/multicore.cpp
 * 480-486) builds each thread's list of mechanism instances ({@code nt->tml}) by walking
 * {@code memb_order_}. Every sweep walks that list: the INITIAL blocks
 * ({@code nrn_finitialize}, src/nrnoc/fadvance.cpp 866-875), BREAKPOINT currents and
 * conductances ({@code nrn_rhs}/{@code nrn_lhs}, src/nrnoc/treeset.cpp 418-426, 520-525,
 * including the ions' {@code ion_cur} that zeroes their currents and recomputes Nernst
 * potentials), the state updates ({@code nonvint}, fadvance.cpp 746-752), and the
 * BEFORE/AFTER blocks ({@code nrn_ba}: the lists are filled in {@code tml} order, a type's
 * own blocks in registration order, multicore.cpp 575-600). Artificial cells' INITIAL
 * blocks run after all others, walking {@code memb_order_} directly (fadvance.cpp
 * 878-880). Point processes and density mechanisms are not distinguished. A type's ion
 * variables are copied in and written back per instance inside its own sweep function (the
 * code nocmodl generates), so a concentration written by one type is seen by every type
 * after it in this order within the same sweep, and by those before it only in the next.
 * NET_RECEIVE INITIAL blocks follow the NetCons, not the types. Within one type,
 * instances follow the nodes, and at one node the property list (latest placed first,
 * see {@code lower.Lowering}).
 *
 * <p><b>How it is made.</b> Registration gives each type the next index and appends it
 * ({@code initialize_memb_func}, src/nrnoc/init.cpp 683). Then {@code nrn_writes_conc}
 * (init.cpp 745-757) moves a type forward, to position {@code lastion}, which starts right
 * after extracellular (type 5) and grows by one for every ion moved there:
 * <ul>
 * <li>every ion type is moved when it is registered ({@code ion_reg},
 * src/nrnoc/eion.cpp 202, for na_ion and k_ion at hh's registration as for any ion a .mod
 * file's USEION creates), so the ions come first, in registration order;</li>
 * <li>a mechanism that WRITEs an ion's inside or outside concentration is moved right
 * after its registration (the {@code nrn_writes_conc(_mechtype, 0)} nocmodl emits,
 * src/nocmodl/nocpout.cpp 1318-1334): it lands after the ions but before every
 * concentration writer registered earlier, so the writers run in reverse registration
 * order;</li>
 * <li>every other type keeps its place at the end, in registration order.</li>
 * </ul>
 * Registration order is type index order: built-ins by their NEURON index, then the
 * files of each nrn_load_dll / load_mechanisms call, in the order of the calls, each
 * file's ions (its USEIONs the catalogue lacks) before it. nrnivmodl registers the files
 * of one library in the order of its mod_func.cpp, the order of the shell's
 * {@code *.mod} glob (bin/nrnivmodl).
 */
final class SweepOrder {
    /** NEURON's EXTRACELL type index: the moved types start right after it (init.cpp's lastion). */
    private static final int EXTRACELL = 5;

    private SweepOrder() {}

    /** The types in NEURON's memb_order_, from the types in any order. */
    static List<MechanismType> of(List<MechanismType> types) {
        List<MechanismType> byIndex = new ArrayList<>(types);
        byIndex.sort(Comparator.comparingInt(MechanismType::order));
        List<MechanismType> order = new ArrayList<>(byIndex.size());
        int lastIon = 0;
        for (MechanismType type : byIndex) {
            if (type.order() <= EXTRACELL) {
                order.add(type);
                lastIon = order.size();
            } else if (type.kind() == MechanismKind.ION) {
                order.add(lastIon++, type);
            } else if (type.writesConcentration()) {
                order.add(lastIon, type);
            } else {
                order.add(type);
            }
        }
        return order;
    }
}
