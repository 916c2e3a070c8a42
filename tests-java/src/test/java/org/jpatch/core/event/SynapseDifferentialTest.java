package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Event-driven models against real NEURON 9.0.2 (tools/reference/events/gen_events.py). */
class SynapseDifferentialTest {
    private static final double TRACE_TOLERANCE = 1e-9; // [mV], [nA], [µS]
    private static final double SPIKE_TOLERANCE = 1e-9; // [ms]

    private static Section hhSoma(Simulation sim) {
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        return soma;
    }

    @Test
    void hhSomaDrivenByNetStimThroughExpSynAndExp2SynMatchesNeuron() {
        JsonNode ref = ReferenceData.load("netstim_synapses.json");
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        stim.set("start", 5);
        stim.set("interval", 12);
        stim.set("number", 6);
        PointProcess expsyn = sim.newPointProcess("ExpSyn", soma, 0.5);
        expsyn.set("tau", 2);
        PointProcess exp2syn = sim.newPointProcess("Exp2Syn", soma, 0.5);
        exp2syn.set("tau1", 0.5);
        exp2syn.set("tau2", 4);
        exp2syn.set("e", -10);
        NetCon nc1 = events.newNetCon(stim, expsyn);
        nc1.setWeight(0, 0.004);
        nc1.setDelay(1);
        NetCon nc2 = events.newNetCon(stim, exp2syn);
        nc2.setWeight(0, 0.003);
        nc2.setDelay(3.5);
        SpikeTimes stimTimes = new SpikeTimes();
        nc1.record(stimTimes);
        NetCon detector = events.newNetCon(sim.ref(soma, 0.5, "v"), null);
        detector.setThreshold(0);
        SpikeTimes spikes = new SpikeTimes();
        detector.record(spikes);
        Traces traces = new Traces(sim)
                .record("t", sim.globalRef("t"))
                .record("v", sim.ref(soma, 0.5, "v"))
                .record("expsyn_i", sim.ref(expsyn, "i"))
                .record("expsyn_g", sim.ref(expsyn, "g"))
                .record("exp2syn_i", sim.ref(exp2syn, "i"))
                .record("exp2syn_g", sim.ref(exp2syn, "g"));
        sim.finitialize(-65);
        sim.continuerun(100);

        traces.assertAgree(ref.get("traces"), TRACE_TOLERANCE);
        assertArrayEquals(ReferenceData.doubles(ref.get("stim_times")), stimTimes.toArray(), 0.0);
        double[] expectedSpikes = ReferenceData.doubles(ref.get("spike_times"));
        assertEquals(6, expectedSpikes.length);
        assertArrayEquals(expectedSpikes, spikes.toArray(), SPIKE_TOLERANCE);
    }

    /** NEURON's test/api/netcon.cpp: noise 1, noiseFromRandom123(1, 2, 3), ExpSyn on an hh soma. */
    @Test
    void noisyNetStimDrivingAnHhSomaMatchesNeuron() {
        JsonNode ref = ReferenceData.load("netstim_noise.json");
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        stim.set("start", 5);
        stim.set("noise", 1);
        stim.set("interval", 5);
        stim.set("number", 10);
        NetStim.noiseFromRandom123(stim, 1, 2, 3);
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        syn.set("tau", 3);
        syn.set("e", 0);
        NetCon nc = events.newNetCon(stim, syn);
        nc.setWeight(0, 0.5);
        nc.setDelay(0);
        SpikeTimes sent = new SpikeTimes();
        nc.record(sent);
        Traces traces = new Traces(sim).record("t", sim.globalRef("t")).record("v", sim.ref(soma, 0.5, "v"));
        sim.finitialize(-65);
        sim.continuerun(100);

        assertArrayEquals(ReferenceData.doubles(ref.get("event_times")), sent.toArray(), 0.0);
        traces.assertAgree(ref.get("traces"), TRACE_TOLERANCE);
    }

    @Test
    void deletingTheWatchedSectionSilencesItsNetconsInsteadOfFailingTheRun() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        Section other = hhSoma(sim);
        PointProcess syn = sim.newPointProcess("ExpSyn", other, 0.5);
        NetCon nc = events.newNetCon(sim.ref(soma, 0.5, "v"), syn);
        SpikeTimes spikes = new SpikeTimes();
        nc.record(spikes);
        sim.finitialize(-65);
        sim.deleteSection(soma);
        sim.continuerun(5);
        assertEquals(5.0, sim.t(), 1e-9);
        assertEquals(0, spikes.size());
    }

    /** NEURON keys spike sources by data handle: a second NetCon from the same v keeps the first's threshold. */
    @Test
    void netconsFromOneSegmentsVoltageShareTheSourceThreshold() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        NetCon first = events.newNetCon(sim.ref(soma, 0.5, "v"), syn);
        first.setThreshold(-20);
        NetCon sameNode = events.newNetCon(sim.ref(soma, 0.4, "v"), null);
        assertEquals(-20.0, sameNode.threshold());
        NetCon otherVariable = events.newNetCon(sim.ref(soma, 0.5, "m_hh"), null);
        assertEquals(10.0, otherVariable.threshold());
    }

    @Test
    void netconToOrFromADeletedPointProcessIsRefusedAndNothingIsMade() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        sim.deletePointProcess(syn);
        sim.deletePointProcess(stim);
        PointProcess live = sim.newPointProcess("ExpSyn", soma, 0.5);
        assertThrows(DeletedObjectException.class, () -> events.newNetCon(sim.ref(soma, 0.5, "v"), syn));
        assertThrows(DeletedObjectException.class, () -> events.newNetCon(stim, live));
        assertEquals(0, events.netCons().size());
    }

    @Test
    void iclampCannotBeANetconTarget() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        PointProcess clamp = sim.newPointProcess("IClamp", soma, 0.5);
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> events.newNetCon(sim.ref(soma, 0.5, "v"), clamp));
        assertTrue(e.getMessage().contains("IClamp[0]"), e.getMessage());
        assertEquals(0, events.netCons().size());
    }

    @Test
    void netconWatchingAVariableOfADeletedSectionIsRefused() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        Section soma = hhSoma(sim);
        Section gone = hhSoma(sim);
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        org.jpatch.core.ref.VarRef v = sim.ref(gone, 0.5, "v");
        sim.deleteSection(gone);
        assertThrows(org.jpatch.core.ModelException.class, () -> events.newNetCon(v, syn));
        assertEquals(0, events.netCons().size());
    }
}
