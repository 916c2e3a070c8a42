package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.jpatch.core.mech.builtin.VecStim;
import org.jpatch.core.record.Vector;
import org.junit.jupiter.api.Test;

class VecStimTest {
    /** Patch's own check: a VecStim playing a NetStim's spike times fires at those times. */
    @Test
    void vecstimPlayingANetstimsTimesFiresAtTheSameTimes() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess netstim = bench.add(NetStim.TYPE);
        netstim.set("start", 3);
        netstim.set("noise", 0.7);
        netstim.set("interval", 4);
        netstim.set("number", 8);
        SpikeTimes fromNetStim = new SpikeTimes();
        bench.events.newNetCon(netstim, null).record(fromNetStim);
        bench.finitialize();
        bench.continuerun(60);
        assertEquals(8, fromNetStim.size());

        ArtificialCellBench replay = new ArtificialCellBench();
        PointProcess vecstim = replay.add(VecStim.TYPE);
        replay.events.play(vecstim, new Vector(fromNetStim.toArray()));
        SpikeTimes fromVecStim = new SpikeTimes();
        replay.events.newNetCon(vecstim, null).record(fromVecStim);
        replay.finitialize();
        replay.continuerun(60);
        assertArrayEquals(fromNetStim.toArray(), fromVecStim.toArray(), 0.0);
    }

    @Test
    void vecstimWithoutVectorNeverFires() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess vecstim = bench.add(VecStim.TYPE);
        SpikeTimes spikes = new SpikeTimes();
        bench.events.newNetCon(vecstim, null).record(spikes);
        bench.finitialize();
        bench.continuerun(10);
        assertEquals(0, spikes.size());
        assertEquals(-1.0, vecstim.get("index"));
    }

    @Test
    void vectorEditedBeforeFinitializeIsWhatPlays() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess vecstim = bench.add(VecStim.TYPE);
        Vector pattern = Vector.of(1, 2);
        bench.events.play(vecstim, pattern);
        pattern.append(4.5);
        SpikeTimes spikes = new SpikeTimes();
        bench.events.newNetCon(vecstim, null).record(spikes);
        bench.finitialize();
        bench.continuerun(10);
        assertArrayEquals(new double[] {1, 2, 4.5}, spikes.toArray(), 0.0);
    }
}
