package org.jpatch.core.mech.builtin;

import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.MechanismKernel;
import org.jpatch.core.mech.MechanismKind;
import org.jpatch.core.mech.MechanismType;
import org.jpatch.core.mech.NetEvents;
import org.jpatch.core.mech.NetReceiver;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.RangeKernel;
import org.jpatch.core.mech.RangeVariable;
import org.jpatch.core.random.Random;

/**
 * NEURON's NetStim ({@code src/nrnoc/netstim.mod}): an artificial cell firing
 * {@code number} spikes from {@code start}, {@code interval} apart, with a fraction
 * {@code noise} of each interval drawn from a negative exponential.
 *
 * <p>The random stream (NMODL's {@code RANDOM ranvar}) lives in the instance arrays as
 * NEURON's Random123 counter words: ids (id1, id2, id3) and the position (seq, which).
 * A draw recomputes the Philox block of the current position, so no per-instance object
 * is needed and the stream survives re-lowering with its instance.
 */
public final class NetStim extends MechanismKernel implements NetReceiver, RangeKernel {
    /** NEURON's type index: after hh (17). */
    public static final int ORDER = 18;
    /** id3 of a stream not yet numbered: the event system gives it NEURON's default (1, 0, n). */
    public static final double UNNUMBERED = -1.0;

    private static final int INTERVAL = 0, NUMBER = 1, START = 2, NOISE = 3, EVENT = 4, ON = 5, ISPIKE = 6,
            ID1 = 7, ID2 = 8, ID3 = 9, SEQ = 10, WHICH = 11;
    /** 1/(2^32 + 1), nrnran123_dblpick's scale. */
    private static final double SHIFT32 = 1.0 / 4294967297.0;
    private static final double TWO_POW_32 = 4294967296.0;

    public static final MechanismType TYPE = MechanismType.builder("NetStim", MechanismKind.ARTIFICIAL, ORDER)
            .variable(RangeVariable.parameter("interval", "ms", 10.0))
            .variable(RangeVariable.parameter("number", "", 10.0))
            .variable(RangeVariable.parameter("start", "ms", 50.0))
            .variable(RangeVariable.parameter("noise", "", 0.0))
            .variable(RangeVariable.assigned("event", "ms"))
            .variable(RangeVariable.assigned("on", "1"))
            .variable(RangeVariable.assigned("ispike", "1"))
            .variable(RangeVariable.parameter("ranvar_id1", "1", 1.0))
            .variable(RangeVariable.parameter("ranvar_id2", "1", 0.0))
            .variable(RangeVariable.parameter("ranvar_id3", "1", UNNUMBERED))
            .variable(RangeVariable.assigned("ranvar_seq", "1"))
            .variable(RangeVariable.assigned("ranvar_which", "1"))
            .kernel(NetStim::new)
            .build();

    private NetEvents events;
    private final int[] counter = new int[4];
    private final int[] block = new int[4];

    private double[] interval; // [ms]
    private double[] number;
    private double[] start;    // [ms]
    private double[] noise;
    private double[] event;    // [ms]
    private double[] on;
    private double[] ispike;
    private double[] id1, id2, id3, seq, which;

    /** NetStim.noiseFromRandom123(id1, id2, id3): the stream ids, position back to 0. */
    public static void noiseFromRandom123(PointProcess stim, long streamId1, long streamId2, long streamId3) {
        if (stim.type() != TYPE) {
            throw new InvalidValueException(stim.name() + " is not a NetStim");
        }
        double[] ids = {checkId(streamId1), checkId(streamId2), checkId(streamId3)};
        stim.set("ranvar_id1", ids[0]);
        stim.set("ranvar_id2", ids[1]);
        stim.set("ranvar_id3", ids[2]);
        stim.set("ranvar_seq", 0.0);
        stim.set("ranvar_which", 0.0);
    }

    /**
     * NetStim.noiseFromRandom(r): the stream ids and position of r's Random123 generator are
     * copied (INITIAL's seed(0) sets the position back to 0); r must use Random123, as NEURON 9
     * requires.
     */
    public static void noiseFromRandom(PointProcess stim, Random random) {
        if (stim.type() != TYPE) {
            throw new InvalidValueException(stim.name() + " is not a NetStim");
        }
        if (!random.isRandom123()) {
            throw new InvalidValueException(stim.name() + ".noiseFromRandom: Random.Random123 generator is required");
        }
        Random123Stream stream = random.random123Stream();
        stim.set("ranvar_id1", stream.id1());
        stim.set("ranvar_id2", stream.id2());
        stim.set("ranvar_id3", stream.id3());
        double position = stream.sequence();
        stim.set("ranvar_seq", Math.floor(position / 4.0));
        stim.set("ranvar_which", position % 4.0);
    }

    /**
     * NetStim.seed(x): the stream continues from position x = 4·seq + which (NEURON's
     * nrnran123_setseq(double)); x < 0 or above 2^40 - 1 means 0. INITIAL seeds 0 again.
     */
    public static void seed(PointProcess stim, double seq4which) {
        if (stim.type() != TYPE) {
            throw new InvalidValueException(stim.name() + " is not a NetStim");
        }
        if (Double.isNaN(seq4which)) {
            throw new InvalidValueException(stim.name() + ".seed(NaN)");
        }
        if (seq4which < 0.0 || seq4which > (double) 0xFFFFFFFFFFL) {
            seq4which = 0.0;
        }
        long position = ((long) seq4which) & 0x3FFFFFFFFL;
        stim.set("ranvar_seq", position >>> 2);
        stim.set("ranvar_which", position & 3);
    }

    private static double checkId(long id) {
        if (id < 0 || id > 0xFFFFFFFFL) {
            throw new InvalidValueException("Random123 stream id " + id + " is not an unsigned 32-bit integer");
        }
        return id;
    }

    @Override
    protected void bound() {
        interval = data.vars[INTERVAL];
        number = data.vars[NUMBER];
        start = data.vars[START];
        noise = data.vars[NOISE];
        event = data.vars[EVENT];
        on = data.vars[ON];
        ispike = data.vars[ISPIKE];
        id1 = data.vars[ID1];
        id2 = data.vars[ID2];
        id3 = data.vars[ID3];
        seq = data.vars[SEQ];
        which = data.vars[WHICH];
    }

    @Override
    public int weightCount() {
        return 1;
    }

    @Override
    public void bindEvents(NetEvents netEvents) {
        this.events = netEvents;
    }

    @Override
    public void initialize() {
        if (events == null) {
            return; // no event system attached: nothing could observe this cell's spikes
        }
        double t = globals.t;
        for (int k = 0; k < data.count; k++) {
            seq[k] = 0.0; // seed(0)
            which[k] = 0.0;
            on[k] = 0.0;
            ispike[k] = 0.0;
            if (noise[k] < 0.0) {
                noise[k] = 0.0;
            }
            if (noise[k] > 1.0) {
                noise[k] = 1.0;
            }
            if (start[k] >= 0.0 && number[k] > 0.0) {
                on[k] = 1.0;
                // the first spike falls on average at start + noise·interval, not before 0
                event[k] = start[k] + interval(k, interval[k]) - interval[k] * (1.0 - noise[k]);
                if (event[k] < 0.0) {
                    event[k] = 0.0;
                }
                events.netSend(TYPE, k, t + event[k], 3.0, null);
            }
        }
    }

    @Override
    public void netReceive(int k, double[] weights, double flag, double t) {
        if (flag == 0.0) { // an external event
            double w = weights[0];
            if (w > 0.0 && on[k] == 0.0) { // turn the sequence on, unless already on
                initSequence(k);
                nextInterval(k);
                event[k] = event[k] - interval[k] * (1.0 - noise[k]);
                events.netSend(TYPE, k, t + event[k], 1.0, weights);
            } else if (w < 0.0) { // turn it off for good
                on[k] = 0.0;
            }
        }
        if (flag == 3.0 && on[k] == 1.0) { // from INITIAL, unless an external event turned it off
            initSequence(k);
            events.netSend(TYPE, k, t + 0.0, 1.0, weights);
        }
        if (flag == 1.0 && on[k] == 1.0) {
            ispike[k] = ispike[k] + 1.0;
            events.netEvent(TYPE, k, t);
            nextInterval(k);
            if (on[k] == 1.0) {
                events.netSend(TYPE, k, t + event[k], 1.0, weights);
            }
        }
    }

    private void initSequence(int k) {
        if (number[k] > 0.0) {
            on[k] = 1.0;
            event[k] = 0.0;
            ispike[k] = 0.0;
        }
    }

    private void nextInterval(int k) {
        if (number[k] > 0.0) {
            event[k] = interval(k, interval[k]);
        }
        if (ispike[k] >= number[k]) {
            on[k] = 0.0;
        }
    }

    /** netstim.mod's invl(mean) [ms]. */
    private double interval(int k, double mean) {
        if (mean <= 0.0) {
            mean = 0.01;
        }
        if (noise[k] == 0.0) {
            return mean;
        }
        return (1.0 - noise[k]) * mean + noise[k] * mean * negexp(k);
    }

    /** nrnran123_negexp of this instance's stream: -ln((u + 1)/(2^32 + 1)). */
    private double negexp(int k) {
        counter[0] = (int) (long) seq[k];
        counter[1] = (int) (long) id3[k];
        counter[2] = (int) (long) id1[k];
        counter[3] = (int) (long) id2[k];
        Philox4x32.block(counter, events.random123GlobalIndex(), 0, block);
        int w = (int) which[k];
        long u = block[w] & 0xFFFFFFFFL;
        if (w == 3) {
            which[k] = 0.0;
            advanceCounter(k);
        } else {
            which[k] = w + 1;
        }
        return -Math.log((u + 1.0) * SHIFT32);
    }

    /** The 128-bit counter + 1: seq, then id3, id1, id2 carry as Random123's incr(). */
    private void advanceCounter(int k) {
        seq[k] += 1.0;
        if (seq[k] < TWO_POW_32) {
            return;
        }
        seq[k] = 0.0;
        id3[k] = (id3[k] + 1.0) % TWO_POW_32;
        if (id3[k] != 0.0) {
            return;
        }
        id1[k] = (id1[k] + 1.0) % TWO_POW_32;
        if (id1[k] != 0.0) {
            return;
        }
        id2[k] = (id2[k] + 1.0) % TWO_POW_32;
    }

    /** An artificial cell: no current, and its states change only at events (not per step). */
    @Override
    public void current(int from, int to) {}

    @Override
    public void state(int from, int to) {}
}
