package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.junit.jupiter.api.Test;

/** NetStim's spike times against real NEURON (tools/reference/events/gen_events.py). */
class NetStimEventsTest {
    @Test
    void regularNetStimFiresAtNeuronsTimes() {
        double[] expected = ReferenceData.doubles(ReferenceData.load("netstim_synapses.json").get("stim_times"));
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 5);
        stim.set("interval", 12);
        stim.set("number", 6);
        SpikeTimes times = new SpikeTimes();
        bench.events.newNetCon(stim, null).record(times);
        bench.finitialize();
        bench.continuerun(100);
        assertArrayEquals(expected, times.toArray(), 0.0);
    }

    /** NEURON's test/api/netcon.cpp model: noise 1, noiseFromRandom123(1, 2, 3). */
    @Test
    void noisyNetStimWithStreams123FiresAtNeuronsExactTimes() {
        JsonNode ref = ReferenceData.load("netstim_noise.json");
        double[] expected = ReferenceData.doubles(ref.get("event_times"));
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 5);
        stim.set("noise", 1);
        stim.set("interval", 5);
        stim.set("number", 10);
        NetStim.noiseFromRandom123(stim, 1, 2, 3);
        SpikeTimes times = new SpikeTimes();
        NetCon nc = bench.events.newNetCon(stim, null);
        nc.setDelay(0);
        nc.record(times);
        bench.finitialize();
        bench.continuerun(100.5);
        assertEquals(10, expected.length);
        assertArrayEquals(expected, times.toArray(), 0.0);
    }

    @Test
    void globalIndexSetBeforeFinitializeKeysTheNetStimStream() {
        double[] expected = ReferenceData.hexDoubles(
                ReferenceData.load("random123.json").get("netstim_noise_1_2_3_globalindex_5"));
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 5);
        stim.set("noise", 1);
        stim.set("interval", 5);
        stim.set("number", 10);
        NetStim.noiseFromRandom123(stim, 1, 2, 3);
        SpikeTimes times = new SpikeTimes();
        NetCon nc = bench.events.newNetCon(stim, null);
        nc.setDelay(0);
        nc.record(times);
        bench.events.randomStreams().setGlobalIndex(5);
        bench.finitialize();
        bench.continuerun(100.5);
        assertArrayEquals(expected, times.toArray(), 0.0);
    }

    @Test
    void seedAfterFinitializeMovesTheStreamLikeNeurons() {
        double[] expected = ReferenceData.hexDoubles(
                ReferenceData.load("random123.json").get("netstim_noise_1_2_3_seed_4098"));
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 5);
        stim.set("noise", 1);
        stim.set("interval", 5);
        stim.set("number", 10);
        NetStim.noiseFromRandom123(stim, 1, 2, 3);
        SpikeTimes times = new SpikeTimes();
        NetCon nc = bench.events.newNetCon(stim, null);
        nc.setDelay(0);
        nc.record(times);
        bench.finitialize();
        NetStim.seed(stim, 4098.0);
        bench.continuerun(100.5);
        assertArrayEquals(expected, times.toArray(), 0.0);
    }

    @Test
    void reinitializingRestartsTheRandomSequence() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 1);
        stim.set("noise", 0.5);
        stim.set("number", 5);
        SpikeTimes times = new SpikeTimes();
        bench.events.newNetCon(stim, null).record(times);
        bench.finitialize();
        bench.continuerun(100);
        double[] first = times.toArray();
        bench.finitialize();
        bench.continuerun(100);
        assertEquals(5, first.length);
        assertArrayEquals(first, times.toArray(), 0.0);
    }

    @Test
    void defaultStreamsAreNumberedInCreationOrder() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess a = bench.add(NetStim.TYPE);
        PointProcess b = bench.add(NetStim.TYPE);
        bench.finitialize();
        assertEquals(1.0, a.get("ranvar_id1"));
        assertEquals(0.0, a.get("ranvar_id2"));
        assertEquals(1.0, a.get("ranvar_id3"));
        assertEquals(2.0, b.get("ranvar_id3"));
    }

    @Test
    void positiveExternalEventStartsAStoppedNetStimAndNegativeStopsIt() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess driver = bench.add(NetStim.TYPE);
        driver.set("start", 2);
        driver.set("number", 1);
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", -1); // off until an event arrives
        stim.set("interval", 3);
        stim.set("number", 3);
        NetCon trigger = bench.events.newNetCon(driver, stim);
        trigger.setWeight(0, 1);
        SpikeTimes times = new SpikeTimes();
        bench.events.newNetCon(stim, null).record(times);
        bench.finitialize();
        bench.continuerun(30);
        // driver fires at 2, arrives at 3 (delay 1): first spike at once, then every 3 ms
        assertArrayEquals(new double[] {3, 6, 9}, times.toArray(), 0.0);
    }
}
