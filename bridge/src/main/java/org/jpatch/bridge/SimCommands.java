package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.jpatch.core.mech.GlobalVariable;
import org.jpatch.core.mech.IonUse;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.model.PathDistance;
import org.jpatch.core.model.Section;

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
                bridge.prepareExportSpace(bridge.sim.getGlobal("tstop"));
                bridge.sim.run();
                return none();
            case "continuerun":
                args.expect(1, 1);
                bridge.prepareExportSpace(args.number(0));
                bridge.sim.continuerun(args.number(0));
                return none();
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

    /** Names users can insert (density) or create (point processes, artificial cells). */
    private JsonNode mechanismNames() {
        ObjectNode names = Bridge.NODES.objectNode();
        ArrayNode density = names.putArray("density");
        ArrayNode point = names.putArray("point");
        for (MechanismType type : bridge.sim.catalogue().types()) {
            if (type.kind() == MechanismKind.DENSITY) {
                density.add(type.name());
            } else if (type.isPointProcess()) {
                point.add(type.name());
            }
        }
        return names;
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
