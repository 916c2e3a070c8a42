package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.event.VectorSpikeRecord;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.record.Vector;

/** NetCons: their source, target, weights, delay and threshold, spike recording, events. */
final class NetConCommands implements KindCommands<NetCon> {
    private final Bridge bridge;

    NetConCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String kind() {
        return "NetCon";
    }

    @Override
    public Class<NetCon> type() {
        return NetCon.class;
    }

    /**
     * {@code new [source, target]}: source a variable reference (its upward threshold
     * crossings), a point process handle (an artificial cell's net_event) or null; target a
     * point process handle or null. Settings follow as "set" commands.
     */
    @Override
    public NetCon create(Args args) {
        try {
            return connect(args);
        } catch (InvalidValueException refused) {
            // Patch raises HocError for whatever NEURON's NetCon constructor refuses (e.g. a target without NET_RECEIVE)
            throw new CommandException("HocError", refused.getMessage());
        }
    }

    private NetCon connect(Args args) {
        args.expect(2, 2);
        PointProcess target = args.has(1) ? args.object(1, PointProcess.class) : null;
        if (!args.has(0)) {
            return bridge.events.newNetCon(target);
        }
        if (VarRefs.isRef(args.raw(0))) {
            return bridge.events.newNetCon(VarRefs.decode(args.raw(0), bridge, "NetCon source"), target);
        }
        return bridge.events.newNetCon(args.object(0, PointProcess.class), target);
    }

    @Override
    public JsonNode get(NetCon nc, String attribute) {
        switch (attribute) {
            case "weight":
                return Bridge.NODES.numberNode(nc.weight(0));
            case "delay":
                return Bridge.NODES.numberNode(nc.delay());
            case "threshold":
                return Bridge.NODES.numberNode(nc.threshold());
            case "active":
                return Bridge.NODES.booleanNode(nc.active());
            default:
                throw new CommandException("AttributeError", nc + " has no attribute \"" + attribute + "\"");
        }
    }

    @Override
    public void set(NetCon nc, String attribute, JsonNode value) {
        String what = nc + "." + attribute;
        switch (attribute) {
            case "weight" -> nc.setWeight(0, Values.number(value, what));
            case "delay" -> nc.setDelay(Values.number(value, what));
            case "threshold" -> nc.setThreshold(Values.number(value, what));
            case "active" -> nc.setActive(Values.bool(value, what));
            default -> throw new CommandException("AttributeError", nc + " has no attribute \"" + attribute + "\"");
        }
    }

    @Override
    public JsonNode call(NetCon nc, String method, Args args) {
        switch (method) {
            case "weight_count":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(nc.weightCount());
            case "weight":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(nc.weight(args.integer(0)));
            case "set_weight":
                args.expect(2, 2);
                nc.setWeight(args.integer(0), args.number(1));
                return none();
            case "record":
                record(nc, args.expect(0, 3));
                return none();
            case "event":
                args.expect(1, 1);
                nc.event(args.number(0));
                return none();
            case "valid":
                args.expect(0, 0);
                return Bridge.NODES.booleanNode(nc.valid());
            case "target":
                args.expect(0, 0);
                return bridge.encode(nc.target());
            case "source_name":
                args.expect(0, 0);
                return Bridge.NODES.textNode(nc.sourceName());
            case "delete":
                args.expect(0, 0);
                nc.delete();
                return none();
            default:
                throw new CommandException("AttributeError", "NetCon has no method \"" + method + "\"");
        }
    }

    @Override
    public void free(NetCon nc, boolean createdByPython) {
        if (createdByPython) {
            nc.delete();
        }
    }

    /** {@code record [tvec]}, {@code record [tvec, idvec, id]}, or {@code record []} / {@code [null]} to stop. */
    private static void record(NetCon nc, Args args) {
        if (!args.has(0)) {
            nc.record(null);
        } else if (args.size() == 1) {
            nc.record(new VectorSpikeRecord(args.object(0, Vector.class)));
        } else {
            args.expect(3, 3);
            nc.record(new VectorSpikeRecord(args.object(0, Vector.class), args.object(1, Vector.class), args.number(2)));
        }
    }

    private static NullNode none() {
        return NullNode.getInstance();
    }
}
