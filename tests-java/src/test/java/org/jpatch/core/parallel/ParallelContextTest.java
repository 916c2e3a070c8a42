package org.jpatch.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.NetCon;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** gid semantics of NEURON's netpar.cpp on one host (messages as NEURON 9.0.2 prints them). */
class ParallelContextTest {
    private final Simulation sim = new Simulation();
    private final EventSystem events = EventSystem.attach(sim);
    private final ParallelContext pc = ParallelContext.singleHost(sim, events);

    private Section hhSoma(String name) {
        Section soma = sim.newSection(name);
        soma.setL(18);
        soma.setDiam(18);
        soma.insert("hh");
        return soma;
    }

    /** A source-only NetCon watching the soma's v, as pc.cell wants it. */
    private NetCon spikeDetector(Section soma) {
        NetCon nc = events.newNetCon(sim.ref(soma, 0.5, "v"), null);
        nc.setThreshold(-20);
        return nc;
    }

    @Test
    void singleHostIsRankZeroOfOne() {
        assertEquals(0, pc.id());
        assertEquals(1, pc.nhost());
        assertEquals(0.0, pc.barrier());
    }

    @Test
    void gidExistsTellsSetCellAndOutputCellApart() {
        NetCon nc = spikeDetector(hhSoma("a"));
        assertEquals(0, pc.gidExists(1));
        pc.setGid2node(1, 0);
        assertEquals(1, pc.gidExists(1), "set here, no cell yet");
        pc.cell(1, nc, false);
        assertEquals(2, pc.gidExists(1), "a cell that is no output");
        pc.outputcell(1);
        assertEquals(3, pc.gidExists(1));
        pc.setGid2node(2, 0);
        pc.cell(2, spikeDetector(hhSoma("b")));
        assertEquals(3, pc.gidExists(2), "cell(gid, nc) makes an output cell");
    }

    @Test
    void aGidOfAnotherRankIsNotRegisteredHere() {
        pc.setGid2node(5, 3);
        assertEquals(0, pc.gidExists(5));
    }

    @Test
    void aGidSetTwiceIsRefusedAndStaysAsItWas() {
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(hhSoma("a")));
        ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.setGid2node(1, 0));
        assertEquals("gid=1 already exists on this process as an output port", e.getMessage());
        assertEquals(3, pc.gidExists(1));
    }

    @Test
    void aNegativeGidIsRefused() {
        ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.setGid2node(-1, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertEquals(0, pc.gidExists(0));
    }

    @Test
    void cellNeedsTheGidSetOnThisRankFirst() {
        NetCon nc = spikeDetector(hhSoma("a"));
        ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.cell(3, nc));
        assertEquals("gid=3 has not been set on rank 0", e.getMessage());
        assertEquals(0, pc.gidExists(3));
    }

    @Test
    void aGidConnectedBeforeItWasSetCannotBeSetOrGivenACellAnymore() {
        Section soma = hhSoma("a");
        PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
        pc.gidConnect(7, syn);
        ParallelContextException set = assertThrows(ParallelContextException.class, () -> pc.setGid2node(7, 0));
        assertEquals("gid=7 already exists as an input port. Setup all the output ports on this process before "
                + "using them as input ports.", set.getMessage());
        ParallelContextException cell = assertThrows(ParallelContextException.class,
                () -> pc.cell(7, spikeDetector(soma)));
        assertEquals("gid=7 is in the input list. Must register with pc.set_gid2node prior to connecting",
                cell.getMessage());
        assertEquals(0, pc.gidExists(7));
    }

    @Test
    void gidConnectToAGidSetWithoutCellIsRefusedAndMakesNoNetCon() {
        PointProcess syn = sim.newPointProcess("ExpSyn", hhSoma("a"), 0.5);
        pc.setGid2node(1, 0);
        int before = events.netCons().size();
        ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.gidConnect(1, syn));
        assertEquals("gid 1 owned by 0 but no associated cell", e.getMessage());
        assertEquals(before, events.netCons().size());
    }

    @Test
    void gidConnectToATargetWithoutNetReceiveIsRefusedAndLeavesNoInputGid() {
        Section soma = hhSoma("a");
        PointProcess clamp = sim.newPointProcess("IClamp", soma, 0.5);
        assertThrows(InvalidValueException.class, () -> pc.gidConnect(4, clamp));
        pc.setGid2node(4, 0); // would be refused had gid 4 become an input port
        assertEquals(1, pc.gidExists(4));
    }

    @Test
    void oneSpikeSourceCannotServeTwoGids() {
        NetCon nc = spikeDetector(hhSoma("a"));
        pc.setGid2node(1, 0);
        pc.setGid2node(2, 0);
        pc.cell(1, nc);
        ParallelContextException e = assertThrows(ParallelContextException.class, () -> pc.cell(2, nc));
        assertEquals("Can't associate gid 2. PreSyn already associated with gid 1.", e.getMessage());
        assertEquals(1, pc.gidExists(2));
    }

    @Test
    void gid2objIsTheArtificialCellOrNullForAWatchedVariable() {
        PointProcess stim = sim.newPointProcess("NetStim", null, 0.5);
        pc.setGid2node(1, 0);
        pc.cell(1, events.newNetCon(stim, null));
        pc.setGid2node(2, 0);
        pc.cell(2, spikeDetector(hhSoma("a")));
        assertSame(stim, pc.gid2obj(1));
        assertNull(pc.gid2obj(2));
        assertThrows(ParallelContextException.class, () -> pc.gid2obj(3));
    }

    /** Three hh cells in a chain driven by a NetStim; spikes travel cell to cell. */
    private final class Chain {
        final List<Section> somas = new ArrayList<>();
        final List<PointProcess> synapses = new ArrayList<>();
        final PointProcess stim;

        Chain() {
            for (int k = 0; k < 3; k++) {
                Section soma = hhSoma("soma" + k);
                somas.add(soma);
                PointProcess syn = sim.newPointProcess("ExpSyn", soma, 0.5);
                syn.set("tau", 2);
                synapses.add(syn);
            }
            stim = sim.newPointProcess("NetStim", null, 0.5);
            stim.set("start", 1);
            stim.set("interval", 10);
            stim.set("number", 3);
            NetCon drive = events.newNetCon(stim, synapses.get(0));
            drive.setWeight(0, 0.05);
        }

        void link(NetCon nc) {
            nc.setDelay(1.5);
            nc.setWeight(0, 0.05);
        }
    }

    @Test
    void aNetworkWiredByGidSpikesAsTheSameNetworkWiredDirectly() {
        double[][] direct = chainSpikes(false);
        double[][] byGid = chainSpikes(true);
        assertTrue(direct[0].length >= 6, "the chain spikes: " + direct[0].length);
        assertArrayEquals(direct[0], byGid[0], 0.0, "spike times");
        assertArrayEquals(direct[1], byGid[1], 0.0, "gids");
    }

    /** [times, gids] of every cell's spikes, in firing order, from a fresh simulation. */
    private static double[][] chainSpikes(boolean byGid) {
        ParallelContextTest fresh = new ParallelContextTest();
        return fresh.runChain(byGid);
    }

    private double[][] runChain(boolean byGid) {
        Chain chain = new Chain();
        Vector times = new Vector();
        Vector ids = new Vector();
        for (int k = 0; k < 3; k++) {
            NetCon detector = spikeDetector(chain.somas.get(k));
            if (byGid) {
                pc.setGid2node(10 + k, 0);
                pc.cell(10 + k, detector);
            } else {
                detector.record(new org.jpatch.core.event.VectorSpikeRecord(times, ids, 10 + k));
            }
        }
        for (int k = 1; k < 3; k++) {
            chain.link(byGid ? pc.gidConnect(10 + k - 1, chain.synapses.get(k))
                    : events.newNetCon(sim.ref(chain.somas.get(k - 1), 0.5, "v"), chain.synapses.get(k)));
        }
        if (byGid) {
            pc.spikeRecord(-1, times, ids);
            pc.setMaxstep(10);
        }
        sim.finitialize(-65);
        if (byGid) {
            pc.psolve(40);
        } else {
            sim.continuerun(40);
        }
        return new double[][] {times.toArray(), ids.toArray()};
    }

    @Test
    void spikeRecordOfOneGidRecordsOnlyItsSpikes() {
        Chain chain = new Chain();
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(chain.somas.get(0)));
        Vector times = new Vector();
        Vector ids = new Vector();
        pc.spikeRecord(1, times, ids);
        pc.setMaxstep(10);
        sim.finitialize(-65);
        pc.psolve(30);
        assertEquals(3, times.size(), "one spike per NetStim event");
        assertArrayEquals(new double[] {1, 1, 1}, ids.toArray());
    }

    @Test
    void spikeRecordOfAGidWithoutCellIsRefusedAndRecordsNothing() {
        Chain chain = new Chain();
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(chain.somas.get(0)));
        pc.setGid2node(2, 0); // no cell: NEURON dereferences a null PreSyn here
        Vector times = new Vector();
        Vector ids = new Vector();
        ParallelContextException all = assertThrows(ParallelContextException.class, () -> pc.spikeRecord(-1, times, ids));
        assertTrue(all.getMessage().contains("gid 2"), all.getMessage());
        assertThrows(ParallelContextException.class, () -> pc.spikeRecord(9, times, ids), "gid never set");
        assertThrows(ParallelContextException.class, () -> pc.spikeRecord(new int[] {1, 9}, times, ids));
        pc.setMaxstep(10);
        sim.finitialize(-65);
        pc.psolve(30);
        assertEquals(0, times.size(), "no record was attached");
    }

    @Test
    void aGidNeverSetAnywhereConnectsButNeverDelivers() {
        Chain chain = new Chain();
        NetCon fromNowhere = pc.gidConnect(99, chain.synapses.get(1));
        fromNowhere.setWeight(0, 0.05);
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(chain.somas.get(1)));
        Vector times = new Vector();
        Vector ids = new Vector();
        pc.spikeRecord(-1, times, ids);
        pc.setMaxstep(10);
        sim.finitialize(-65);
        pc.psolve(30);
        assertEquals(0, times.size(), "cell 1 only listens to gid 99, which never fires");
        assertEquals(0, pc.gidExists(99));
    }

    @Test
    void setMaxstepIsTheSmallestDelayFromGidsNotOwnedHere() {
        Chain chain = new Chain();
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(chain.somas.get(0)));
        pc.gidConnect(1, chain.synapses.get(1)).setDelay(0.05); // owned here: not counted
        assertEquals(10.0, pc.setMaxstep(10));
        NetCon input = pc.gidConnect(7, chain.synapses.get(2));
        input.setDelay(0.3);
        assertEquals(0.3, pc.setMaxstep(10));
        assertEquals(0.1, pc.setMaxstep(0.1));
        assertThrows(ParallelContextException.class, () -> pc.setMaxstep(0));
        assertThrows(ParallelContextException.class, () -> pc.setMaxstep(2e9));
    }

    @Test
    void psolveIsRefusedBeforeSetMaxstepAndWithAMinimumDelayBelowDt() {
        Chain chain = new Chain();
        sim.finitialize(-65);
        ParallelContextException none = assertThrows(ParallelContextException.class, () -> pc.psolve(1));
        assertTrue(none.getMessage().contains("mindelay"), none.getMessage());
        NetCon input = pc.gidConnect(7, chain.synapses.get(1));
        input.setDelay(0.025); // = dt: NEURON wants mindelay - 1e-10 >= dt
        pc.setMaxstep(10);
        assertThrows(ParallelContextException.class, () -> pc.psolve(1));
        assertEquals(0.0, sim.t());
        input.setDelay(0.0251);
        pc.setMaxstep(10);
        pc.psolve(1);
        assertEquals(1.0, sim.t(), 1e-12);
    }

    @Test
    void psolveStepsAsNeuronsFixedStepRule() {
        hhSoma("a");
        pc.setMaxstep(10);
        sim.finitialize(-65);
        pc.psolve(1.01); // 40.4 steps fit: 40 are taken
        assertEquals(1.0, sim.t(), 1e-12);
        pc.psolve(1.05); // 2 fit: NEURON steps while t <= tstop - dt
        assertEquals(1.05, sim.t(), 1e-12);
        ParallelContextException back = assertThrows(ParallelContextException.class, () -> pc.psolve(0.5));
        assertTrue(back.getMessage().contains("0.5"), back.getMessage());
        assertEquals(1.05, sim.t(), 1e-12);
    }

    @Test
    void gidClearForgetsGidsButKeepsConnectionsAndRecords() {
        Chain chain = new Chain();
        pc.setGid2node(1, 0);
        pc.cell(1, spikeDetector(chain.somas.get(0)));
        pc.gidConnect(1, chain.synapses.get(1)).setWeight(0, 0.05);
        Vector times = new Vector();
        Vector ids = new Vector();
        pc.spikeRecord(-1, times, ids);
        pc.gidClear();
        assertEquals(0, pc.gidExists(1));
        pc.setGid2node(1, 0); // may be set again
        pc.setMaxstep(10);
        sim.finitialize(-65);
        pc.psolve(30);
        assertEquals(3, times.size(), "the record stays on its source, as NEURON's PreSyn keeps it");
    }

    @Test
    void collectiveOperationsOnOneHostReturnThisHostsData() {
        assertEquals(3.5, pc.allreduce(3.5, 1));
        assertEquals(3.5, pc.allreduce(3.5, 5), "NEURON checks the type only with several hosts");
        Vector v = Vector.of(1, 2);
        pc.allreduce(v, 2);
        assertArrayEquals(new double[] {1, 2}, v.toArray());
        Vector gathered = Vector.of(7, 7, 7);
        pc.allgather(2.5, gathered);
        assertArrayEquals(new double[] {2.5}, gathered.toArray());
        Vector data = Vector.of(1, 2, 3);
        assertEquals(3, pc.broadcast(data, 0));
        assertArrayEquals(new double[] {1, 2, 3}, data.toArray());
        assertThrows(ParallelContextException.class, () -> pc.broadcast(data, 1));
    }
}
