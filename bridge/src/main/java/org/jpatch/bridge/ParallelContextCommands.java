package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.parallel.ParallelContext;
import org.jpatch.core.record.Vector;

/**
 * The ParallelContext kind: gids, gid_connect, spike recording, psolve and the collective
 * operations of the simulation's one {@link ParallelContext} (every handle of this kind names
 * it, as every NEURON ParallelContext object shares the same gid tables).
 */
final class ParallelContextCommands implements KindCommands<ParallelContext> {
    private final Bridge bridge;
    private ParallelContext context;

    ParallelContextCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String kind() {
        return "ParallelContext";
    }

    @Override
    public Class<ParallelContext> type() {
        return ParallelContext.class;
    }

    /** {@code new []}: the simulation's ParallelContext, made at the first "new". */
    @Override
    public ParallelContext create(Args args) {
        args.expect(0, 0);
        if (context == null) {
            context = ParallelContext.singleHost(bridge.sim, bridge.events);
        }
        return context;
    }

    @Override
    public JsonNode get(ParallelContext pc, String attribute) {
        throw new CommandException("AttributeError", "ParallelContext has no attribute \"" + attribute + "\"");
    }

    @Override
    public void set(ParallelContext pc, String attribute, JsonNode value) {
        throw new CommandException("AttributeError", "ParallelContext has no attribute \"" + attribute + "\"");
    }

    @Override
    public JsonNode call(ParallelContext pc, String method, Args args) {
        switch (method) {
            case "id":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(pc.id());
            case "nhost":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(pc.nhost());
            case "set_gid2node":
                args.expect(2, 2);
                pc.setGid2node(args.integer(0), args.integer(1));
                return none();
            case "cell":
                args.expect(2, 3);
                pc.cell(args.integer(0), args.object(1, NetCon.class), !args.has(2) || args.bool(2));
                return none();
            case "outputcell":
                args.expect(1, 1);
                pc.outputcell(args.integer(0));
                return none();
            case "gid_exists":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(pc.gidExists(args.integer(0)));
            case "gid2obj":
            case "gid2cell":
                args.expect(1, 1);
                return bridge.encode(pc.gid2obj(args.integer(0)));
            case "gid_connect":
                args.expect(3, 3);
                gidConnect(pc, args);
                return none();
            case "spike_record":
                args.expect(3, 3);
                spikeRecord(pc, args);
                return none();
            case "set_maxstep":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(pc.setMaxstep(args.number(0)));
            case "psolve": {
                args.expect(1, 1);
                double tstop = args.number(0);
                bridge.runRecording(tstop, () -> pc.psolve(tstop));
                return none();
            }
            case "gid_clear":
                args.expect(0, 0);
                pc.gidClear();
                return none();
            case "nthread":
                args.expect(0, 2);
                return Bridge.NODES.numberNode(nthread(pc, args));
            case "barrier":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(pc.barrier());
            case "allreduce":
                args.expect(2, 2);
                return allreduce(pc, args);
            case "allgather":
                args.expect(2, 2);
                pc.allgather(args.number(0), args.object(1, Vector.class));
                return none();
            case "broadcast":
                args.expect(2, 2);
                return Bridge.NODES.numberNode(pc.broadcast(args.object(0, Vector.class), args.integer(1)));
            default:
                throw new CommandException("AttributeError", "ParallelContext has no method \"" + method + "\"");
        }
    }

    /** The gid tables outlive every proxy, as NEURON's are global. */
    @Override
    public void free(ParallelContext pc, boolean createdByPython) {}

    /**
     * {@code gid_connect [gid, target_h, h]}: Python allocated h for the new NetCon (as for
     * "new"), so these calls queue like constructors; h is checked before anything is made.
     */
    private void gidConnect(ParallelContext pc, Args args) {
        long handle = Values.handle(args.raw(2), "ParallelContext.gid_connect handle");
        if (handle <= 0 || bridge.handles.isBound(handle)) {
            throw CommandException.type("gid_connect: handle " + handle + " must be positive and unused");
        }
        NetCon nc = pc.gidConnect(args.integer(0), args.object(1, PointProcess.class));
        bridge.handles.bind(handle, nc);
    }

    /** {@code spike_record [gid | [gids…], tvec_h, idvec_h]}; gid -1: every output cell. */
    private static void spikeRecord(ParallelContext pc, Args args) {
        Vector times = args.object(1, Vector.class);
        Vector ids = args.object(2, Vector.class);
        if (args.raw(0).isArray()) {
            double[] listed = args.numbers(0);
            int[] gids = new int[listed.length];
            for (int i = 0; i < listed.length; i++) {
                gids[i] = (int) listed[i]; // NEURON truncates the Vector's values
            }
            pc.spikeRecord(gids, times, ids);
        } else {
            pc.spikeRecord(args.integer(0), times, ids);
        }
    }

    /** {@code nthread [n?, parallel = 1]}: sets the thread count when n is given; the count. */
    private static int nthread(ParallelContext pc, Args args) {
        if (!args.has(0)) {
            return pc.nthread();
        }
        return pc.nthread(args.number(0), args.has(1) ? args.number(1) : 1);
    }

    /** {@code allreduce [x | vec_h, type]}: a number's reduction, or a Vector's in place (result 0). */
    private static JsonNode allreduce(ParallelContext pc, Args args) {
        int type = args.integer(1);
        if (args.isHandle(0)) {
            pc.allreduce(args.object(0, Vector.class), type);
            return Bridge.NODES.numberNode(0.0);
        }
        return Bridge.NODES.numberNode(pc.allreduce(args.number(0), type));
    }

    private static NullNode none() {
        return NullNode.getInstance();
    }
}
