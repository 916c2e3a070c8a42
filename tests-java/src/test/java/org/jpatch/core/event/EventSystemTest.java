package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.jpatch.core.ref.VarRef;
import org.junit.jupiter.api.Test;

class EventSystemTest {
    /** A watched variable the test sets by hand. */
    private static final class Watched implements VarRef {
        double value;

        @Override
        public double get() {
            return value;
        }

        @Override
        public void set(double v) {
            value = v;
        }

        @Override
        public String name() {
            return "watched";
        }
    }

    private static EventLog log(ArtificialCellBench bench) {
        return (EventLog) bench.kernel(EventLog.TYPE);
    }

    @Test
    void netconEventArrivesAfterItsDelayWithTEqualToTheEventTime() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(target);
        nc.setWeight(0, 0.5);
        bench.finitialize();
        nc.event(0.31);
        bench.continuerun(1);
        List<EventLog.Delivery> got = log(bench).deliveries;
        assertEquals(1, got.size());
        assertEquals(0.31, got.get(0).time());
        assertEquals(0.31, got.get(0).globalT(), "t during NET_RECEIVE is the event time");
        assertEquals(0.5, got.get(0).weight());
        assertEquals(0.0, got.get(0).flag());
    }

    @Test
    void eventsUpToHalfAStepAheadAreDeliveredBeforeTheStep() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(target);
        bench.finitialize();
        nc.event(0.0125);          // = t + dt/2 at the first step: delivered before it
        nc.event(0.0125 + 1e-12);  // just later: after the first step (<= t1 = 0.025)
        bench.fadvance();
        assertEquals(2, log(bench).deliveries.size());
        assertEquals(0.025, bench.globals.t, "t is restored after deliveries");
        nc.event(0.04);
        bench.fadvance(); // t: 0.025 -> 0.05; 0.04 > 0.025 + 0.0125, so after the step
        assertEquals(3, log(bench).deliveries.size());
        assertEquals(0.05, bench.globals.t, 1e-15);
    }

    @Test
    void eventsAtZeroFromInitialAreDeliveredInFinitialize() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 0);
        stim.set("number", 1);
        SpikeTimes times = new SpikeTimes();
        bench.events.newNetCon(stim, null).record(times);
        bench.finitialize();
        assertEquals(1, times.size());
        assertEquals(0.0, times.get(0));
    }

    @Test
    void thresholdCrossingSendsOneSpikeStampedJustAfterTheStepStart() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        Watched v = new Watched();
        double[] firstAbove = {Double.NaN};
        bench.onEachStep(() -> {
            double t = bench.globals.t;
            v.value = (t > 1.0 && t < 2.0) || t > 3.0 ? 20.0 : 0.0;
            if (v.value > 0 && Double.isNaN(firstAbove[0])) {
                firstAbove[0] = t;
            }
        });
        NetCon nc = bench.events.newNetCon(v, target);
        assertEquals(10.0, nc.threshold(), "NEURON's default threshold");
        assertEquals(1.0, nc.delay(), "NEURON's default delay");
        assertEquals(0.0, nc.weight(0), "NEURON's default weight");
        SpikeTimes spikes = new SpikeTimes();
        nc.record(spikes);
        bench.finitialize();
        bench.continuerun(5);
        assertEquals(2, spikes.size(), "one spike per upward crossing");
        assertEquals(firstAbove[0] + 1e-10, spikes.get(0));
        List<EventLog.Delivery> got = log(bench).deliveries;
        assertEquals(2, got.size());
        assertEquals(spikes.get(0) + 1.0, got.get(0).time());
        assertEquals(spikes.get(1) + 1.0, got.get(1).time());
    }

    @Test
    void netconsOfOneVariableShareThresholdAndRecord() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        Watched v = new Watched();
        NetCon a = bench.events.newNetCon(v, target);
        NetCon b = bench.events.newNetCon(v, null);
        a.setThreshold(-20);
        assertEquals(-20.0, b.threshold());
        assertFalse(b.active(), "a NetCon without target is inactive");
        assertTrue(a.active());
    }

    @Test
    void moreThanTwoNetconsWithOneDelayDeliverInCreationOrder() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 1);
        stim.set("number", 1);
        PointProcess[] targets = {bench.add(EventLog.TYPE), bench.add(EventLog.TYPE), bench.add(EventLog.TYPE)};
        for (int i = 0; i < 3; i++) {
            NetCon nc = bench.events.newNetCon(stim, targets[i]);
            nc.setWeight(0, i + 1);
            nc.setDelay(2);
        }
        bench.finitialize();
        bench.continuerun(5);
        List<EventLog.Delivery> got = log(bench).deliveries;
        assertEquals(3, got.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(3.0, got.get(i).time());
            assertEquals(i + 1.0, got.get(i).weight());
        }
    }

    @Test
    void selfEventComesBackWithItsFlagAndTheNetconWeights() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(target);
        nc.setWeight(0, -0.5); // EventLog: net_send 0.5 ms later with flag 7
        bench.finitialize();
        nc.event(1.0);
        bench.continuerun(3);
        List<EventLog.Delivery> got = log(bench).deliveries;
        assertEquals(2, got.size());
        assertEquals(1.5, got.get(1).time());
        assertEquals(7.0, got.get(1).flag());
        assertEquals(-0.5, got.get(1).weight());
    }

    @Test
    void inactiveNetconSendsNothing() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 1);
        stim.set("number", 2);
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(stim, target);
        nc.setActive(false);
        bench.finitialize();
        bench.continuerun(20);
        assertTrue(log(bench).deliveries.isEmpty());
    }

    @Test
    void deletedNetconsQueuedEventsAreDropped() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(target);
        bench.finitialize();
        nc.event(1.0);
        nc.delete();
        bench.continuerun(2);
        assertTrue(log(bench).deliveries.isEmpty());
        assertThrows(DeletedObjectException.class, () -> nc.setWeight(0, 1));
        assertTrue(bench.events.netCons().isEmpty());
    }

    @Test
    void targetWithoutNetReceiveIsRejectedByName() {
        MechanismType noReceive = MechanismType.builder("Plain", MechanismKind.POINT, 60)
                .kernel(() -> new MechanismKernel() {})
                .build();
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess plain = bench.add(noReceive);
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> bench.events.newNetCon(new Watched(), plain));
        assertTrue(e.getMessage().contains("Plain[0]"), e.getMessage());
        assertTrue(bench.events.netCons().isEmpty(), "no NetCon was made");
    }

    @Test
    void negativeOrNanDelayIsRejectedAndTheOldDelayKept() {
        ArtificialCellBench bench = new ArtificialCellBench();
        NetCon nc = bench.events.newNetCon(bench.add(EventLog.TYPE));
        nc.setDelay(2.5);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> nc.setDelay(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> nc.setDelay(Double.NaN));
        assertEquals(2.5, nc.delay());
    }

    @Test
    void weightIndexOutsideTheVectorIsRejected() {
        ArtificialCellBench bench = new ArtificialCellBench();
        NetCon nc = bench.events.newNetCon(bench.add(EventLog.TYPE));
        assertEquals(2, nc.weightCount());
        assertThrows(InvalidValueException.class, () -> nc.setWeight(2, 1.0));
    }

    @Test
    void deletingAPointProcessRemovesItsNetconsAndSelfEvents() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess stim = bench.add(NetStim.TYPE);
        stim.set("start", 1);
        PointProcess target = bench.add(EventLog.TYPE);
        NetCon nc = bench.events.newNetCon(stim, target);
        bench.finitialize();
        bench.events.pointProcessDeleted(stim);
        assertTrue(nc.isDeleted());
        bench.continuerun(100);
        assertTrue(log(bench).deliveries.isEmpty());
    }

    @Test
    void fakeSelfEventReachesAnArtificialCellWithItsFlag() {
        ArtificialCellBench bench = new ArtificialCellBench();
        NetCon nc = bench.events.newNetCon(bench.add(EventLog.TYPE));
        nc.setWeight(0, 0.25);
        bench.finitialize();
        nc.event(0.5, 3.0);
        bench.continuerun(1);
        List<EventLog.Delivery> got = log(bench).deliveries;
        assertEquals(1, got.size());
        assertEquals(3.0, got.get(0).flag());
        assertEquals(0.25, got.get(0).weight());
    }

    @Test
    void fakeSelfEventToACellWithANodeIsRejected() {
        MechanismType synapseLike = MechanismType.builder("Receiver", MechanismKind.POINT, 61)
                .kernel(EventLog::new)
                .build();
        ArtificialCellBench bench = new ArtificialCellBench();
        NetCon nc = bench.events.newNetCon(bench.add(synapseLike));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> nc.event(1.0, 2.0));
        assertTrue(e.getMessage().contains("Receiver[0]"), e.getMessage());
    }

    @Test
    void netstimWithoutAnEventSystemInitializesQuietly() {
        org.jpatch.core.sim.Simulation sim = new org.jpatch.core.sim.Simulation();
        sim.newPointProcess("NetStim", null, 0.5);
        sim.finitialize(-65);
        sim.fadvance();
        assertEquals(0.025, sim.t(), 1e-15);
    }

    /** As NEURON 9.0.2: NetCon(None, syn).valid() is True, NetCon(v, None).valid() False. */
    @Test
    void validMeansItHasATarget() {
        ArtificialCellBench bench = new ArtificialCellBench();
        PointProcess target = bench.add(EventLog.TYPE);
        assertTrue(bench.events.newNetCon(target).valid());
        assertFalse(bench.events.newNetCon(new Watched(), null).valid());
        assertTrue(bench.events.newNetCon(new Watched(), target).valid());
    }
}
