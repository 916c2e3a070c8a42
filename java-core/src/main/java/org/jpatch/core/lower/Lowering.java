package org.jpatch.core.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jpatch.core.mech.GlobalState;
import org.jpatch.core.mech.InstanceData;
import org.jpatch.core.mech.IonStyle;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NodeData;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.ValueBlock;
import org.jpatch.core.mech.builtin.Extracellular;
import org.jpatch.core.model.Model;
import org.jpatch.core.model.Section;

/**
 * Model → flat arrays. Node order as NEURON's (reorder_secorder): the root node of
 * every tree first, in creation order, then the sections in {@link Model#sectionOrder()}
 * (tree after tree, each breadth first), each section's nseg+1 nodes consecutively.
 * Instances of a density type follow that node order; point processes are sorted by
 * node, the latest placed first among equals (NEURON's property list order). Types come
 * in NEURON's sweep order ({@link org.jpatch.core.mech.MechanismCatalogue#sweepOrder()}).
 * All values move into the new arrays.
 */
public final class Lowering {
    private Lowering() {}

    public static LoweredModel lower(Model model, GlobalState globals,
                                     Function<MechanismType, MechanismKernel> kernels,
                                     Function<MechanismType, double[]> typeGlobals) {
        List<Section> order = model.sectionOrder();
        int roots = 0;
        for (Section s : order) {
            if (s.parent() == null) {
                roots++;
            }
        }
        Map<Section, Integer> index = new IdentityHashMap<>();
        int[] base = new int[order.size()];
        int[] rootNode = new int[order.size()];
        int next = roots;
        int r = 0;
        for (int i = 0; i < order.size(); i++) {
            Section s = order.get(i);
            index.put(s, i);
            rootNode[i] = s.parent() == null ? r++ : -1;
            base[i] = next;
            next += s.nseg() + 1;
        }
        int[] parentNode = new int[order.size()];
        int[] parent = new int[next];
        Arrays.fill(parent, 0, roots, -1);
        for (int i = 0; i < order.size(); i++) {
            Section s = order.get(i);
            parentNode[i] = s.parent() == null ? rootNode[i] : nodeAt(s.parent(), s.parentX(), index, base, rootNode, order);
            parent[base[i]] = parentNode[i];
            for (int j = 1; j <= s.nseg(); j++) {
                parent[base[i] + j] = base[i] + j - 1;
            }
        }
        NodeData nodes = new NodeData(next, roots, parent);
        double[][] vArrays = {nodes.v};
        for (int i = 0; i < order.size(); i++) {
            Section s = order.get(i);
            s.vBlock().attach(vArrays, base[i]);
            if (rootNode[i] >= 0) {
                s.rootVBlock().attach(vArrays, rootNode[i]);
            }
        }

        // Density and ion instances: section by section in node order.
        Map<MechanismType, InstanceData> byType = new LinkedHashMap<>();
        List<MechanismType> types = model.catalogue().sweepOrder();
        MechanismType capType = model.catalogue().get("capacitance");
        for (MechanismType type : types) {
            if (type.isPointProcess()) {
                continue;
            }
            int count = 0;
            for (Section s : order) {
                if (type == capType || s.mechanismBlocks().containsKey(type)) {
                    count += s.nseg();
                }
            }
            if (count == 0) {
                continue;
            }
            int[] node = new int[count];
            Map<Section, Integer> rows = new IdentityHashMap<>();
            int row = 0;
            for (int i = 0; i < order.size(); i++) {
                Section s = order.get(i);
                if (type == capType || s.mechanismBlocks().containsKey(type)) {
                    rows.put(s, row);
                    for (int j = 0; j < s.nseg(); j++) {
                        node[row + j] = base[i] + j;
                    }
                    row += s.nseg();
                }
            }
            InstanceData data = new InstanceData(type, count, node, new InstanceData[type.ions().size()],
                    new int[type.ions().size()][count]);
            for (Map.Entry<Section, Integer> e : rows.entrySet()) {
                ValueBlock block = type == capType ? e.getKey().capacitanceBlock() : e.getKey().mechanismBlocks().get(type);
                block.attach(data.vars, e.getValue());
            }
            byType.put(type, data);
        }

        // Point processes, grouped by type, sorted by node.
        Map<MechanismType, List<PointProcess>> pps = new LinkedHashMap<>();
        for (PointProcess pp : model.pointProcesses()) {
            pps.computeIfAbsent(pp.type(), t -> new ArrayList<>()).add(pp);
        }
        Map<PointProcess, Integer> ppNode = new IdentityHashMap<>();
        for (List<PointProcess> list : pps.values()) {
            for (PointProcess pp : list) {
                Section s = pp.section();
                ppNode.put(pp, s == null ? -1 : nodeAt(s, pp.x(), index, base, rootNode, order));
            }
            // thread_memblist_setup walks each node's property list from its head: at one
            // node the latest placed first (artificial cells, placement 0, in creation order)
            list.sort(Comparator.comparingInt((PointProcess pp) -> ppNode.get(pp))
                    .thenComparing(Comparator.comparingLong(PointProcess::placement).reversed()));
        }
        for (MechanismType type : types) {
            List<PointProcess> list = pps.get(type);
            if (list == null) {
                continue;
            }
            int[] node = new int[list.size()];
            for (int k = 0; k < node.length; k++) {
                node[k] = ppNode.get(list.get(k));
            }
            InstanceData data = new InstanceData(type, node.length, node, new InstanceData[type.ions().size()],
                    new int[type.ions().size()][node.length]);
            for (int k = 0; k < node.length; k++) {
                list.get(k).values().attach(data.vars, k);
                if (data.pointers.length > 0) {
                    data.pointers[k] = list.get(k).pointerTargets();
                }
            }
            byType.put(type, data);
        }

        // Ion pointers (NEURON's dparam to the ion's variables at the same node).
        Map<MechanismType, int[]> ionRowOfNode = new HashMap<>();
        for (InstanceData data : byType.values()) {
            if (data.type.kind() == MechanismKind.ION) {
                int[] map = new int[next];
                Arrays.fill(map, -1);
                for (int k = 0; k < data.count; k++) {
                    map[data.node[k]] = k;
                }
                ionRowOfNode.put(data.type, map);
            }
        }
        for (InstanceData data : byType.values()) {
            List<IonUse> uses = data.type.ions();
            for (int u = 0; u < uses.size(); u++) {
                MechanismType ionType = model.catalogue().get(uses.get(u).ionTypeName());
                InstanceData ion = byType.get(ionType);
                int[] map = ionRowOfNode.get(ionType);
                if (ion == null) {
                    throw new IllegalStateException(data.type.name() + " uses " + ionType.name() + " which has no instances");
                }
                data.ions[u] = ion;
                for (int k = 0; k < data.count; k++) {
                    int row = map[data.node[k]];
                    if (row < 0) {
                        throw new IllegalStateException(data.type.name() + " at node " + data.node[k] + " lacks " + ionType.name());
                    }
                    data.ionRow[u][k] = row;
                }
            }
        }

        ionStyles(byType.values());

        List<MechanismKernel> active = new ArrayList<>();
        List<InstanceData> ions = new ArrayList<>();
        for (MechanismType type : types) {
            InstanceData data = byType.get(type);
            if (data == null) {
                continue;
            }
            if (type.kind() == MechanismKind.ION) {
                ions.add(data);
            }
            MechanismKernel k = kernels.apply(type);
            if (k != null) {
                k.bind(data, nodes, globals, typeGlobals.apply(type));
                active.add(k);
            }
        }
        ExtracellularNodes extracellular = model.catalogue().contains(Extracellular.NAME)
                ? extracellular(byType.get(model.catalogue().get(Extracellular.NAME)), order, base, rootNode, next) : null;
        LoweredModel lowered = new LoweredModel(nodes, byType.get(capType), ions.toArray(new InstanceData[0]),
                active.toArray(new MechanismKernel[0]), order, base, parentNode, extracellular);
        lowered.updateGeometry();
        model.storageMoved();
        return lowered;
    }

    /**
     * The extracellular nodes, or null when no section has the mechanism: its instances
     * (one per segment, in node order), then each such section's x=1 node and, for a root
     * section, its root node, which extcell_2d_alloc gives layers too.
     */
    private static ExtracellularNodes extracellular(InstanceData instances, List<Section> order, int[] base,
                                                    int[] rootNode, int nodeCount) {
        if (instances == null) {
            return null;
        }
        Section[] sectionOfInstance = new Section[instances.count];
        boolean[] first = new boolean[instances.count + 2 * order.size()];
        List<Integer> endNodes = new ArrayList<>();
        int row = 0;
        for (int i = 0; i < order.size(); i++) {
            Section s = order.get(i);
            if (!s.mechanismBlocks().containsKey(instances.type)) {
                continue;
            }
            first[row] = true;
            for (int j = 0; j < s.nseg(); j++) {
                sectionOfInstance[row++] = s;
            }
            endNodes.add(base[i] + s.nseg());
            if (rootNode[i] >= 0) {
                endNodes.add(rootNode[i]);
            }
        }
        int[] ends = endNodes.stream().mapToInt(Integer::intValue).toArray();
        return new ExtracellularNodes(instances, sectionOfInstance, ends, nodeCount,
                Arrays.copyOf(first, instances.count + ends.length));
    }

    /**
     * Each ion instance's iontype bits from the strongest use (read / write of
     * concentrations and reversal potential) by any mechanism at its node, as
     * nrn_promote accumulates them.
     */
    private static void ionStyles(Iterable<InstanceData> all) {
        Map<InstanceData, int[]> conc = new IdentityHashMap<>();
        Map<InstanceData, int[]> rev = new IdentityHashMap<>();
        for (InstanceData data : all) {
            List<IonUse> uses = data.type.ions();
            for (int u = 0; u < uses.size(); u++) {
                InstanceData ion = data.ions[u];
                int c = IonStyle.concentrationUse(uses.get(u));
                int r = IonStyle.reversalUse(uses.get(u));
                int[] cs = conc.computeIfAbsent(ion, x -> new int[x.count]);
                int[] rs = rev.computeIfAbsent(ion, x -> new int[x.count]);
                for (int k = 0; k < data.count; k++) {
                    int row = data.ionRow[u][k];
                    cs[row] = Math.max(cs[row], c);
                    rs[row] = Math.max(rs[row], r);
                }
            }
        }
        for (Map.Entry<InstanceData, int[]> e : conc.entrySet()) {
            InstanceData ion = e.getKey();
            int[] rs = rev.get(ion);
            for (int row = 0; row < ion.count; row++) {
                ion.flags[row] = IonStyle.bits(e.getValue()[row], rs[row]);
            }
        }
    }

    /** node_exact(sec, x) as a node index. */
    private static int nodeAt(Section s, double x, Map<Section, Integer> index, int[] base, int[] rootNode,
                              List<Section> order) {
        int i = index.get(s);
        int slot = s.nodeSlot(x);
        if (slot >= 0) {
            return base[i] + slot;
        }
        if (s.parent() == null) {
            return rootNode[i];
        }
        return nodeAt(s.parent(), s.parentX(), index, base, rootNode, order);
    }
}
