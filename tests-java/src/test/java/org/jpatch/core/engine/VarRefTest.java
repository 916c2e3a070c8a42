package org.jpatch.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.UnknownVariableException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/** References name a variable, not a storage slot: they follow it through re-lowering. */
class VarRefTest {
    @Test
    void segmentReferenceFollowsItsVariableThroughNsegChangesAndReLowering() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("hh");
        VarRef v = sim.ref(soma, 0.5, "v");
        VarRef m = sim.ref(soma, 0.5, "m_hh");
        sim.finitialize(-60);
        assertEquals(-60.0, v.get());
        assertEquals(soma.get("m_hh", 0.5), m.get());

        soma.setNseg(3);             // structure change: values by position, new storage
        soma.insert("pas");          // another one
        assertEquals(-60.0, v.get());
        v.set(-50);
        assertEquals(-50.0, soma.get("v", 0.5));
        sim.fadvance();              // re-lowers
        assertEquals(soma.get("v", 0.5), v.get());
        assertEquals(soma.get("m_hh", 0.5), m.get());
        m.set(0.25);
        assertEquals(0.25, soma.get("m_hh", 0.5));
        assertEquals("soma(0.5).v", v.name());
    }

    @Test
    void referenceToAnUninsertedMechanismOrDeletedSectionFailsOnUse() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        soma.insert("pas");
        VarRef g = sim.ref(soma, 0.5, "g_pas");
        VarRef v = sim.ref(soma, 0.5, "v");
        soma.uninsert("pas");
        assertThrows(UnknownVariableException.class, g::get);
        sim.deleteSection(soma);
        assertThrows(DeletedObjectException.class, v::get);
    }

    @Test
    void pointProcessAndGlobalReferencesReadAndWriteTheLiveValues() {
        Simulation sim = new Simulation();
        Section soma = sim.newSection("soma");
        PointProcess stim = sim.newPointProcess("IClamp", soma, 0.5);
        VarRef amp = sim.ref(stim, "amp");
        VarRef i = sim.ref(stim, "i");
        VarRef t = sim.globalRef("t");
        VarRef celsius = sim.globalRef("celsius");
        stim.set("dur", 1);
        amp.set(0.5);
        sim.finitialize(-65);
        sim.fadvance();
        assertEquals(0.5, i.get());
        assertEquals(sim.t(), t.get());
        celsius.set(30);
        assertEquals(30.0, sim.getGlobal("celsius"));
        soma.setNseg(5);
        sim.fadvance();
        assertEquals(0.5, amp.get());
        assertEquals("IClamp[0].amp", amp.name());
    }
}
