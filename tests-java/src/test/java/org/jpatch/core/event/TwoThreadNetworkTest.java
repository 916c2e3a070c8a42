package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** A network whose synapses and stimulus are split over two threads spikes as on one. */
class TwoThreadNetworkTest {
    private static final int CELLS = 80;

    /** A ring of hh cells, a soma and ten dendrites each (about 5,000 nodes), ExpSyn and Exp2Syn synapses. */
    private record Ring(Simulation sim, List<SpikeTimes> spikes) {}

    private static Ring ring(int threads) {
        Simulation sim = new Simulation();
        sim.setThreads(threads);
        EventSystem events = EventSystem.attach(sim);
        List<Section> somas = new ArrayList<>();
        List<PointProcess> fast = new ArrayList<>(), slow = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            Section soma = sim.newSection("soma" + c);
            soma.setL(20);
            soma.setDiam(20);
            soma.insert("hh");
            for (int j = 0; j < 10; j++) {
                Section dend = sim.newSection("dend" + c + "_" + j);
                dend.setL(200);
                dend.setDiam(1);
                dend.setNseg(5);
                dend.insert("pas");
                dend.insert("hh");  // enough work per node that the sweeps are worth splitting
                dend.connect(soma, 1, 0);
            }
            PointProcess expSyn = sim.newPointProcess("ExpSyn", soma, 0.5);
            expSyn.set("tau", 2);
            PointProcess exp2Syn = sim.newPointProcess("Exp2Syn", sim.sections().get(sim.sections().size() - 1), 0.3);
            exp2Syn.set("tau1", 0.5);
            exp2Syn.set("tau2", 3);
            somas.add(soma);
            fast.add(expSyn);
            slow.add(exp2Syn);
        }
        List<SpikeTimes> spikes = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            SpikeTimes times = new SpikeTimes();
            NetCon toNext = events.newNetCon(sim.ref(somas.get(c), 1, "v"), fast.get((c + 1) % CELLS));
            toNext.setWeight(0, 0.05);
            toNext.record(times);
            NetCon toOpposite = events.newNetCon(sim.ref(somas.get(c), 1, "v"), slow.get((c + CELLS / 2) % CELLS));
            toOpposite.setWeight(0, 0.002);
            toOpposite.setDelay(3);
            spikes.add(times);
        }
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        stim.set("number", 3);
        stim.set("start", 0);
        stim.set("interval", 20);
        events.newNetCon(stim, fast.get(0)).setWeight(0, 0.05);
        sim.finitialize(-65);
        return new Ring(sim, spikes);
    }

    @Test
    void twoThreadsGiveTheSameSpikesAndVoltagesAsOne() {
        Ring one = ring(1);
        Ring two = ring(2);
        assertNotNull(two.sim().lowered().split, "a ring of ExpSyn, Exp2Syn and NetStim is split");
        for (int step = 0; step < 2400; step++) {  // 60 ms
            one.sim().fadvance();
            two.sim().fadvance();
        }
        int count = 0;
        for (int c = 0; c < CELLS; c++) {
            assertArrayEquals(one.spikes().get(c).toArray(), two.spikes().get(c).toArray(), "spikes of cell " + c);
            count += one.spikes().get(c).size();
        }
        assertArrayEquals(one.sim().lowered().nodes.v, two.sim().lowered().nodes.v);
        assertTrue(count >= 30, "spikes travelled along the ring (" + count + ")");
    }
}
