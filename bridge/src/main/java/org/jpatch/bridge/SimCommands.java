package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.model.PathDistance;
import org.jpatch.core.model.Section;
import org.jpatch.core.nmodl.FunctionTable;
import org.jpatch.core.nmodl.FunctionTables;
import org.jpatch.core.record.Vector;

/** {@code ["sim", method, [args]]}: run control and what the simulator knows as a whole. */
final class SimCommands {
    private final Bridge bridge;

    SimCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    JsonNode call(String method, Args args) {
        switch (method) {
            case "finitialize":
                args.expect(0, 1);
                if (args.has(0)) {
                    bridge.sim.finitialize(args.number(0));
                } else {
                    bridge.sim.finitialize();
                }
                return none();
            case "fadvance":
                args.expect(0, 0);
                bridge.sim.fadvance();
                return none();
            case "run":
                args.expect(0, 0);
                bridge.runRecording(bridge.sim.getGlobal("tstop"), bridge.sim::run);
                return none();
            case "continuerun": {
                args.expect(1, 1);
                double tstop = args.number(0);
                bridge.runRecording(tstop, () -> bridge.sim.continuerun(tstop));
                return none();
            }
            case "setdt":
                args.expect(0, 0);
                bridge.sim.setdt();
                return none();
            case "sections":
                args.expect(0, 0);
                return bridge.encodeAll(bridge.sim.sections());
            case "topology":
                args.expect(0, 0);
                return Bridge.NODES.textNode(TopologyText.of(bridge.sim.sections()));
            case "distance_origin":
                args.expect(2, 2);
                bridge.sim.pathDistance().setOrigin(args.object(0, Section.class), args.number(1));
                return none();
            case "distance":
                return distance(args.expect(2, 4));
            case "mechanism_names":
                args.expect(0, 0);
                return mechanismNames();
            case "load_mechanisms": {
                args.expect(1, 1);
                ArrayNode loaded = Bridge.NODES.arrayNode();
                for (MechanismType type : MechanismLoading.load(bridge.sim.catalogue(), java.nio.file.Path.of(args.string(0)))) {
                    loaded.add(type.name());
                }
                return loaded;
            }
            case "function_table":
                functionTable(args);
                return none();
            case "mechanism_info":
                args.expect(1, 1);
                return mechanismInfo(args.string(0));
            default:
                throw new CommandException("AttributeError", "the simulator has no method \"" + method + "\"");
        }
    }

    /** {@code distance [sec, x]} from the origin, or {@code distance [sec1, x1, sec2, x2]} between two locations. */
    private JsonNode distance(Args args) {
        Section section = args.object(0, Section.class);
        double x = args.number(1);
        if (args.size() == 2) {
            return Bridge.NODES.numberNode(bridge.sim.pathDistance().fromOrigin(section, x));
        }
        args.expect(4, 4);
        return Bridge.NODES.numberNode(PathDistance.between(section, x, args.object(2, Section.class), args.number(3)));
    }

    /**
     * Names users can insert (density), the ions, names users create (point processes, artificial cells), and
     * the largest nseg: what Python checks before it queues a command (python-package's _rules.py).
     */
    private JsonNode mechanismNames() {
        ObjectNode names = Bridge.NODES.objectNode();
        names.put("max_nseg", Section.MAX_NSEG);
        ArrayNode density = names.putArray("density");
        ArrayNode point = names.putArray("point");
        ArrayNode ions = names.putArray("ions");
        // NEURON makes an ion type when the first mechanism using it registers: ca_ion is in
        // h (and dir(h)) only once something uses calcium.
        Set<String> used = new HashSet<>();
        for (MechanismType type : bridge.sim.catalogue().types()) {
            for (IonUse use : type.ions()) {
                used.add(use.ionTypeName());
            }
        }
        for (MechanismType type : bridge.sim.catalogue().types()) {
            if (type.kind() == MechanismKind.DENSITY) {
                density.add(type.name());
            } else if (type.kind() == MechanismKind.ION) {
                if (used.contains(type.name())) {
                    ions.add(type.name());
                }
            } else if (type.isPointProcess()) {
                point.add(type.name());
            }
        }
        return names;
    }

    /**
     * {@code ["sim", "function_table", [mechanism, table, spec…]]}: NEURON's
     * table_&lt;table&gt;_&lt;mechanism&gt;(…) — a constant; a Vector of values and one of their
     * points; or values (a Vector, from an index) on an even grid: n, min, max per argument.
     */
    private void functionTable(Args args) {
        args.expect(3, 9);
        String mechanism = args.string(0);
        if (!bridge.sim.catalogue().contains(mechanism)) {
            throw new CommandException("ValueError", "\"" + mechanism + "\" is not a mechanism name");
        }
        MechanismKernel kernel = bridge.sim.kernel(bridge.sim.catalogue().get(mechanism));
        if (!(kernel instanceof FunctionTables tables)) {
            throw new CommandException("AttributeError", mechanism + " has no FUNCTION_TABLE");
        }
        FunctionTable table;
        try {
            table = tables.functionTable(args.string(1));
        } catch (IllegalArgumentException e) {
            throw new CommandException("AttributeError", e.getMessage());
        }
        try {
            if (args.size() == 3 && !args.isHandle(2)) {
                table.setConstant(args.number(2));
            } else if (args.size() == 4 && args.isHandle(3)) {
                table.setPoints(args.object(2, Vector.class).toArray(), args.object(3, Vector.class).toArray());
            } else {
                grid(table, args);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException("ValueError", "table_" + args.string(1) + "_" + mechanism + ": " + e.getMessage());
        }
    }

    /** values [Vector, first index], then n, min, max for each argument (NEURON's &amp;vec.x[i], n, min, max). */
    private static void grid(FunctionTable table, Args args) {
        Vector values = args.object(2, Vector.class);
        int first = args.integer(3);
        int dimensions = (args.size() - 4) / 3;
        if (dimensions < 1 || args.size() != 4 + 3 * dimensions) {
            throw CommandException.type("function_table takes a constant, two Vectors, or values and (n, min, max)"
                    + " per argument; got " + args.size() + " arguments");
        }
        int[] sizes = new int[dimensions];
        double[] mins = new double[dimensions];
        double[] maxs = new double[dimensions];
        long count = 1;
        for (int d = 0; d < dimensions; d++) {
            sizes[d] = args.integer(4 + 3 * d);
            mins[d] = args.number(5 + 3 * d);
            maxs[d] = args.number(6 + 3 * d);
            count *= Math.max(sizes[d], 0);
        }
        if (first < 0 || first + count > values.size()) {
            throw new CommandException("IndexError", "the table needs " + count + " values from index " + first
                    + " of a Vector of " + values.size());
        }
        table.setGrid(java.util.Arrays.copyOfRange(values.data(), first, (int) (first + count)), sizes, mins, maxs);
    }

    private JsonNode mechanismInfo(String name) {
        if (!bridge.sim.catalogue().contains(name)) {
            throw new CommandException("ValueError", "\"" + name + "\" is not a mechanism name");
        }
        MechanismType type = bridge.sim.catalogue().get(name);
        ObjectNode info = Bridge.NODES.objectNode();
        info.put("name", type.name());
        info.put("kind", type.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode variables = info.putArray("variables");
        for (int k = 0; k < type.variables().size(); k++) {
            RangeVariable v = type.variables().get(k);
            ObjectNode entry = variables.addObject();
            entry.put("name", v.name());
            entry.put("range_name", type.rangeName(k));
            entry.put("role", v.role().name().toLowerCase(Locale.ROOT));
            entry.put("units", v.units());
            entry.put("default", v.defaultValue());
        }
        // The ions it uses: inserting it makes their variables (ena, ina, nai…) range variables too.
        ArrayNode ions = info.putArray("ions");
        for (IonUse use : type.ions()) {
            ions.add(use.ion());
        }
        // POINTER variables (a gap junction's vgap): read and written through their target.
        type.pointers().forEach(info.putArray("pointers")::add);
        // How many weights a NetCon to it has (its NET_RECEIVE's arguments), null without
        // NET_RECEIVE: Python refuses a bad NetCon target or weight index at the user's line.
        if (bridge.sim.kernel(type) instanceof NetReceiver receiver) {
            info.put("net_receive_weights", receiver.weightCount());
        } else {
            info.putNull("net_receive_weights");
        }
        ArrayNode globals = info.putArray("globals");
        for (GlobalVariable g : type.globals()) {
            ObjectNode entry = globals.addObject();
            entry.put("name", g.name());
            entry.put("units", g.units());
            entry.put("default", g.defaultValue());
        }
        return info;
    }

    private static NullNode none() {
        return NullNode.getInstance();
    }
}
