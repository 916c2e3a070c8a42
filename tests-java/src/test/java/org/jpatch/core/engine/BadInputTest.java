package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.ModelException;
import org.jpatch.core.TopologyException;
import org.jpatch.core.UnknownMechanismException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input raises the specific exception whose message names the bad value, and
 * leaves the model exactly as it was: same geometry, topology, mechanisms, and the
 * same simulated trace to the last bit.
 */
class BadInputTest {
    private Simulation sim;
    private Section soma;
    private Section dend;
    private PointProcess stim;
    private List<String> somaMechanisms;

    /** An hh soma with a passive dendrite and a current step. */
    @BeforeEach
    void build() {
        sim = new Simulation();
        soma = sim.newSection("soma");
        soma.setL(20);
        soma.setDiam(20);
        soma.insert("hh");
        dend = sim.newSection("dend");
        dend.setL(200);
        dend.setDiam(2);
        dend.setNseg(5);
        dend.insert("pas");
        dend.connect(soma, 1, 0);
        stim = sim.newPointProcess("IClamp", soma, 0.5);
        stim.set("del", 1);
        stim.set("dur", 3);
        stim.set("amp", 0.3);
        somaMechanisms = soma.mechanisms();
    }

    private static double[] trace(Simulation sim, Section soma, Section dend) {
        sim.finitialize(-65);
        double[] v = new double[2 * 200];
        for (int i = 0; i < 200; i++) {
            sim.fadvance();
            v[2 * i] = soma.get("v", 0.5);
            v[2 * i + 1] = dend.get("v", 1.0);
        }
        return v;
    }

    private double[] referenceTrace() {
        BadInputTest fresh = new BadInputTest();
        fresh.build();
        return trace(fresh.sim, fresh.soma, fresh.dend);
    }

    private <T extends ModelException> void rejects(Class<T> type, String named, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(named), () -> "message '" + e.getMessage() + "' should name " + named);
    }

    private void assertUnchanged() {
        assertEquals(20.0, soma.L());
        assertEquals(20.0, soma.diam(0.5));
        assertEquals(35.4, soma.Ra());
        assertEquals(1.0, soma.cm(0.5));
        assertEquals(5, dend.nseg());
        assertEquals(soma, dend.parent());
        assertNull(soma.parent());
        assertEquals(List.of(dend), soma.children());
        assertTrue(somaMechanisms.contains("hh"));
        assertEquals(somaMechanisms, soma.mechanisms());
        assertEquals(List.of("pas"), dend.mechanisms());
        assertEquals(List.of(soma, dend), sim.sections());
        assertEquals(0.025, sim.dt());
        assertArrayEquals(referenceTrace(), trace(sim, soma, dend));
    }

    @Test
    void nonPositiveOrNanGeometryIsRejectedNamingTheValue() {
        rejects(InvalidValueException.class, "0.0", () -> soma.setL(0));
        rejects(InvalidValueException.class, "-5.0", () -> soma.setL(-5));
        rejects(InvalidValueException.class, "NaN", () -> soma.setL(Double.NaN));
        rejects(InvalidValueException.class, "-1.0", () -> soma.setDiam(-1));
        rejects(InvalidValueException.class, "0.0", () -> soma.setDiam(0.5, 0));
        rejects(InvalidValueException.class, "NaN", () -> soma.setRa(Double.NaN));
        rejects(InvalidValueException.class, "0.0", () -> soma.setRa(0));
        rejects(InvalidValueException.class, "-2.0", () -> soma.setCm(-2));
        rejects(InvalidValueException.class, "NaN", () -> soma.setCm(0.5, Double.NaN));
        assertUnchanged();
    }

    @Test
    void nsegBelowOneIsRejectedNamingTheValue() {
        rejects(InvalidValueException.class, "0", () -> dend.setNseg(0));
        rejects(InvalidValueException.class, "-3", () -> dend.setNseg(-3));
        assertUnchanged();
    }

    @Test
    void positionOutsideZeroOneIsRejectedNamingTheValue() {
        rejects(InvalidValueException.class, "1.5", () -> soma.get("v", 1.5));
        rejects(InvalidValueException.class, "-0.1", () -> soma.set("gnabar_hh", -0.1, 0.2));
        rejects(InvalidValueException.class, "2.0", () -> sim.newPointProcess("IClamp", soma, 2.0));
        rejects(InvalidValueException.class, "-1.0", () -> sim.movePointProcess(stim, dend, -1.0));
        rejects(InvalidValueException.class, "1.01", () -> dend.connect(soma, 1.01, 0));
        assertEquals(1, soma.pointProcesses().size());
        assertEquals(0.5, stim.x());
        assertUnchanged();
    }

    @Test
    void childEndOtherThanZeroOrOneIsRejectedNamingTheValue() {
        rejects(InvalidValueException.class, "0.5", () -> dend.connect(soma, 0.5, 0.5));
        assertUnchanged();
    }

    @Test
    void connectionMakingALoopIsRejected() {
        Section tip = sim.newSection("tip");
        tip.connect(dend, 1, 0);
        rejects(TopologyException.class, "soma", () -> soma.connect(tip, 1, 0));
        rejects(TopologyException.class, "dend", () -> dend.connect(dend, 0.5, 0));
        assertNull(soma.parent());
        assertEquals(dend, tip.parent());
        sim.deleteSection(tip);
        assertUnchanged();
    }

    @Test
    void unknownMechanismIsRejectedNamingIt() {
        rejects(UnknownMechanismException.class, "kdr", () -> soma.insert("kdr"));
        rejects(UnknownMechanismException.class, "IClamp", () -> soma.insert("IClamp"));
        rejects(UnknownMechanismException.class, "Nope", () -> sim.newPointProcess("Nope", soma, 0.5));
        rejects(UnknownMechanismException.class, "pas", () -> sim.newPointProcess("pas", soma, 0.5));
        assertEquals(1, soma.pointProcesses().size());
        assertUnchanged();
    }

    @Test
    void unknownVariableIsRejectedNamingIt() {
        rejects(UnknownVariableException.class, "g_pas", () -> soma.get("g_pas", 0.5));
        rejects(UnknownVariableException.class, "m_hh", () -> dend.set("m_hh", 0.5, 0.1));
        rejects(UnknownVariableException.class, "m_hh", () -> sim.ref(dend, 0.5, "m_hh"));
        rejects(UnknownVariableException.class, "gmax", () -> stim.get("gmax"));
        rejects(UnknownVariableException.class, "gmax", () -> sim.ref(stim, "gmax"));
        rejects(UnknownVariableException.class, "tstart", () -> sim.getGlobal("tstart"));
        rejects(UnknownVariableException.class, "tstart", () -> sim.setGlobal("tstart", 1));
        rejects(UnknownVariableException.class, "tstart", () -> sim.globalRef("tstart"));
        assertUnchanged();
    }

    @Test
    void nonPositiveTimeStepIsRejectedNamingTheValue() {
        rejects(InvalidValueException.class, "0.0", () -> sim.setGlobal("dt", 0));
        rejects(InvalidValueException.class, "-0.025", () -> sim.setGlobal("dt", -0.025));
        rejects(InvalidValueException.class, "NaN", () -> sim.setGlobal("dt", Double.NaN));
        rejects(InvalidValueException.class, "-1.0", () -> sim.globalRef("dt").set(-1));
        assertUnchanged();
    }

    @Test
    void deletedObjectsCannotBeUsed() {
        Section extra = sim.newSection("extra");
        PointProcess extraStim = sim.newPointProcess("IClamp", extra, 0.5);
        sim.deleteSection(extra);
        rejects(DeletedObjectException.class, "extra", () -> extra.setL(10));
        rejects(DeletedObjectException.class, "IClamp[1]", () -> extraStim.get("amp"));
        assertTrue(extraStim.isDeleted());
        assertUnchanged();
    }
}
