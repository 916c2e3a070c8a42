package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Clamps, APCount and AlphaSynapse on an hh soma against real NEURON 9.0.2 (gen_events.py). */
class ClampDifferentialTest {
    private static final double TOLERANCE = 1e-9; // [mV], [nA]

    private static Section hhSoma(Simulation sim) {
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        return soma;
    }

    @Test
    void seclampCurrentAndCommandFollowNeuron() {
        JsonNode ref = ReferenceData.load("seclamp.json");
        Simulation sim = new Simulation();
        EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess clamp = sim.newPointProcess("SEClamp", soma, 0.5);
        clamp.set("dur1", 5);
        clamp.set("amp1", -65);
        clamp.set("dur2", 10);
        clamp.set("amp2", -10);
        clamp.set("dur3", 7.5);
        clamp.set("amp3", -80);
        clamp.set("rs", 0.5);
        Traces traces = new Traces(sim)
                .record("t", sim.globalRef("t"))
                .record("v", sim.ref(soma, 0.5, "v"))
                .record("i", sim.ref(clamp, "i"))
                .record("vc", sim.ref(clamp, "vc"));
        sim.finitialize(-65);
        sim.continuerun(30);
        traces.assertAgree(ref.get("traces"), TOLERANCE);
    }

    @Test
    void vclampCurrentAndAmplifierStatesFollowNeuron() {
        JsonNode ref = ReferenceData.load("vclamp.json");
        Simulation sim = new Simulation();
        Section soma = hhSoma(sim);
        PointProcess clamp = sim.newPointProcess("VClamp", soma, 0.5);
        double[][] levels = {{5, -65}, {10, -10}, {7.5, -80}};
        for (int j = 0; j < 3; j++) {
            clamp.set("dur[" + j + "]", levels[j][0]);
            clamp.set("amp[" + j + "]", levels[j][1]);
        }
        Traces traces = new Traces(sim)
                .record("t", sim.globalRef("t"))
                .record("v", sim.ref(soma, 0.5, "v"))
                .record("i", sim.ref(clamp, "i"))
                .record("vo", sim.ref(clamp, "vo"))
                .record("vi", sim.ref(clamp, "vi"))
                .record("e", sim.ref(clamp, "e"));
        sim.finitialize(-65);
        sim.continuerun(30);
        traces.assertAgree(ref.get("traces"), TOLERANCE);
    }

    @Test
    void apcountCountsAndTimesEqualNeurons() {
        JsonNode ref = ReferenceData.load("apcount.json");
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 2);
        stim.set("dur", 60);
        stim.set("amp", 0.1);
        PointProcess apc = sim.newPointProcess("APCount", soma, 0.5);
        apc.set("thresh", -10);
        Vector times = new Vector();
        events.recordTimes(apc, new VectorSpikeRecord(times));
        Traces traces = new Traces(sim)
                .record("t", sim.globalRef("t"))
                .record("v", sim.ref(soma, 0.5, "v"))
                .record("n", sim.ref(apc, "n"));
        sim.finitialize(-65);
        sim.continuerun(70);
        traces.assertAgree(ref.get("traces"), TOLERANCE);
        assertEquals(ref.get("n").asDouble(), apc.get("n"));
        assertArrayEquals(ReferenceData.doubles(ref.get("times")), times.toArray(), 1e-9);
    }

    @Test
    void alphaSynapseCurrentFollowsNeuron() {
        JsonNode ref = ReferenceData.load("alpha_synapse.json");
        Simulation sim = new Simulation();
        Section soma = hhSoma(sim);
        PointProcess syn = sim.newPointProcess("AlphaSynapse", soma, 0.5);
        syn.set("onset", 2);
        syn.set("tau", 0.8);
        syn.set("gmax", 0.01);
        syn.set("e", 0);
        Traces traces = new Traces(sim)
                .record("t", sim.globalRef("t"))
                .record("v", sim.ref(soma, 0.5, "v"))
                .record("i", sim.ref(syn, "i"));
        sim.finitialize(-65);
        sim.continuerun(20);
        traces.assertAgree(ref.get("traces"), TOLERANCE);
    }
}
