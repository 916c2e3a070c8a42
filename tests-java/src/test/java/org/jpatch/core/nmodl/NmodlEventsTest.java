package org.jpatch.core.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpatch.core.ModelException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.event.EventSystem;
import org.jpatch.core.event.SpikeTimes;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.nmodl.ast.SourcePosition;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The issue-6 event and pointer constructs in the engine without NEURON: FOR_NETCONS'
 * order, what net_move and an unset POINTER do wrong, and where the translator refuses.
 * NmodlEventsDifferentialTest compares the same constructs with NEURON.
 */
class NmodlEventsTest {
    private static PointProcess compileAndPlace(Simulation sim, String name, String text) {
        new NmodlCompiler().translate(new NmodlParser().parse(name + ".mod", text, null)).registerIn(sim.catalogue());
        Section soma = sim.newSection("soma");
        return sim.newPointProcess(name, soma, 0.5);
    }

    private static PointProcess netStim(Simulation sim) {
        PointProcess ns = sim.newPointProcess("NetStim", null, 0.5);
        ns.set("number", 0);
        return ns;
    }

    @Test
    void forNetconsVisitsSourcesInCreationOrderThenEachSourcesNetCons() {
        Simulation sim = new Simulation();
        PointProcess pp = compileAndPlace(sim, "Order", """
                NEURON { POINT_PROCESS Order RANGE order }
                ASSIGNED { order }
                INITIAL { order = 0 net_send(0.5, 1) }
                NET_RECEIVE (w) {
                  FOR_NETCONS (x) { order = order*10 + x }
                }
                """);
        EventSystem events = EventSystem.attach(sim);
        PointProcess first = netStim(sim), second = netStim(sim);
        events.newNetCon(second, pp).setWeight(0, 1); // makes second's spike source first
        events.newNetCon(first, pp).setWeight(0, 2);
        events.newNetCon(second, pp).setWeight(0, 3);
        sim.finitialize(-65);
        for (int i = 0; i < 40; i++) {
            sim.fadvance();
        }
        assertEquals(132, pp.get("order"));
    }

    @Test
    void watchNetMoveAndForNetconsStepWithoutAllocating() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Simulation sim = new Simulation();
        for (String file : new String[] {"watchgate.mod", "movingsyn.mod"}) {
            java.nio.file.Path path = java.nio.file.Path.of(getClass().getResource("/nmodl/events/" + file).toURI());
            new NmodlCompiler().translate(path).registerIn(sim.catalogue());
        }
        EventSystem events = EventSystem.attach(sim);
        Section soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("pas");
        PointProcess gate = sim.newPointProcess("WatchGate", soma, 0.5);
        PointProcess syn = sim.newPointProcess("MovingSyn", soma, 0.5);
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("dur", 1e9);
        stim.set("amp", 0.3);
        PointProcess ns = sim.newPointProcess("NetStim", null, 0.5);
        ns.set("start", 1);
        ns.set("interval", 3); // longer than MovingSyn's delay: each input's moved event comes
        ns.set("number", 1e9);
        events.newNetCon(ns, syn).setWeight(0, 0.0001);
        SpikeTimes opened = new SpikeTimes(), shut = new SpikeTimes();
        events.newNetCon(gate, (PointProcess) null).record(opened);
        events.newNetCon(syn, (PointProcess) null).record(shut);
        sim.finitialize(-65);
        sim.continuerun(200); // warm-up: lowering, JIT, queue and record capacity
        int openedBefore = opened.size(), shutBefore = shut.size();

        long before = threads.getThreadAllocatedBytes(thread);
        for (int n = 0; n < 4000; n++) {
            sim.fadvance();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(opened.size() > openedBefore + 10, "WATCH kept opening the shunt");
        assertTrue(shut.size() > shutBefore, "net_move's postponed event kept firing");
        assertTrue(allocated < 4096, "4,000 steps allocated " + allocated + " bytes");
    }

    @Test
    void netMoveWithoutAPendingFlagOneEventIsAnError() {
        Simulation sim = new Simulation();
        PointProcess pp = compileAndPlace(sim, "Mover", """
                NEURON { POINT_PROCESS Mover }
                NET_RECEIVE (w) { net_move(t + 1) }
                """);
        EventSystem events = EventSystem.attach(sim);
        sim.finitialize(-65);
        events.newNetCon(pp).event(0.3); // an event with flag 0; nothing was sent with flag 1
        ModelException e = assertThrows(ModelException.class, () -> {
            for (int i = 0; i < 40; i++) {
                sim.fadvance();
            }
        });
        assertTrue(e.getMessage().contains("No event with flag=1 for net_move in Mover[0]"), e.getMessage());
    }

    @Test
    void pointerThatPointsNowhereStopsFinitializeNamingIt() {
        Simulation sim = new Simulation();
        PointProcess pp = compileAndPlace(sim, "Gap", """
                NEURON { POINT_PROCESS Gap POINTER vgap ELECTRODE_CURRENT i RANGE g }
                PARAMETER { g = 0.001 (uS) }
                ASSIGNED { v (mV) vgap (mV) i (nA) }
                BREAKPOINT { i = g*(vgap - v) }
                """);
        ModelException e = assertThrows(ModelException.class, () -> sim.finitialize(-65));
        assertTrue(e.getMessage().contains("POINTER vgap of Gap"), e.getMessage());
        assertThrows(UnknownVariableException.class, () -> pp.setPointer("g", sim.ref(pp.section(), 0.5, "v")));
        pp.setPointer("vgap", sim.ref(pp.section(), 0.5, "v"));
        sim.finitialize(-65);
        sim.fadvance();
        assertEquals(0.0, pp.get("i"), 0.0); // pointing at its own node: no current
    }

    @Test
    void pointerAssignedInTheModFileWritesItsTarget() {
        Simulation sim = new Simulation();
        PointProcess pp = compileAndPlace(sim, "Writer", """
                NEURON { POINT_PROCESS Writer POINTER target }
                ASSIGNED { target }
                INITIAL { target = 42 }
                """);
        PointProcess other = netStim(sim);
        pp.setPointer("target", sim.ref(other, "interval"));
        sim.finitialize(-65);
        assertEquals(42.0, other.get("interval"));
    }

    @Test
    void eventCallsOutsideNetReceiveAreRefusedWhereTheyAre() {
        assertRefusedAt(2, 11, "net_event is allowed only in NET_RECEIVE", """
                NEURON { POINT_PROCESS P }
                INITIAL { net_event(t) }
                NET_RECEIVE (w) { }
                """);
        assertRefusedAt(2, 29, "WATCH is allowed only in NET_RECEIVE", """
                NEURON { POINT_PROCESS P }
                NET_RECEIVE (w) { INITIAL { WATCH (w > 1) 2 } }
                """);
    }

    @Test
    void forNetconsWithOtherArgumentsThanNetReceiveIsRefusedAsByNocmodl() {
        assertRefusedAt(2, 26, "FOR_NETCONS and NET_RECEIVE do not have same number of arguments", """
                NEURON { POINT_PROCESS P }
                NET_RECEIVE (w, count) { FOR_NETCONS (x) { } }
                """);
    }

    @Test
    void solveOfAProcedureByAnIntegrationMethodIsRefused() {
        assertRefusedAt(3, 14, "SOLVE of a PROCEDURE with METHOD cnexp not supported yet", """
                NEURON { SUFFIX p }
                ASSIGNED { x }
                BREAKPOINT { SOLVE q METHOD cnexp }
                PROCEDURE q() { x = 1 }
                """);
    }

    /** As NEURON 9.0.2 does (checked with nrnivmodl): the fixed step never runs it. */
    @Test
    void artificialCellsBreakpointNeverRuns() {
        Simulation sim = new Simulation();
        new NmodlCompiler().translate(new NmodlParser().parse("artbp.mod", """
                NEURON { ARTIFICIAL_CELL ArtBP RANGE x, y }
                ASSIGNED { y }
                STATE { x }
                INITIAL { x = 1 y = 0 }
                BREAKPOINT { SOLVE s METHOD cnexp  y = y + 1 }
                DERIVATIVE s { x' = -x }
                NET_RECEIVE (w) { }
                """, null)).registerIn(sim.catalogue());
        PointProcess cell = sim.newPointProcess("ArtBP", null, 0.5);
        sim.newSection("soma");
        sim.finitialize(-65);
        for (int i = 0; i < 10; i++) {
            sim.fadvance();
        }
        assertEquals(1.0, cell.get("x"));
        assertEquals(0.0, cell.get("y"));
    }

    private static void assertRefusedAt(int line, int column, String message, String text) {
        var file = new NmodlParser().parse("refused.mod", text, null);
        NmodlSyntaxException e = assertThrows(NmodlSyntaxException.class, () -> new NmodlCompiler().translate(file));
        assertEquals(new SourcePosition("refused.mod", line, column), e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
