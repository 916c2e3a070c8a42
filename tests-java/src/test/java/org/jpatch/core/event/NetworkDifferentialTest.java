package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * A mixed network against real NEURON (tools/reference/events/gen_network.py): noisy
 * NetStims on default Random123 streams, fan-out through equal-delay NetCons (NEURON's
 * shared queue entry), threshold sources between cells, and a NetStim switched on by
 * a cell's spikes.
 */
class NetworkDifferentialTest {
    @Test
    void mixedNetworkTracesAndSpikeTimesEqualNeurons() {
        JsonNode ref = ReferenceData.load("network.json");
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        List<Section> somas = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Section soma = sim.newSection("soma" + k);
            soma.setL(18);
            soma.setDiam(18);
            soma.insert("hh");
            somas.add(soma);
        }
        List<PointProcess> drives = new ArrayList<>();
        for (Section soma : somas) {
            PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
            syn.set("tau", 1.5);
            drives.add(syn);
        }
        List<PointProcess> stims = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            PointProcess ns = sim.newPointProcess("NetStim", null, 0.5);
            ns.set("start", 1 + j);
            ns.set("interval", 6);
            ns.set("number", 12);
            ns.set("noise", 0.5);
            stims.add(ns);
            for (int k = 0; k < 3; k++) {
                NetCon nc = events.newNetCon(ns, drives.get(k));
                nc.setDelay(2);
                nc.setWeight(0, 0.002 * (1 + j) + 0.001 * k);
            }
        }
        for (int k : new int[] {1, 2}) {
            PointProcess syn = sim.newPointProcess("Exp2Syn", somas.get(k), 0.5);
            syn.set("tau1", 0.3);
            syn.set("tau2", 3);
            NetCon nc = events.newNetCon(sim.ref(somas.get(0), 0.5, "v"), syn);
            nc.setThreshold(-10);
            nc.setDelay(1.5);
            nc.setWeight(0, 0.004);
        }
        PointProcess inhibit = sim.newPointProcess("ExpSyn", somas.get(2), 0.5);
        inhibit.set("tau", 4);
        inhibit.set("e", -80);
        NetCon inhibition = events.newNetCon(sim.ref(somas.get(1), 0.5, "v"), inhibit);
        inhibition.setThreshold(-10);
        inhibition.setDelay(0.75);
        inhibition.setWeight(0, 0.003);
        PointProcess gated = sim.newPointProcess("NetStim", null, 0.5);
        gated.set("start", -1);
        gated.set("interval", 2.5);
        gated.set("number", 3);
        NetCon gate = events.newNetCon(sim.ref(somas.get(2), 0.5, "v"), gated);
        gate.setThreshold(-10);
        gate.setWeight(0, 1);
        NetCon gatedDrive = events.newNetCon(gated, drives.get(0));
        gatedDrive.setDelay(0.5);
        gatedDrive.setWeight(0, 0.01);

        Map<String, SpikeTimes> spikes = new LinkedHashMap<>();
        spikes.put("stim0", record(events.newNetCon(stims.get(0), null)));
        spikes.put("stim3", record(events.newNetCon(stims.get(3), null)));
        spikes.put("gated", record(events.newNetCon(gated, null)));
        for (int k = 0; k < 3; k++) {
            spikes.put("soma" + k, record(events.newNetCon(sim.ref(somas.get(k), 0.5, "v"), null)));
        }
        Traces traces = new Traces(sim).record("t", sim.globalRef("t"));
        for (int k = 0; k < 3; k++) {
            traces.record("v" + k, sim.ref(somas.get(k), 0.5, "v"));
        }
        sim.finitialize(-65);
        sim.continuerun(80);

        traces.assertAgree(ref.get("traces"), 1e-9);
        for (Map.Entry<String, SpikeTimes> e : spikes.entrySet()) {
            assertArrayEquals(ReferenceData.doubles(ref.get("spikes").get(e.getKey())), e.getValue().toArray(), 1e-9,
                    e.getKey());
        }
    }

    private static SpikeTimes record(NetCon nc) {
        SpikeTimes times = new SpikeTimes();
        nc.record(times);
        return times;
    }
}
