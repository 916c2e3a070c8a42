package org.jpatch.core.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.Random123Streams;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;

/**
 * The cases of tools/reference/random/gen_random.py (real NEURON 9.0.2), replayed on the
 * engine: each operation on a Random as the script did it in NEURON, on state shared by
 * every case as NEURON's process shares it.
 */
final class RandomReference {
    record Case(String name, JsonNode ops, double[] expected) {}

    /** What one replay returned: the values, and for each whether a libm call (log, exp, pow) made it. */
    record Replay(double[] values, boolean[] throughLibm) {}

    /** The distributions whose draws call log, exp or pow (glibc's in NEURON, RoundedMath's here). */
    private static final Set<String> LIBM_DISTRIBUTIONS =
            Set.of("normal", "lognormal", "poisson", "hypergeo", "negexp", "erlang", "weibull");

    private final Random123Streams streams = new Random123Streams();
    private final MCellRan4Globals mcellGlobals = new MCellRan4Globals();

    static List<Case> load() {
        String resource = "/reference/random/random.json";
        try (InputStream in = RandomReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                JsonNode results = c.get("results");
                double[] expected = new double[results.size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = Double.parseDouble(results.get(i).asText());
                }
                cases.add(new Case(c.get("name").asText(), c.get("ops"), expected));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the operations of one case; the values they return, in order. */
    Replay replay(JsonNode ops) {
        Random r = null;
        List<Double> out = new ArrayList<>();
        List<Boolean> libm = new ArrayList<>();
        boolean currentUsesLibm = true; // a new Random draws from normal(0, 1)
        for (JsonNode op : ops) {
            String name = op.get(0).asText();
            boolean draws = name.equals("repick") || name.equals("setrand") || LIBM_DISTRIBUTIONS.contains(name)
                    || name.equals("uniform") || name.equals("discunif") || name.equals("binomial")
                    || name.equals("geometric");
            if (name.equals("new")) {
                currentUsesLibm = true;
            } else if (draws && !name.equals("repick") && !name.equals("setrand")) {
                currentUsesLibm = LIBM_DISTRIBUTIONS.contains(name);
            }
            int before = out.size();
            double[] a = new double[op.size() - 1];
            for (int i = 0; i < a.length; i++) {
                a[i] = op.get(i + 1).asDouble();
            }
            switch (name) {
                case "new" -> r = a.length == 0 ? new Random(streams, mcellGlobals)
                        : a.length == 1 ? new Random(streams, mcellGlobals, a[0])
                        : new Random(streams, mcellGlobals, a[0], a[1]);
                case "MCellRan4" -> out.add(a.length == 0 ? r.mcellRan4()
                        : a.length == 1 ? r.mcellRan4(a[0]) : r.mcellRan4(a[0], a[1]));
                case "Random123" -> out.add(r.random123(a[0], a[1], a[2]));
                case "globalindex" -> out.add(a.length == 0 ? r.random123GlobalIndex() : r.random123GlobalIndex(a[0]));
                case "mcell_ran4_init" -> out.add((double) (a.length == 0 ? mcellGlobals.lowIndex()
                        : mcellGlobals.setLowIndex(a[0])));
                case "seq" -> out.add(a.length == 0 ? r.seq() : r.seq(a[0]));
                case "repick" -> {
                    for (int i = 0; i < (int) a[0]; i++) {
                        out.add(r.repick());
                    }
                }
                case "setrand" -> {
                    Vector v = new Vector((int) a[0]);
                    if (a.length == 1) {
                        v.setrand(r);
                    } else {
                        v.setrand(r, (int) a[1], (int) a[2]);
                    }
                    for (double x : v.toArray()) {
                        out.add(x);
                    }
                }
                case "play_iclamp" -> {
                    for (double x : playedIclamp(r, (int) a[0])) {
                        out.add(x);
                    }
                }
                case "uniform" -> out.add(r.uniform(a[0], a[1]));
                case "discunif" -> out.add(r.discunif(a[0], a[1]));
                case "normal" -> out.add(r.normal(a[0], a[1]));
                case "lognormal" -> out.add(r.lognormal(a[0], a[1]));
                case "poisson" -> out.add(r.poisson(a[0]));
                case "binomial" -> out.add(r.binomial(a[0], a[1]));
                case "geometric" -> out.add(r.geometric(a[0]));
                case "hypergeo" -> out.add(r.hypergeo(a[0], a[1]));
                case "negexp" -> out.add(r.negexp(a[0]));
                case "erlang" -> out.add(r.erlang(a[0], a[1]));
                case "weibull" -> out.add(r.weibull(a[0], a[1]));
                default -> throw new IllegalArgumentException("operation " + name + " is not replayed here");
            }
            for (int i = before; i < out.size(); i++) {
                libm.add(draws && currentUsesLibm);
            }
        }
        boolean[] throughLibm = new boolean[libm.size()];
        for (int i = 0; i < throughLibm.length; i++) {
            throughLibm[i] = libm.get(i);
        }
        return new Replay(out.stream().mapToDouble(Double::doubleValue).toArray(), throughLibm);
    }

    /** gen_random.py's played_iclamp: the clamp's amp then the soma's v, at finitialize and each step. */
    private static double[] playedIclamp(Random r, int steps) {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        PointProcess clamp = sim.newPointProcess("IClamp", soma, 0.5);
        clamp.set("dur", 1e9);
        RandomPlay.start(sim, r, sim.ref(clamp, "amp"));
        Vector amp = new Vector().record(sim, sim.ref(clamp, "amp"));
        Vector v = new Vector().record(sim, sim.ref(soma, 0.5, "v"));
        sim.finitialize(-65);
        for (int i = 0; i < steps; i++) {
            sim.fadvance();
        }
        double[] both = new double[amp.size() + v.size()];
        System.arraycopy(amp.toArray(), 0, both, 0, amp.size());
        System.arraycopy(v.toArray(), 0, both, amp.size(), v.size());
        return both;
    }
}
