package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.builtin.NetStim;
import org.jpatch.core.random.MCellRan4Globals;
import org.jpatch.core.random.Random;
import org.junit.jupiter.api.Test;

/**
 * NetStim.noiseFromRandom(r) against real NEURON 9.0.2 (the netstim cases of
 * tools/reference/random/gen_random.py): the NetStim draws from the stream of r's ids.
 */
class NetStimNoiseFromRandomTest {
    private static JsonNode netstimCase(String name) {
        try (InputStream in = NetStimNoiseFromRandomTest.class.getResourceAsStream("/reference/random/random.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no case " + name);
    }

    @Test
    void noisyNetStimFedByARandom123RandomFiresAtNeuronsTimes() {
        for (String name : new String[] {"netstim_noise_from_random", "netstim_noise_from_random_seq"}) {
            JsonNode c = netstimCase(name);
            JsonNode op = c.get("ops").get(0);
            ArtificialCellBench bench = new ArtificialCellBench();
            Random r = new Random(bench.events.randomStreams(), new MCellRan4Globals());
            r.random123(op.get(1).asDouble(), op.get(2).asDouble(), op.get(3).asDouble());
            // INITIAL's seed(0) restarts the stream: a position set on r does not carry over
            r.seq(op.get(4).asDouble());
            PointProcess stim = bench.add(NetStim.TYPE);
            stim.set("start", 1);
            stim.set("noise", 1);
            stim.set("interval", 2);
            stim.set("number", 40);
            NetStim.noiseFromRandom(stim, r);
            assertEquals(r.random123Stream().id3(), stim.get("ranvar_id3"));
            SpikeTimes times = new SpikeTimes();
            bench.events.newNetCon(stim, null).record(times);
            bench.finitialize();
            bench.continuerun(100);
            double[] expected = new double[c.get("results").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Double.parseDouble(c.get("results").get(i).asText());
            }
            assertArrayEquals(expected, times.toArray(), 0.0, name);
        }
    }

    @Test
    void noiseFromAnMCellRan4RandomIsRefused() {
        ArtificialCellBench bench = new ArtificialCellBench();
        Random r = new Random(bench.events.randomStreams(), new MCellRan4Globals());
        r.mcellRan4(5);
        PointProcess stim = bench.add(NetStim.TYPE);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NetStim.noiseFromRandom(stim, r));
        assertEquals("NetStim[0].noiseFromRandom: Random.Random123 generator is required", e.getMessage());
    }
}
