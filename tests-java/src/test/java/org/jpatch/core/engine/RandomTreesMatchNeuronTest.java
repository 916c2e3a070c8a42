package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomly built section trees (random_trees.py, run in NEURON 9.0.2): random
 * secondorder, celsius, usetable_hh and dt; connections at ends and interior points by
 * either end, reconnections that flip orientation under children, nseg changes,
 * disconnections, 3-D points, diameters set, clamps on any node. The engine must give
 * NEURON's geometry exactly, its children order, and its v (1e-9 mV).
 */
class RandomTreesMatchNeuronTest {

    static Stream<JsonNode> trees() throws IOException {
        try (InputStream in = RandomTreesMatchNeuronTest.class.getResourceAsStream("random_trees.json")) {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(list::add);
            return list.stream();
        }
    }

    private static Map<String, Section> build(Simulation sim, JsonNode operations) {
        Map<String, Section> secs = new HashMap<>();
        for (JsonNode op : operations) {
            switch (op.get("op").asText()) {
                case "sec" -> {
                    Section s = sim.newSection(op.get("name").asText());
                    s.setL(op.get("L").asDouble());
                    s.setDiam(op.get("diam").asDouble());
                    s.setRa(op.get("Ra").asDouble());
                    s.setNseg(op.get("nseg").asInt());
                    secs.put(s.name(), s);
                }
                case "pts" -> {
                    for (JsonNode p : op.get("pts")) {
                        secs.get(op.get("name").asText()).pt3dadd(p.get(0).asDouble(), p.get(1).asDouble(),
                                p.get(2).asDouble(), p.get(3).asDouble());
                    }
                }
                case "connect" -> secs.get(op.get("child").asText()).connect(secs.get(op.get("parent").asText()),
                        op.get("px").asDouble(), op.get("cx").asDouble());
                case "insert" -> secs.get(op.get("name").asText()).insert(op.get("mech").asText());
                case "nseg" -> secs.get(op.get("name").asText()).setNseg(op.get("nseg").asInt());
                case "segdiam" -> secs.get(op.get("name").asText()).setDiam(op.get("x").asDouble(),
                        op.get("diam").asDouble());
                case "global" -> sim.setGlobal(op.get("name").asText(), op.get("value").asDouble());
                case "disconnect" -> secs.get(op.get("name").asText()).disconnect();
                case "L" -> secs.get(op.get("name").asText()).setL(op.get("L").asDouble());
                case "alldiam" -> secs.get(op.get("name").asText()).setDiam(op.get("diam").asDouble());
                case "stim" -> {
                    PointProcess stim = sim.newPointProcess("IClamp", secs.get(op.get("name").asText()),
                            op.get("x").asDouble());
                    stim.set("del", 0.1);
                    stim.set("dur", 1.0);
                    stim.set("amp", op.get("amp").asDouble());
                }
                default -> throw new IllegalArgumentException("unknown operation " + op);
            }
        }
        return secs;
    }

    @ParameterizedTest(name = "tree {index}")
    @MethodSource("trees")
    void geometryChildrenAndVoltageEqualNeurons(JsonNode tree) {
        Simulation sim = new Simulation();
        Map<String, Section> secs = build(sim, tree.get("operations"));
        JsonNode neuron = tree.get("neuron");

        for (JsonNode g : neuron.get("geometry")) {
            Section s = secs.get(g.get(0).asText());
            double x = g.get(1).asDouble();
            String where = s.name() + "(" + x + ")";
            assertEquals(g.get(2).asDouble(), s.area(x), 1e-12 * Math.abs(g.get(2).asDouble()), where + ".area");
            assertEquals(g.get(3).asDouble(), s.ri(x), 1e-12 * Math.abs(g.get(3).asDouble()), where + ".ri");
            assertEquals(g.get(4).asDouble(), s.diam(x), 1e-12 * Math.abs(g.get(4).asDouble()), where + ".diam");
        }

        Iterator<Map.Entry<String, JsonNode>> children = neuron.get("children").fields();
        while (children.hasNext()) {
            Map.Entry<String, JsonNode> e = children.next();
            List<String> expected = new ArrayList<>();
            e.getValue().forEach(n -> expected.add(n.asText()));
            assertEquals(expected, secs.get(e.getKey()).children().stream().map(Section::name).toList(),
                    e.getKey() + ".children()");
        }

        List<VarRef> refs = new ArrayList<>();
        for (JsonNode probe : neuron.get("v")) {
            refs.add(sim.ref(secs.get(probe.get(0).asText()), probe.get(1).asDouble(), "v"));
        }
        int samples = neuron.get("v").get(0).get(2).size();
        double[][] engine = new double[refs.size()][samples];
        sim.finitialize(-65);
        for (int n = 0; n < samples; n++) {
            if (n > 0) {
                sim.fadvance();
            }
            for (int k = 0; k < refs.size(); k++) {
                engine[k][n] = refs.get(k).get();
            }
        }
        assertEquals(3.0, sim.t(), sim.dt() / 2, "ran to 3 ms");
        int k = 0;
        for (JsonNode probe : neuron.get("v")) {
            JsonNode values = probe.get(2);
            for (int n = 0; n < samples; n++) {
                assertEquals(values.get(n).asDouble(), engine[k][n], 1e-9,
                        refs.get(k).name() + " at sample " + n);
            }
            k++;
        }
    }
}
