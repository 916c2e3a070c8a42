package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.model.Section;
import org.jpatch.core.record.Vector;
import org.jpatch.core.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * NEURON's ringtest (test/ringtest/ring.hoc and cell.hoc in neuronsimulator/nrn): 20
 * ball-and-stick cells in a ring, each soma's v(1) crossing 10 mV drives an ExpSyn on the
 * next cell's dendrite; an IClamp starts it. Checked against the repository's own
 * out.dat.ref (33 spikes, printed with %g) and against full-precision times from real
 * NEURON (tools/reference/events/gen_ringtest.py).
 */
class RingtestTest {
    private static final int NCELL = 20;

    private record Ring(double[] times, double[] ids, int somaNseg, int dendNseg) {}

    private static Ring runRing() {
        Simulation sim = new Simulation();
        EventSystem events = EventSystem.attach(sim);
        List<BallStickCell> cells = new ArrayList<>();
        for (int i = 0; i < NCELL; i++) {
            cells.add(new BallStickCell(sim));
        }
        for (int i = 0; i < NCELL; i++) {
            Section soma = cells.get(i).soma;
            NetCon nc = events.newNetCon(sim.ref(soma, 1, "v"), cells.get((i + 1) % NCELL).excitatory);
            nc.setThreshold(10);
            nc.setDelay(1);
            nc.setWeight(0, 0.01);
        }
        PointProcess stim = sim.newPointProcess("IClamp", cells.get(0).soma, 0.5);
        stim.set("dur", 1);
        stim.set("amp", 1);
        Vector tvec = new Vector(), idvec = new Vector();
        for (int gid = 0; gid < NCELL; gid++) {
            NetCon nc = events.newNetCon(sim.ref(cells.get(gid).soma, 1, "v"), null);
            nc.setThreshold(10);
            nc.record(new VectorSpikeRecord(tvec, idvec, gid));
        }
        sim.setGlobal("dt", 0.025);
        sim.finitialize(-65);
        sim.continuerun(100);
        return new Ring(tvec.toArray(), idvec.toArray(), cells.get(0).soma.nseg(), cells.get(0).dend.nseg());
    }

    @Test
    void ringSpikesEqualNeuronsOutDatRef() throws IOException {
        Ring ring = runRing();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ring.times().length; i++) {
            lines.add(String.format("%s\t %d", formatG(ring.times()[i]), (int) ring.ids()[i]));
        }
        assertEquals(readOutDatRef(), lines);
    }

    @Test
    void ringSpikeTimesEqualNeuronsToFullPrecision() {
        JsonNode ref = ReferenceData.load("ringtest.json");
        Ring ring = runRing();
        assertEquals(ref.get("nseg").get("soma").asInt(), ring.somaNseg());
        assertEquals(ref.get("nseg").get("dend").asInt(), ring.dendNseg());
        assertArrayEquals(ReferenceData.doubles(ref.get("ids")), ring.ids(), 0.0);
        assertArrayEquals(ReferenceData.doubles(ref.get("times")), ring.times(), 1e-9);
    }

    /** C's %g (6 significant digits, trailing zeros dropped), as hoc's printf. */
    private static String formatG(double x) {
        String s = String.format("%.6g", x);
        if (s.contains("e") || s.contains("E")) {
            throw new IllegalArgumentException("exponent form not needed for ring times: " + s);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static List<String> readOutDatRef() throws IOException {
        try (InputStream in = RingtestTest.class.getResourceAsStream("/reference/events/ringtest_out.dat.ref")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"));
        }
    }
}
