package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jpatch.core.event.VectorSpikeRecord;
import org.jpatch.core.hoc.HocExecError;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.jpatch.core.model.Section;
import org.jpatch.core.random.Random;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;

/** Point processes (IClamp, ExpSyn, …): their variables, their location, their deletion. */
final class PointProcessCommands implements KindCommands<PointProcess> {
    private final Bridge bridge;

    PointProcessCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String kind() {
        return "PointProcess";
    }

    @Override
    public Class<PointProcess> type() {
        return PointProcess.class;
    }

    /** {@code new [type, sec_h, x]}; artificial cells (NetStim, VecStim) {@code new [type]} without a section. */
    @Override
    public PointProcess create(Args args) {
        args.expect(1, 3);
        Section section = args.has(1) ? args.object(1, Section.class) : null;
        return bridge.sim.newPointProcess(args.string(0), section, args.has(2) ? args.number(2) : 0.5);
    }

    /** A POINTER variable reads and writes its target, as in NEURON. */
    @Override
    public JsonNode get(PointProcess pp, String attribute) {
        if (pp.type().pointers().contains(attribute)) {
            return Bridge.NODES.numberNode(pointerTarget(pp, attribute).get());
        }
        return Bridge.NODES.numberNode(pp.get(attribute));
    }

    @Override
    public void set(PointProcess pp, String attribute, JsonNode value) {
        double number = Values.number(value, pp.type().name() + "." + attribute);
        if (pp.type().pointers().contains(attribute)) {
            pointerTarget(pp, attribute).set(number);
        } else {
            pp.set(attribute, number);
        }
    }

    /** What POINTER {@code name} refers to; NEURON's ValueError ("Invalid data_handle") while it is unset. */
    static VarRef pointerTarget(PointProcess pp, String name) {
        VarRef target = pp.pointer(name);
        if (target == null) {
            throw new CommandException("ValueError", pp.name() + "." + name
                    + " is a POINTER that is not set yet (p.setpointer(ref, \"" + name + "\", " + pp.name() + "))");
        }
        return target;
    }

    @Override
    public JsonNode call(PointProcess pp, String method, Args args) {
        switch (method) {
            case "loc":
                args.expect(2, 2);
                bridge.sim.movePointProcess(pp, args.object(0, Section.class), args.number(1));
                return NullNode.getInstance();
            case "get_loc": {
                args.expect(0, 0);
                ArrayNode loc = Bridge.NODES.arrayNode(2);
                loc.add(bridge.encode(pp.section()));
                loc.add(pp.x());
                return loc;
            }
            case "type":
                args.expect(0, 0);
                return Bridge.NODES.textNode(pp.type().name());
            case "delete":
                args.expect(0, 0);
                delete(pp);
                return NullNode.getInstance();
            case "play":
                // VecStim.play(vec): its event times, read as the run goes (not copied); null: none.
                args.expect(0, 1);
                bridge.events.play(pp, args.has(0) ? args.object(0, Vector.class) : null);
                return NullNode.getInstance();
            case "record":
                // APCount.record(vec): the times it counts; null stops recording.
                args.expect(0, 1);
                bridge.events.recordTimes(pp, args.has(0) ? new VectorSpikeRecord(args.object(0, Vector.class)) : null);
                return NullNode.getInstance();
            case "noiseFromRandom123":
                // NetStim.noiseFromRandom123(id1, id2, id3): its Random123 stream, from the start.
                args.expect(3, 3);
                NetStim.noiseFromRandom123(pp, (long) args.number(0), (long) args.number(1), (long) args.number(2));
                return NullNode.getInstance();
            case "noiseFromRandom":
                // NetStim.noiseFromRandom(r): the ids and position of r's Random123 stream; NEURON's
                // refusal of another generator is a hoc_execerror (RuntimeError)
                args.expect(1, 1);
                Random random = args.object(0, Random.class);
                if (!random.isRandom123()) {
                    throw new HocExecError(pp.name() + ".noiseFromRandom: Random.Random123 generator is required");
                }
                NetStim.noiseFromRandom(pp, random);
                return NullNode.getInstance();
            case "setpointer":
                // p.setpointer(ref, name, pp): POINTER name refers to ref's variable from now on.
                args.expect(2, 2);
                setPointer(pp, args.string(1), VarRefs.decode(args.raw(0), bridge, "setpointer's reference"));
                return NullNode.getInstance();
            case "seed":
                // NetStim.seed(x): the stream continues from position x.
                args.expect(1, 1);
                NetStim.seed(pp, args.number(0));
                return NullNode.getInstance();
            default:
                throw new CommandException("AttributeError", pp.type().name() + " has no method \"" + method + "\"");
        }
    }

    private static void setPointer(PointProcess pp, String name, VarRef target) {
        if (!pp.type().pointers().contains(name)) {
            // NEURON's TypeError for a name that is no POINTER of the mechanism
            throw CommandException.type("setpointer: " + name + " is not a POINTER of " + pp.type().name()
                    + (pp.type().pointers().isEmpty() ? ", which has none" : " (its POINTERs: "
                    + String.join(", ", pp.type().pointers()) + ")"));
        }
        pp.setPointer(name, target);
    }

    @Override
    public void free(PointProcess pp, boolean createdByPython) {
        if (createdByPython) {
            delete(pp);
        }
    }

    /** As NEURON: the NetCons from and to it go with it. */
    private void delete(PointProcess pp) {
        if (!pp.isDeleted()) {
            bridge.events.pointProcessDeleted(pp);
            bridge.sim.deletePointProcess(pp);
        }
    }
}
