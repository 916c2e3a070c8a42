package org.jpatch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jpatch.core.model.Section;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

class TopologyTextTest {
    /** What NEURON 9.0.2's h.topology() printed for the same tree (nseg, ends and order as below). */
    private static final String NEURON_OUTPUT = "\n"
            + "|---|       soma(0-1)\n"
            + "     `----|       d1(0-1)\n"
            + "        `-|       d3(0-1)\n"
            + "   `|       d4(1-0)\n"
            + "    `---|       d5(0-1)\n"
            + "   `|       d6(0-1)\n"
            + " `|       d2(0-1)\n"
            + "|--|       other(0-1)\n"
            + "\n";

    @Test
    void matchesNeuronsTopologyForBranchesAtBothEndsTheMiddleAndAReversedChild() {
        Simulation sim = new Simulation();
        Section soma = section(sim, "soma", 3);
        Section d1 = section(sim, "d1", 5);
        d1.connect(soma, 1, 0);
        Section d2 = section(sim, "d2", 1);
        d2.connect(soma, 0, 0);
        Section d3 = section(sim, "d3", 2);
        d3.connect(d1, 0.5, 0);
        Section d4 = section(sim, "d4", 1);
        d4.connect(soma, 0.5, 1);
        Section d5 = section(sim, "d5", 4);
        d5.connect(d4, 0.3, 0);
        Section d6 = section(sim, "d6", 1);
        d6.connect(d4, 1, 0);
        section(sim, "other", 2);
        assertEquals(NEURON_OUTPUT, TopologyText.of(sim.sections()));
    }

    @Test
    void noSectionsGiveTwoEmptyLines() {
        assertEquals("\n\n", TopologyText.of(List.of()));
    }

    private static Section section(Simulation sim, String name, int nseg) {
        Section s = sim.newSection(name);
        s.setNseg(nseg);
        return s;
    }
}
