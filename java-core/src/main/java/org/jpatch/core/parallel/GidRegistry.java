package org.jpatch.core.parallel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jpatch.core.event.SpikeSource;

/**
 * Which spike source each gid names on this rank, as NEURON's netpar.cpp keeps it:
 * {@code gid2out_} (gids this rank owns; their source once {@code cell()} gave one),
 * {@code gid2in_} (gids owned elsewhere, or nowhere, that local NetCons listen to: a source
 * that watches nothing) and each source's gid and output flag ({@code PreSyn::gid_},
 * {@code output_index_}). Error messages are NEURON's, naming the gid.
 */
final class GidRegistry {
    /** A source's {@code gid_} and whether its spikes are output ({@code output_index_ >= 0}). */
    private static final class Association {
        final int gid;
        boolean output;

        Association(int gid, boolean output) {
            this.gid = gid;
            this.output = output;
        }
    }

    private final Map<Integer, SpikeSource> owned = new HashMap<>(); // null value: set, no cell yet
    private final Map<Integer, SpikeSource> inputs = new HashMap<>();
    private final Map<SpikeSource, Association> associations = new IdentityHashMap<>();

    /** set_gid2node(gid, this rank). */
    void own(int gid) {
        if (inputs.containsKey(gid)) {
            throw new ParallelContextException("gid=" + gid + " already exists as an input port. Setup all the output "
                    + "ports on this process before using them as input ports.");
        }
        if (owned.containsKey(gid)) {
            throw new ParallelContextException("gid=" + gid + " already exists on this process as an output port");
        }
        owned.put(gid, null);
    }

    /** cell(gid, nc, output): {@code source} becomes the gid's spike source. */
    void associate(int gid, SpikeSource source, boolean output, int rank) {
        if (inputs.containsKey(gid)) {
            throw new ParallelContextException("gid=" + gid
                    + " is in the input list. Must register with pc.set_gid2node prior to connecting");
        }
        if (!owned.containsKey(gid)) {
            throw new ParallelContextException("gid=" + gid + " has not been set on rank " + rank);
        }
        Association existing = associations.get(source);
        if (existing != null && existing.gid != gid) {
            throw new ParallelContextException("Can't associate gid " + gid + ". PreSyn already associated with gid "
                    + existing.gid + ".");
        }
        owned.put(gid, source);
        associations.put(source, new Association(gid, output));
    }

    /** outputcell(gid): the gid's spikes are output (recorded by spike_record(-1)). */
    void markOutput(int gid, int rank) {
        associations.get(cellSource(gid, rank, "outputcell")).output = true;
    }

    /** NEURON's gid_exists: 0 unknown, 1 set here without a cell, 2 a cell, 3 an output cell. */
    int exists(int gid) {
        if (!owned.containsKey(gid)) {
            return 0;
        }
        SpikeSource source = owned.get(gid);
        if (source == null) {
            return 1;
        }
        return associations.get(source).output ? 3 : 2;
    }

    /** The source of a gid this rank owns and gave a cell; otherwise an exception naming {@code call}. */
    SpikeSource cellSource(int gid, int rank, String call) {
        if (!owned.containsKey(gid)) {
            throw new ParallelContextException(call + ": gid " + gid + " is not set on rank " + rank
                    + " (pc.set_gid2node)");
        }
        SpikeSource source = owned.get(gid);
        if (source == null) {
            throw new ParallelContextException(call + ": gid " + gid + " is set on rank " + rank
                    + " but has no cell (pc.cell)");
        }
        return source;
    }

    /**
     * The source a gid_connect from {@code gid} listens to: the owned gid's cell, else the gid's
     * input source, made by {@code newInput} the first time.
     */
    SpikeSource connectionSource(int gid, int rank, Supplier<SpikeSource> newInput) {
        if (owned.containsKey(gid)) {
            SpikeSource source = owned.get(gid);
            if (source == null) {
                throw new ParallelContextException("gid " + gid + " owned by " + rank + " but no associated cell");
            }
            return source;
        }
        return inputs.computeIfAbsent(gid, g -> {
            SpikeSource input = newInput.get();
            associations.put(input, new Association(g, false));
            return input;
        });
    }

    /** Owned gids whose cell is output, with their sources; refuses if an owned gid has no cell. */
    Map<Integer, SpikeSource> outputCells(int rank, String call) {
        Map<Integer, SpikeSource> outputs = new HashMap<>();
        for (Map.Entry<Integer, SpikeSource> e : owned.entrySet()) {
            // NEURON dereferences the missing cell here (a crash): refuse instead
            SpikeSource source = cellSource(e.getKey(), rank, call);
            if (associations.get(source).output) {
                outputs.put(e.getKey(), source);
            }
        }
        return outputs;
    }

    /** Sources of the gids this rank listens to but does not own (NEURON's gid2in_). */
    Collection<SpikeSource> inputSources() {
        return new ArrayList<>(inputs.values());
    }

    /** gid_clear: every gid forgotten; the sources and their NetCons stay, as in NEURON. */
    void clear() {
        owned.clear();
        inputs.clear();
        associations.clear();
    }
}
