package org.jpatch.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;

/**
 * Interprets a reference scenario's operations on the engine through its public facade,
 * the same list real NEURON ran (tools/reference/README.md describes each operation).
 */
final class ScenarioOnEngine {
    private final Simulation sim = new Simulation();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, PointProcess> pointProcesses = new HashMap<>();
    private final TraceRecorder recorder = new TraceRecorder();

    private ScenarioOnEngine() {
        sim.addStepObserver(recorder);
    }

    /** Builds and runs the scenario on a fresh engine. */
    static ScenarioOnEngine run(ReferenceScenario scenario) {
        ScenarioOnEngine engine = new ScenarioOnEngine();
        for (JsonNode op : scenario.operations()) {
            engine.apply(op);
        }
        return engine;
    }

    Map<String, double[]> traces() {
        return recorder.traces();
    }

    Section section(String name) {
        Section sec = sections.get(name);
        if (sec == null) {
            throw new IllegalArgumentException("scenario names no section " + name);
        }
        return sec;
    }

    private void apply(JsonNode op) {
        String kind = op.get("op").asText();
        switch (kind) {
            case "global" -> sim.setGlobal(text(op, "name"), number(op, "value"));
            case "section" -> sections.put(text(op, "name"), sim.newSection(text(op, "name")));
            case "set" -> setSectionAttribute(section(text(op, "section")), text(op, "attr"), op.get("value"));
            case "insert" -> section(text(op, "section")).insert(text(op, "mech"));
            case "range_all" -> setAllSegments(section(text(op, "section")), text(op, "var"), number(op, "value"));
            case "range" -> setSegment(section(text(op, "section")), text(op, "var"), number(op, "x"), number(op, "value"));
            case "connect" -> section(text(op, "child"))
                    .connect(section(text(op, "parent")), number(op, "parentX"), number(op, "childX"));
            case "pt3dadd" -> section(text(op, "section"))
                    .pt3dadd(number(op, "x"), number(op, "y"), number(op, "z"), number(op, "d"));
            case "pointProcess" -> pointProcesses.put(text(op, "id"),
                    sim.newPointProcess(text(op, "type"), section(text(op, "section")), number(op, "x")));
            case "ppset" -> pointProcesses.get(text(op, "id")).set(text(op, "var"), number(op, "value"));
            case "record" -> recorder.add(text(op, "label"), ref(op.get("target")));
            case "play" -> play(op);
            case "run" -> sim.run();
            case "continuerun" -> sim.continuerun(number(op, "tstop"));
            default -> throw new IllegalArgumentException("unknown scenario operation " + kind);
        }
    }

    private static void setSectionAttribute(Section sec, String attr, JsonNode value) {
        switch (attr) {
            case "L" -> sec.setL(value.asDouble());
            case "Ra" -> sec.setRa(value.asDouble());
            case "nseg" -> sec.setNseg(value.asInt());
            case "diam" -> sec.setDiam(value.asDouble());
            case "cm" -> sec.setCm(value.asDouble());
            default -> throw new IllegalArgumentException("unknown section attribute " + attr);
        }
    }

    private static void setAllSegments(Section sec, String var, double value) {
        switch (var) {
            case "diam" -> sec.setDiam(value);
            case "cm" -> sec.setCm(value);
            default -> sec.setAll(var, value);
        }
    }

    private static void setSegment(Section sec, String var, double x, double value) {
        switch (var) {
            case "diam" -> sec.setDiam(x, value);
            case "cm" -> sec.setCm(x, value);
            default -> sec.set(var, x, value);
        }
    }

    private VarRef ref(JsonNode target) {
        if (target.has("global")) {
            return sim.globalRef(text(target, "global"));
        }
        if (target.has("pointProcess")) {
            return sim.ref(pointProcesses.get(text(target, "pointProcess")), text(target, "var"));
        }
        return sim.ref(section(text(target, "section")), number(target, "x"), text(target, "var"));
    }

    /** Vector.play with a time vector ("t") or a fixed interval ("dt"). */
    private void play(JsonNode op) {
        Vector values = new Vector(ReferenceScenario.doubles(op.get("y")));
        VarRef target = ref(op.get("target"));
        boolean continuous = op.get("continuous").asBoolean();
        if (op.has("t")) {
            values.play(sim, target, new Vector(ReferenceScenario.doubles(op.get("t"))), continuous);
        } else if (!continuous) {
            values.play(sim, target, number(op, "dt"));
        } else {
            throw new IllegalArgumentException("continuous play with a fixed interval is not in the engine's Vector API");
        }
    }

    private static String text(JsonNode op, String field) {
        return op.get(field).asText();
    }

    private static double number(JsonNode op, String field) {
        return op.get(field).asDouble();
    }
}
