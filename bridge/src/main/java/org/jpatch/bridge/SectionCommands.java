package org.jpatch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jpatch.core.InvalidValueException;
import java.util.function.Supplier;
import org.jpatch.core.model.Section;

/** Sections: geometry, range variables (section-wide and per segment), topology, mechanisms, 3-D points. */
final class SectionCommands implements KindCommands<Section> {
    private final Bridge bridge;

    SectionCommands(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String kind() {
        return "Section";
    }

    @Override
    public Class<Section> type() {
        return Section.class;
    }

    @Override
    public Section create(Args args) {
        args.expect(0, 1);
        return bridge.sim.newSection(args.has(0) ? args.string(0) : null);
    }

    @Override
    public JsonNode get(Section s, String attribute) {
        switch (attribute) {
            case "L":
                return Bridge.NODES.numberNode(s.L());
            case "Ra":
                return Bridge.NODES.numberNode(s.Ra());
            case "nseg":
                return Bridge.NODES.numberNode(s.nseg());
            case "name":
                return Bridge.NODES.textNode(s.name());
            default:
                // diam, cm and every range variable: the middle segment's value, as NEURON's sec.var
                return Bridge.NODES.numberNode(s.get(attribute, 0.5));
        }
    }

    @Override
    public void set(Section s, String attribute, JsonNode value) {
        // Formatted only for an error message: a model-building batch sets ~10^5 values.
        Supplier<String> what = () -> s.name() + "." + attribute;
        switch (attribute) {
            case "L" -> s.setL(number(value, what));
            case "Ra" -> s.setRa(number(value, what));
            case "nseg" -> s.setNseg(nseg(value, what));
            case "diam" -> refuseDiamAsNeuron(() -> s.setDiam(number(value, what)));
            case "cm" -> s.setCm(number(value, what));
            case "name" -> throw new CommandException("AttributeError", "a section's name is read-only (" + s.name() + ")");
            default -> s.setAll(attribute, number(value, what));
        }
    }

    /** NEURON refuses a value of the wrong type for a section's or segment's variable with ValueError ("bad value"). */
    private double number(JsonNode value, Supplier<String> what) {
        if (value.isNumber() || value.isBoolean()) {
            return Values.number(value, "");  // cannot fail: the text is never used
        }
        String got = Values.describe(value);
        if (Values.isHandle(value)) {
            Object object = bridge.handles.get(Values.handle(value, what.get()));
            got = "a " + object.getClass().getSimpleName() + " (" + object + ")";
        }
        throw new CommandException("ValueError", what.get() + " must be a number, got " + got);
    }

    /**
     * NEURON: "nseg must be an integer in range 1 to 32767", a ValueError for any float, 3.0
     * included (Python's int, not its float); the engine checks the range.
     */
    private int nseg(JsonNode value, Supplier<String> what) {
        double n = number(value, what);
        if (value.isFloatingPointNumber() || n != Math.rint(n)) {
            throw new CommandException("ValueError", what.get() + " must be an integer, got " + Values.describe(value));
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    /** NEURON refuses diam <= 0 through hoc_execerror, which Python sees as RuntimeError. */
    private static void refuseDiamAsNeuron(Runnable setDiam) {
        try {
            setDiam.run();
        } catch (InvalidValueException e) {
            throw new CommandException("RuntimeError", e.getMessage());
        }
    }

    JsonNode getSegment(Section s, double x, String variable) {
        switch (variable) {
            case "area":
                return Bridge.NODES.numberNode(s.area(x));
            case "ri":
                return Bridge.NODES.numberNode(s.ri(x));
            default:
                return Bridge.NODES.numberNode(s.get(variable, x));
        }
    }

    void setSegment(Section s, double x, String variable, JsonNode value) {
        setSegment(s, x, variable, number(value, () -> s.name() + "(" + x + ")." + variable));
    }

    void setSegment(Section s, double x, String variable, double v) {
        switch (variable) {
            case "diam" -> refuseDiamAsNeuron(() -> s.setDiam(x, v));
            case "cm" -> s.setCm(x, v);
            default -> s.set(variable, x, v);
        }
    }

    @Override
    public JsonNode call(Section s, String method, Args args) {
        switch (method) {
            case "connect":
                args.expect(1, 3);
                s.connect(args.object(0, Section.class), args.has(1) ? args.number(1) : 1.0, args.has(2) ? args.number(2) : 0.0);
                return none();
            case "disconnect":
                args.expect(0, 0);
                s.disconnect();
                return none();
            case "parent":
                args.expect(0, 0);
                return bridge.encode(s.parent());
            case "parentx":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(s.parentX());
            case "childx":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(s.childX());
            case "children":
                args.expect(0, 0);
                return bridge.encodeAll(s.children());
            case "root":
                args.expect(0, 0);
                return bridge.encode(s.root());
            case "wholetree":
                args.expect(0, 0);
                return bridge.encodeAll(s.wholetree());
            case "insert":
                args.expect(1, 1);
                s.insert(args.string(0));
                return none();
            case "uninsert":
                args.expect(1, 1);
                s.uninsert(args.string(0));
                return none();
            case "has":
                args.expect(1, 1);
                return Bridge.NODES.booleanNode(s.has(args.string(0)));
            case "mechanisms":
                args.expect(0, 0);
                return Bridge.strings(s.mechanisms());
            case "n3d":
                args.expect(0, 0);
                return Bridge.NODES.numberNode(s.n3d());
            case "pt3dadd":
                args.expect(4, 4);
                s.pt3dadd(args.number(0), args.number(1), args.number(2), args.number(3));
                return none();
            case "pt3dadd_many":
                pt3daddMany(s, args.expect(4, 4));
                return none();
            case "pt3dclear":
                args.expect(0, 0);
                s.pt3dclear();
                return none();
            case "points":
                args.expect(0, 0);
                return points(s);
            case "area":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(s.area(args.number(0)));
            case "ri":
                args.expect(1, 1);
                return Bridge.NODES.numberNode(s.ri(args.number(0)));
            case "point_processes": {
                // With x: those on x's node (NEURON's seg.point_processes(), by node_exact).
                args.expect(0, 1);
                if (!args.has(0)) {
                    return bridge.encodeAll(s.pointProcesses());
                }
                int node = s.nodeSlot(args.number(0));
                return bridge.encodeAll(s.pointProcesses().stream().filter(pp -> s.nodeSlot(pp.x()) == node).toList());
            }
            case "delete":
                args.expect(0, 0);
                if (!s.isDeleted()) {
                    bridge.sim.deleteSection(s);
                }
                return none();
            default:
                throw new CommandException("AttributeError", "Section has no method \"" + method + "\"");
        }
    }

    @Override
    public void free(Section s, boolean createdByPython) {
        if (createdByPython && !s.isDeleted()) {
            bridge.sim.deleteSection(s);
        }
    }

    /** Adds every point or none: on a bad point the section's former points are restored. */
    private static void pt3daddMany(Section s, Args args) {
        double[] x = args.numbers(0);
        double[] y = args.numbers(1);
        double[] z = args.numbers(2);
        double[] d = args.numbers(3);
        if (y.length != x.length || z.length != x.length || d.length != x.length) {
            throw new CommandException("ValueError", "pt3dadd_many: x, y, z, diam have different lengths "
                    + x.length + ", " + y.length + ", " + z.length + ", " + d.length);
        }
        int before = s.n3d();
        double[][] old = new double[before][];
        for (int i = 0; i < before; i++) {
            old[i] = new double[] {s.x3d(i), s.y3d(i), s.z3d(i), s.diam3d(i)};
        }
        try {
            for (int i = 0; i < x.length; i++) {
                s.pt3dadd(x[i], y[i], z[i], d[i]);
            }
        } catch (RuntimeException e) {
            s.pt3dclear();
            for (double[] p : old) {
                s.pt3dadd(p[0], p[1], p[2], p[3]);
            }
            throw e;
        }
    }

    private static JsonNode points(Section s) {
        ArrayNode rows = Bridge.NODES.arrayNode(s.n3d());
        for (int i = 0; i < s.n3d(); i++) {
            ArrayNode row = rows.addArray();
            row.add(s.x3d(i)).add(s.y3d(i)).add(s.z3d(i)).add(s.diam3d(i)).add(s.arc3d(i));
        }
        return rows;
    }

    private static NullNode none() {
        return NullNode.getInstance();
    }
}
