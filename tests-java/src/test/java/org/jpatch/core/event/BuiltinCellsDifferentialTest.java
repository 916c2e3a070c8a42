package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.IntFire1;
import org.jpatch.core.mech.builtin.IntFire2;
import org.jpatch.core.mech.builtin.IntFire4;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * NEURON's built-in IntFire1, IntFire2, IntFire4, OClamp, fastpas and PointProcessMark
 * against real NEURON 9.0.2 (tools/reference/events/gen_builtin_cells.py): spike times,
 * the cells' FUNCTIONs M, I, E sampled after every step, and membrane traces.
 */
class BuiltinCellsDifferentialTest {
    /**
     * Relative bound where exp and log decide last bits: glibc's and the JVM's can differ
     * by an ulp, and IntFire2's Newton iteration and IntFire4's bisection pass such an ulp on.
     */
    private static final double RELATIVE = 1e-9;
    private static final double TOLERANCE = 1e-9; // [mV], [nA]
    private static final JsonNode REF = ReferenceData.load("builtin_cells.json");

    /** finitialize(-65), fadvance while t < tstop - dt/2, every sampler read after each. */
    private static Map<String, List<Double>> stepped(Simulation sim, double tstop, Map<String, DoubleSupplier> samplers) {
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        samplers.keySet().forEach(name -> rows.put(name, new ArrayList<>()));
        sim.finitialize(-65);
        samplers.forEach((name, read) -> rows.get(name).add(read.getAsDouble()));
        while (sim.t() < tstop - sim.dt() / 2) {
            sim.fadvance();
            samplers.forEach((name, read) -> rows.get(name).add(read.getAsDouble()));
        }
        return rows;
    }

    private static void assertClose(JsonNode expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": count");
        for (int i = 0; i < actual.size(); i++) {
            assertClose(expected.get(i).asDouble(), actual.get(i), what + "[" + i + "]");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (!(Math.abs(expected - actual) <= RELATIVE * Math.max(1.0, Math.abs(expected)))) {
            fail(what + ": NEURON " + expected + ", engine " + actual);
        }
    }

    private static void assertTimes(JsonNode expected, SpikeTimes actual, String what) {
        double[] times = actual.toArray();
        List<Double> list = new ArrayList<>();
        for (double t : times) {
            list.add(t);
        }
        assertClose(expected, list, what);
    }

    private static PointProcess stim(Simulation sim, double start, double interval, double number) {
        PointProcess s = sim.newPointProcess("NetStim", null, 0);
        s.set("start", start);
        s.set("interval", interval);
        s.set("number", number);
        return s;
    }

    /** NEURON's NetCon(source, target, threshold, delay, weight). */
    private static void connect(EventSystem events, PointProcess source, PointProcess target, double delay, double w) {
        NetCon nc = events.newNetCon(source, target);
        nc.setThreshold(0);
        nc.setDelay(delay);
        nc.setWeight(0, w);
    }

    private static SpikeTimes recorded(EventSystem events, PointProcess cell) {
        SpikeTimes times = new SpikeTimes();
        events.newNetCon(cell, null).record(times);
        return times;
    }

    private static Simulation simulation() {
        Simulation sim = new Simulation();
        sim.setGlobal("celsius", 6.3);
        sim.setGlobal("dt", 0.025);
        return sim;
    }

    @Test
    void intFire1FiresGoesRefractoryAndDecaysAsNeuron() {
        JsonNode ref = REF.get("intfire1");
        Simulation sim = simulation();
        EventSystem events = EventSystem.attach(sim);
        PointProcess a = sim.newPointProcess("IntFire1", null, 0);
        PointProcess b = sim.newPointProcess("IntFire1", null, 0);
        b.set("tau", 4);
        b.set("refrac", 2.5);
        PointProcess drive = stim(sim, 1, 1.5, 40);
        PointProcess inhibit = stim(sim, 3.3, 7, 6);
        connect(events, drive, a, 0.5, 0.45);
        connect(events, drive, b, 0.25, 0.6);
        connect(events, inhibit, b, 0.1, -0.7);
        SpikeTimes ta = recorded(events, a);
        SpikeTimes tb = recorded(events, b);
        Map<String, DoubleSupplier> samplers = new LinkedHashMap<>();
        samplers.put("t", sim::t);
        samplers.put("a_M", () -> IntFire1.M(a, sim.t()));
        samplers.put("b_M", () -> IntFire1.M(b, sim.t()));
        samplers.put("a_m", () -> a.get("m"));
        samplers.put("b_m", () -> b.get("m"));
        Map<String, List<Double>> rows = stepped(sim, 60, samplers);
        rows.forEach((name, values) -> assertClose(ref.get(name), values, "IntFire1 " + name));
        assertTimes(ref.get("a_times"), ta, "IntFire1 a spikes");
        assertTimes(ref.get("b_times"), tb, "IntFire1 b spikes");
    }

    @Test
    void intFire2FiresAtNeuronsNewtonTimesOnEveryBranch() {
        JsonNode ref = REF.get("intfire2");
        Simulation sim = simulation();
        EventSystem events = EventSystem.attach(sim);
        double[][] params = {{20, 10, 1.2}, {15, 5, 0.5}, {10, 12, 1.6}};
        List<PointProcess> cells = new ArrayList<>();
        for (double[] p : params) {
            PointProcess c = sim.newPointProcess("IntFire2", null, 0);
            c.set("taus", p[0]);
            c.set("taum", p[1]);
            c.set("ib", p[2]);
            cells.add(c);
        }
        PointProcess drive = stim(sim, 2, 3.1, 25);
        PointProcess inhibit = stim(sim, 5.05, 9, 8);
        connect(events, drive, cells.get(0), 0.5, 0.3);
        connect(events, drive, cells.get(1), 0.25, 0.8);
        connect(events, inhibit, cells.get(1), 0.4, -0.6);
        connect(events, inhibit, cells.get(2), 0.2, -1.5);
        connect(events, drive, cells.get(2), 1.0, 0.2);
        List<SpikeTimes> times = cells.stream().map(c -> recorded(events, c)).toList();
        Map<String, DoubleSupplier> samplers = new LinkedHashMap<>();
        samplers.put("t", sim::t);
        for (int k = 0; k < cells.size(); k++) {
            PointProcess c = cells.get(k);
            samplers.put("c" + k + "_M", () -> IntFire2.M(c, sim.t()));
            samplers.put("c" + k + "_I", () -> IntFire2.I(c, sim.t()));
            samplers.put("c" + k + "_m", () -> c.get("m"));
            samplers.put("c" + k + "_i", () -> c.get("i"));
        }
        Map<String, List<Double>> rows = stepped(sim, 80, samplers);
        rows.forEach((name, values) -> assertClose(ref.get(name), values, "IntFire2 " + name));
        for (int k = 0; k < cells.size(); k++) {
            assertTimes(ref.get("c" + k + "_times"), times.get(k), "IntFire2 c" + k + " spikes");
            assertEquals(ref.get("c" + k + "_taus").asDouble(), cells.get(k).get("taus"), "taus raised above taum");
        }
    }

    @Test
    void intFire4FiresCountsAndAdjustsItsTimeConstantsAsNeuron() {
        JsonNode ref = REF.get("intfire4");
        Simulation sim = simulation();
        EventSystem events = EventSystem.attach(sim);
        double[][] params = {{5, 10, 20, 50}, {3, 8, 6, 4}, {2, 5, 10, 10.001}};
        List<PointProcess> cells = new ArrayList<>();
        PointProcess drive = stim(sim, 1, 1.7, 50);
        PointProcess inhibit = stim(sim, 4.02, 6.5, 10);
        for (double[] p : params) {
            PointProcess c = sim.newPointProcess("IntFire4", null, 0);
            c.set("taue", p[0]);
            c.set("taui1", p[1]);
            c.set("taui2", p[2]);
            c.set("taum", p[3]);
            cells.add(c);
        }
        for (int k = 0; k < cells.size(); k++) {
            connect(events, drive, cells.get(k), 0.3 + 0.1 * k, 0.35);
            connect(events, inhibit, cells.get(k), 0.7, -0.5);
        }
        List<SpikeTimes> times = cells.stream().map(c -> recorded(events, c)).toList();
        Map<String, DoubleSupplier> samplers = new LinkedHashMap<>();
        samplers.put("t", sim::t);
        for (int k = 0; k < cells.size(); k++) {
            PointProcess c = cells.get(k);
            samplers.put("c" + k + "_M", () -> IntFire4.M(c, sim.t()));
            samplers.put("c" + k + "_E", () -> IntFire4.E(c, sim.t()));
            samplers.put("c" + k + "_I", () -> IntFire4.I(c, sim.t()));
        }
        Map<String, List<Double>> rows = stepped(sim, 90, samplers);
        rows.forEach((name, values) -> assertClose(ref.get(name), values, "IntFire4 " + name));
        String[] finals = {"taue", "taui1", "taui2", "taum", "ae", "ai1", "ai2", "nself", "nexcite", "ninhibit", "m",
            "e", "i1", "i2"};
        for (int k = 0; k < cells.size(); k++) {
            assertTimes(ref.get("c" + k + "_times"), times.get(k), "IntFire4 c" + k + " spikes");
            for (String name : finals) {
                assertClose(ref.get("c" + k + "_" + name).asDouble(), cells.get(k).get(name), "IntFire4 c" + k + " " + name);
            }
        }
    }

    @Test
    void oclampHoldsItsCommandOnlyWhileSwitchedOnAndInItsWindow() {
        JsonNode ref = REF.get("oclamp");
        Simulation sim = simulation();
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        PointProcess clamp = sim.newPointProcess("OClamp", soma, 0.5);
        clamp.set("on", 2);
        clamp.set("off", 8.5);
        clamp.set("vc", -20);
        clamp.set("rs", 0.5);
        clamp.set("switched_on", 1);
        PointProcess idle = sim.newPointProcess("OClamp", soma, 0.5);
        idle.set("on", 0);
        idle.set("off", 100);
        idle.set("vc", 30);
        Traces traces = new Traces(sim).record("t", sim.globalRef("t")).record("v", sim.ref(soma, 0.5, "v"))
                .record("i", sim.ref(clamp, "i")).record("idle_i", sim.ref(idle, "i"));
        sim.finitialize(-65);
        sim.continuerun(15);
        traces.assertAgree(ref, TOLERANCE);
    }

    @Test
    void fastpasCableWithAMarkedClampSiteFollowsNeuron() {
        JsonNode ref = REF.get("fastpas");
        Simulation sim = simulation();
        Section cable = sim.newSection("cable");
        cable.setL(300);
        cable.setDiam(2);
        cable.setNseg(5);
        cable.insert("fastpas");
        assertEquals(ref.get("defaults").get(0).asDouble(), cable.get("g_fastpas", 0.1));
        assertEquals(ref.get("defaults").get(1).asDouble(), cable.get("e_fastpas", 0.1));
        for (double x : new double[] {0.7, 0.9}) {
            cable.set("g_fastpas", x, 0.002);
            cable.set("e_fastpas", x, -80);
        }
        PointProcess clamp = sim.newPointProcess("IClamp", cable, 0.1);
        clamp.set("del", 1);
        clamp.set("dur", 3);
        clamp.set("amp", 0.2);
        sim.newPointProcess("PointProcessMark", cable, 0.1);
        Traces traces = new Traces(sim).record("t", sim.globalRef("t")).record("v1", sim.ref(cable, 0.1, "v"))
                .record("v3", sim.ref(cable, 0.5, "v")).record("v5", sim.ref(cable, 0.9, "v"));
        sim.finitialize(-65);
        sim.continuerun(10);
        traces.assertAgree(ref, TOLERANCE);
    }

    @Test
    void internalStateOfTheCellsIsNotNamedAsNeuronHidesIt() {
        Simulation sim = simulation();
        PointProcess cell = sim.newPointProcess("IntFire1", null, 0);
        assertThrows(UnknownVariableException.class, () -> cell.get("t0"));
        assertThrows(UnknownVariableException.class, () -> cell.get("refractory"));
        PointProcess four = sim.newPointProcess("IntFire4", null, 0);
        assertThrows(UnknownVariableException.class, () -> four.get("ke"));
        assertThrows(InvalidValueException.class, () -> IntFire4.M(cell, 0));
    }
}
